// 1 MB adversarial drafts through every rule: each run completes, no rule fails, and the parser limits say
// what they did. How long each shape takes is measured by the benchmark, not asserted here.
import { describe, it, expect } from 'vitest';
import { builtInRules } from '../rules/index.js';
import { lintDrafts } from '../src/lint-core.js';
import { defaultSettings, mergeSettings } from '../src/settings.js';
import { schemaDefaults } from '../src/schema.js';
import type { Severity } from '../src/types.js';

const MEGABYTE = 1 << 20;
const settings = mergeSettings(defaultSettings(), {
  brandName: 'Clínica Dental Sonrisa', competitorDomains: ['dentalrival.es'], competitorHandles: ['dentalrival'], jurisdictions: ['es', 'it', 'eu'],
  contact: { phones: ['+34 910 123 456'], emails: ['hola@sonrisa.es'], addresses: [], openingHours: [], websites: ['sonrisa.es'] },
});
const rules = builtInRules.map((rule) => ({ rule, severity: (rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity) as Severity, options: schemaDefaults(rule.meta.optionsSchema) }));
const frontMatter = '---\nplatforms: [x, instagram, bluesky, mastodon]\nlang: es\ntype: reply\n---\n';

const shapes: Record<string, string> = {
  'near-miss words': 'toma 400 mg cada 8 horas paciente María López de 34 años garantizado sin dolor el mejor ',
  'digits and separators': '1.2,3 4-5 6/7 ',
  'a long run of spaces': ' ',
  'mentions and e-mails': '@a@b.c x@y.z ',
  'hashtags': '#a#b ',
  'one long word': 'x',
  'brackets': '[](',
  'emphasis markers': '*_',
  'line breaks': '\n',
  'nested quotes': '> ',
  'dotted words': 'a.b.',
  'emoji and keycaps': '👩🏽‍⚕️1️⃣🇪🇸',
  'URLs': 'https://a.es/?utm_source=x&fbclid=y ',
  'lone surrogates and NUL': '\ud800\u0000\udfff',
};

describe('1 MB adversarial drafts', () => {
  for (const [name, unit] of Object.entries(shapes)) {
    it(`${name}: completes with every rule`, async () => {
      const body = unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);
      const [result] = await lintDrafts(
        [{ path: '/virtual/huge.md', displayPath: 'huge.md', source: frontMatter + body, reported: true, config: { settings, rules } }],
        { today: '2026-06-30', knownRuleIds: new Set() },
      );
      expect(result.findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
      if (name === 'emphasis markers') expect(result.findings.some((finding) => /emphasis markers/.test(finding.message))).toBe(true);
      if (name === 'nested quotes') expect(result.findings.some((finding) => /nested more than 32 deep/.test(finding.message))).toBe(true);
    }, 300_000);
  }
});
