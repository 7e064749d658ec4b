// Data-file patterns compile when they first run, not when a lexicon loads: this compiles every pattern the rules
// declared while linting the examples in three languages, so a broken pattern in a lexicon fails here.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../helpers/cli.js';
import { lintDrafts } from '../../src/lint-core.js';
import { builtInRules } from '../../rules/index.js';
import { defaultSettings, mergeSettings } from '../../src/settings.js';
import { schemaDefaults } from '../../src/schema.js';
import { compilePattern, declaredPatternList } from '../../src/rule-helpers.js';

describe('declared data-file patterns', () => {
  it('all compile', async () => {
    const settings = mergeSettings(defaultSettings(), { languages: ['en', 'es', 'it'], jurisdictions: ['es', 'it', 'eu', 'us'] });
    const rules = builtInRules.map((rule) => ({ rule, severity: 'warn' as const, options: schemaDefaults(rule.meta.optionsSchema) }));
    const inputs = ['en', 'es', 'it'].flatMap((language) => {
      const folder = join(repositoryRoot, 'examples', 'drafts', language);
      return readdirSync(folder).map((name) => ({
        path: join(folder, name), displayPath: `${language}/${name}`, source: readFileSync(join(folder, name), 'utf8'), reported: true, config: { settings, rules },
      }));
    });
    await lintDrafts(inputs, { today: '2026-06-30', knownRuleIds: new Set() });
    const declared = declaredPatternList();
    expect(declared.length).toBeGreaterThan(300);
    for (const { source, flags } of declared) expect(() => compilePattern(source, flags), source.slice(0, 100)).not.toThrow();
  });
});
