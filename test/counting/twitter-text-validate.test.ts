// twitter-text's weighted-length conformance cases (fixtures/twitter-text/validate.yml, Apache-2.0; see its README):
// every case of WeightedTweetsCounterTest (config v2), WeightedTweetsWithDiscountedEmojiCounterTest and
// UnicodeDirectionalMarkerCounterTest (config v3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseXPost, X_COUNTING_V2, X_COUNTING_V3, type XCountingConfig } from '../../src/counting/index.js';

const fixtures = join(import.meta.dirname, '../../fixtures/twitter-text');
const conformance = parse(readFileSync(join(fixtures, 'validate.yml'), 'utf8')) as {
  tests: Record<string, Array<{ description: string; text: string; expected: Record<string, unknown> }>>;
};
const configV3 = JSON.parse(readFileSync(join(fixtures, 'config-v3.json'), 'utf8')) as XCountingConfig;

it('the built-in v3 configuration is twitter-text config/v3.json', () => {
  expect({ ...X_COUNTING_V3 }).toEqual(configV3);
});

const sections: Array<[string, Readonly<XCountingConfig>]> = [
  ['WeightedTweetsCounterTest', X_COUNTING_V2],
  ['WeightedTweetsWithDiscountedEmojiCounterTest', X_COUNTING_V3],
  ['UnicodeDirectionalMarkerCounterTest', X_COUNTING_V3],
];

for (const [section, config] of sections) {
  describe(`validate.yml ${section} (config v${config.version})`, () => {
    const cases = conformance.tests[section];
    it('has its cases', () => expect(cases.length).toBeGreaterThan(1));
    for (const testCase of cases) {
      it(testCase.description, () => {
        expect(parseXPost(testCase.text, config)).toEqual(testCase.expected);
      });
    }
  });
}
