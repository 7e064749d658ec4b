// twitter-text's URL extraction conformance cases (fixtures/twitter-text/extract.yml, Apache-2.0; see its README).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extractUrlsWithIndices } from '../../src/counting/index.js';

interface ExtractCase<Expected> { description: string; text: string; expected: Expected }
const conformance = parse(readFileSync(join(import.meta.dirname, '../../fixtures/twitter-text/extract.yml'), 'utf8')) as {
  tests: Record<string, Array<ExtractCase<unknown>>>;
};

describe('twitter-text extract.yml: urls', () => {
  for (const section of ['urls', 'tco_urls_with_params']) {
    for (const testCase of conformance.tests[section] as Array<ExtractCase<string[]>>) {
      it(`${section}: ${testCase.description}`, () => {
        expect(extractUrlsWithIndices(testCase.text).map((entry) => entry.url)).toEqual(testCase.expected);
      });
    }
  }
  for (const section of ['urls_with_indices', 'urls_with_directional_markers']) {
    for (const testCase of conformance.tests[section] as Array<ExtractCase<Array<{ url: string; indices: [number, number] }>>>) {
      it(`${section}: ${testCase.description}`, () => {
        expect(extractUrlsWithIndices(testCase.text)).toEqual(testCase.expected);
      });
    }
  }
});

describe('URL extraction on long runs of text', () => {
  it('completes on 20,000 characters of CJK text, of dotted words and of an unbalanced URL path', () => {
    expect(extractUrlsWithIndices('日本語のテキスト。'.repeat(2500))).toEqual([]);
    expect(Array.isArray(extractUrlsWithIndices('a.b-c_d.'.repeat(2500)))).toBe(true);
    expect(extractUrlsWithIndices(`http://example.com/${'(a'.repeat(5000)}`).length).toBeGreaterThan(0);
  });
});
