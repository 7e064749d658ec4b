// Property-based tests over arbitrary Unicode, Markdown and front matter: medpost never throws, every finding lies
// inside its file, output is the same run to run and whatever the file order, and fixes are idempotent.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { builtInRules } from '../rules/index.js';
import { lintDrafts, processDrafts, type DraftInput } from '../src/lint-core.js';
import { defaultSettings, mergeSettings } from '../src/settings.js';
import { schemaDefaults } from '../src/schema.js';
import { applyFixes } from '../src/fix.js';
import type { Severity } from '../src/types.js';

const settings = mergeSettings(defaultSettings(), {
  brandName: 'Clínica Dental Sonrisa',
  competitorDomains: ['dentalrival.es'],
  competitorHandles: ['dentalrival'],
  ownDomains: ['sonrisa.es'],
  contact: { phones: ['+34 910 123 456'], emails: ['hola@sonrisa.es'], addresses: [], openingHours: [], websites: [] },
});
const rules = builtInRules
  .filter((rule) => rule.meta.defaultSeverity !== 'off')
  .map((rule) => ({ rule, severity: rule.meta.defaultSeverity as Severity, options: schemaDefaults(rule.meta.optionsSchema) }));
const config = { settings, rules };
const knownRuleIds = new Set([...builtInRules.map((rule) => rule.meta.id), 'parse-error', 'internal-error', 'directives']);
const run = (drafts: Array<{ name: string; source: string }>) =>
  lintDrafts(
    drafts.map((draft): DraftInput => ({ path: `/virtual/${draft.name}`, displayPath: draft.name, source: draft.source, reported: true, config })),
    { today: '2026-06-30', knownRuleIds },
  );

// Pieces real drafts are made of, plus hostile ones.
const fragment = fc.oneof(
  fc.constantFrom(
    '# Título\n', '## Sottotitolo\n', '**Resultados garantizados**', '_cura miracolosa_', '> cita\n> > anidada\n', '- item\n  - nested\n    - deeper\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n', '```\ncode\n```\n', '`inline`', '<!-- medpost-disable -->', '<!-- medpost-enable -->',
    '<!-- medpost-disable-next-line no-competitor-links -->\n', '[link](https://dentalrival.es/x?utm_source=a&fbclid=b)', '<https://bit.ly/x>',
    'https://www.who.int/x', 'dentalrival.es', '@dentalrival', '#salud', '#SaludBucodental', 'Take 400 mg of ibuprofen every 6 hours.',
    'Toma un antibiótico cada 8 horas.', 'Prendi la tachipirina due volte al giorno.', 'Llámanos al 612 345 678.', 'DNI 12345678Z',
    'IBAN ES91 2100 0418 4502 0005 1332', 'nuestra paciente María López, de 34 años', '9 de cada 10', '€199', '…', '🦷👩🏽‍⚕️', '\u0000', '\ud800',
    '\udfff', '\r\n', '\r', '\n\n', '\t', '   ', '![alt](img.jpg)', '<img src="x.png">', '---\n', '***', '\\*', '&amp;', '&#x1F600;',
    'Book now: only €199, 30% off!', 'Pide cita', 'Prenota ora',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const body = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(fc.sample(fc.constantFrom(' ', '\n', ''), 1)[0]));
const frontMatterValue = fc.oneof(
  fc.constantFrom('instagram', 'x', 'instagarm', '[x, linkedin]', '2026-03-02', '2026-02-30', 'es', 'it', 'promo', 'reply', 'true', 'null', '{a: 1}', '[', '&a x', '*a', '"unterminated', '- a\n- b'),
  fc.string({ maxLength: 20 }),
);
const frontMatter = fc
  .array(fc.tuple(fc.constantFrom('platform', 'platforms', 'date', 'lang', 'type', 'sponsored', 'consent', 'media', 'platfrom', 'x'), frontMatterValue), { maxLength: 6 })
  .map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n'));
const draft = fc.oneof(
  fc.tuple(frontMatter, body).map(([matter, text]) => `---\n${matter}\n---\n${text}`),
  fc.tuple(frontMatter, body).map(([matter, text]) => `\ufeff---\r\n${matter.replace(/\n/g, '\r\n')}\r\n---\r\n${text}`),
  body,
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function lineLengths(source: string): number[] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.split('\n').map((line) => line.length);
}

describe('properties over arbitrary drafts', () => {
  it('never throws, and every finding lies inside its file', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (source) => {
        const [result] = await run([{ name: 'a.md', source }]);
        const lines = lineLengths(source);
        for (const finding of result.findings) {
          expect(finding.ruleId, finding.message).not.toBe('internal-error');
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lines.length);
          expect(finding.column).toBeGreaterThanOrEqual(1);
          expect(finding.column).toBeLessThanOrEqual(lines[finding.line - 1] + 1);
          expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
          expect(finding.endLine).toBeLessThanOrEqual(lines.length);
          expect(finding.endColumn).toBeLessThanOrEqual(lines[finding.endLine - 1] + 1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same records whether the text is held in one-byte or two-byte form (a run of one draft or of many)', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (source) => {
        const input: DraftInput = { path: '/virtual/a.md', displayPath: 'a.md', source, reported: true, config };
        const alone = await processDrafts([input], {});
        const amongMany = await processDrafts([input], { moreToCome: true });
        expect(amongMany).toEqual(alone);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same output run to run and whatever the order of the files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 5 }), async (sources) => {
        const drafts = sources.map((source, index) => ({ name: `d${index}.md`, source }));
        const first = await run(drafts);
        const again = await run(drafts);
        const reversed = await run([...drafts].reverse());
        expect(again).toEqual(first);
        expect(reversed).toEqual(first);
      }),
      { numRuns: 40 },
    );
  });

  it('applies fixes idempotently: once fixed, nothing more to fix', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (source) => {
        let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
        for (let pass = 0; pass < 10; pass += 1) {
          const [result] = await run([{ name: 'a.md', source: text }]);
          const { output, applied } = applyFixes(text, result.findings);
          if (applied.length === 0 || output === text) break;
          text = output;
        }
        const [after] = await run([{ name: 'a.md', source: text }]);
        expect(applyFixes(text, after.findings).output).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
