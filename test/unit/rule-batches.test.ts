// The per-draft stage runs rules over a batch of drafts rule by rule (for the processor's caches); each draft must
// get exactly the record it gets when linted alone, whatever its neighbours in the batch.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { builtInRules } from '../../rules/index.js';
import { processDraft, processDrafts, RULE_BATCH_SIZE, type DraftInput, type FileConfig } from '../../src/lint-core.js';
import { defaultSettings, mergeSettings } from '../../src/settings.js';
import type { Rule } from '../../src/types.js';
import { readCalendar } from '../helpers/lint-calendar.js';

function configOf(rules: Rule[], settings = defaultSettings()): FileConfig {
  return {
    settings,
    rules: rules.map((rule) => ({
      rule,
      severity: rule.meta.defaultSeverity === 'error' ? 'error' : 'warn',
      options: Object.fromEntries(Object.entries(rule.meta.optionsSchema?.properties ?? {})
        .filter(([, schema]) => schema.default !== undefined).map(([key, schema]) => [key, structuredClone(schema.default)])),
    })),
  };
}

/** Throws on drafts that mention a dentist: the other drafts of its batch must not notice. */
const fragile: Rule = {
  meta: { id: 'fragile', description: 'throws on some drafts', scope: 'post', defaultSeverity: 'warn', tags: [] },
  check({ post, report }) {
    if (/dentist/i.test(post.text.value)) throw new Error('boom');
    report({ message: `seen ${post.displayPath}` });
  },
} as unknown as Rule;

describe('rules over a batch of drafts', () => {
  const drafts = readCalendar(join(import.meta.dirname, '..', '..', 'examples', 'drafts'));
  const main = configOf([...builtInRules, fragile]);
  const other = configOf(builtInRules, mergeSettings(defaultSettings(), { languages: ['es', 'en'] }));
  // More drafts than one batch holds, mixing two configurations and drafts reported or only there for context.
  const inputs: DraftInput[] = Array.from({ length: RULE_BATCH_SIZE * 2 + 7 }, (_, index) => {
    const draft = drafts[index % drafts.length];
    return {
      path: `/calendar/${index}/${draft.path}`,
      displayPath: `${index}/${draft.path}`,
      source: draft.code,
      reported: index % 5 !== 3,
      config: index % 3 === 0 ? other : main,
    };
  });

  // A draft of over a megabyte ends its batch early (the trees of a batch are held together).
  inputs.splice(10, 0, {
    path: '/calendar/large.md', displayPath: 'large.md', reported: true, config: main,
    source: `---\nplatform: facebook\nlang: en\n---\n${'Brush twice a day and floss. Ask your dentist at your next visit.\n\n'.repeat(16_000)}`,
  });

  it('gives each draft the record it gets alone, in input order', async () => {
    expect(drafts.length).toBeGreaterThan(5);
    const batched = await processDrafts(inputs, {});
    const alone = [];
    for (const input of inputs) alone.push(await processDraft(input, {}));
    expect(batched).toEqual(alone);
    const findings = batched.flatMap((record) => record.findings);
    expect(findings.some((finding) => finding.ruleId === 'internal-error')).toBe(true);
    expect(findings.some((finding) => finding.ruleId === 'fragile')).toBe(true);
    expect(batched.filter((record) => !record.reported).every((record) => record.findings.length === 0)).toBe(true);
    expect(batched.some((record) => !record.reported && record.summaries.length > 0)).toBe(true);
  });
});
