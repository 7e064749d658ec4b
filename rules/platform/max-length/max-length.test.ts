import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RuleTester, lintDraftWithRule } from '../../../src/rule-tester.js';
import { countXWeightedLength, measureLength } from '../../../src/counting/index.js';
import rule from './index.js';

const fixtures = join(import.meta.dirname, '../../../fixtures/platform/length');
const { cases } = parse(readFileSync(join(fixtures, 'cases.yaml'), 'utf8')) as {
  cases: Array<{ file: string; platform: string; length: number; bytes?: number; limit: number; flagged: boolean }>;
};

describe('length fixtures: just under, at and just over each limit', () => {
  for (const fixture of cases) {
    it(`${fixture.file}: ${fixture.flagged ? 'flagged' : 'accepted'} (${fixture.length} of ${fixture.limit})`, async () => {
      const code = readFileSync(join(fixtures, fixture.file), 'utf8');
      const findings = await lintDraftWithRule(rule, { code, filename: fixture.file });
      expect(findings.map((finding) => finding.platform)).toEqual(fixture.flagged ? [fixture.platform] : []);
      if (fixture.flagged) {
        expect(findings[0].severity).toBe('error');
        expect(findings[0].message).toContain(fixture.bytes ? `${fixture.bytes.toLocaleString('en-US')} bytes` : fixture.length.toLocaleString('en-US'));
      }
    });
  }
});

const x = (body: string) => `---\nplatform: x\n---\n${body}\n`;
const filler = (count: number) => 'x'.repeat(count);

new RuleTester().run(rule, {
  valid: [
    { name: 'X: 280 weighted characters exactly', code: x(filler(280)) },
    { name: 'X: a long URL counts 23', code: x(`${filler(250)} https://www.clinica-ejemplo.es/blog/2026/03/consejos-para-cuidar-tus-encias-en-casa`) },
    { name: 'X: the Markdown link counts as "text url" with the URL as 23', code: x(`${filler(240)} [cita](https://clinica.es/c)`) },
    { name: 'X: HTML comments and directives are not published', code: x(`<!-- note for the team: ${filler(400)} -->\n\n${filler(270)}`) },
    { name: 'X Premium: the config raises the limit', code: x(filler(1000)), settings: { platforms: { x: { length: { max: 25000 } } } } },
    { name: 'Mastodon instance with 1,000 characters', code: `---\nplatform: mastodon\n---\n${filler(900)}\n`, settings: { platforms: { mastodon: { length: { max: 1000 } } } } },
    { name: 'Bluesky counts graphemes: 300 accented letters written decomposed', code: `---\nplatform: bluesky\n---\n${'e\u0301'.repeat(300)}\n` },
    { name: 'a platform added in config without a length is not checked', code: `---\nplatform: pixelfed\n---\n${filler(5000)}\n`, settings: { platforms: { pixelfed: { name: 'Pixelfed' } } } },
    { name: 'no platform: nothing to check', code: filler(5000) },
  ],
  invalid: [
    {
      name: 'X: 281 weighted characters',
      code: x(filler(281)),
      errors: [{ message: /too long for X \(Twitter\): 281 weighted characters.*limit is 280/, platform: 'x', kind: 'length', line: 4, column: 281, severity: 'error' }],
    },
    {
      name: 'X: Spanish text where € and … weigh 2',
      code: x(`${filler(274)} 45 €…`),
      errors: [{ message: /282 weighted/, platform: 'x' }],
    },
    {
      name: 'two platforms: each is checked, findings name the platform',
      code: `---\nplatforms: [x, threads, linkedin]\n---\n${filler(600)}\n`,
      errors: [
        { platform: 'x', message: /X \(Twitter\)/ },
        { platform: 'threads', message: /Threads: 600 characters/ },
      ],
    },
    {
      name: 'a platform added in config with its own limit',
      code: `---\nplatform: pixelfed\n---\n${filler(2001)}\n`,
      settings: { platforms: { pixelfed: { name: 'Pixelfed', length: { max: 2000, counting: 'graphemes' } } } },
      errors: [{ platform: 'pixelfed', message: /Pixelfed: 2,001 characters/ }],
    },
    {
      name: 'Mastodon: URLs count 23, remote mentions count only @user',
      code: `---\nplatform: mastodon\n---\n@dra.rossi@medici.social ${filler(466)} https://studio-esempio.it/prenota-una-visita-di-controllo\n`,
      errors: [{ platform: 'mastodon', message: /Mastodon: 501 characters/ }],
    },
  ],
});

describe('counting units used by the rule', () => {
  it('€ and … weigh 2 on X, Spanish and Italian accents 1', () => {
    expect(countXWeightedLength('¿Cuánto cuesta? 45 €…')).toBe(23);
    expect(countXWeightedLength('Perché è così')).toBe(13);
  });
  it('Bluesky: 3,000 bytes is a second limit', () => {
    const measure = measureLength('é'.repeat(1501), { max: 300, counting: 'graphemes', maxUtf8Bytes: 3000 });
    expect(measure).toMatchObject({ length: 1501, utf8Bytes: 3002, maxUtf8Bytes: 3000, overflowOffset: 300 });
  });
});
