// Lints the shipped example drafts (three languages, every jurisdiction, every built-in rule) in this process,
// so that a test can look at what the rules met: the patterns they declared, the literal clauses they read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './cli.js';
import { lintDrafts } from '../../src/lint-core.js';
import { builtInRules } from '../../rules/index.js';
import { defaultSettings, mergeSettings } from '../../src/settings.js';
import { schemaDefaults } from '../../src/schema.js';

export async function lintShippedExamples(): Promise<void> {
  const settings = mergeSettings(defaultSettings(), { languages: ['en', 'es', 'it'], jurisdictions: ['es', 'it', 'eu', 'us'] });
  const rules = builtInRules.map((rule) => ({ rule, severity: 'warn' as const, options: schemaDefaults(rule.meta.optionsSchema) }));
  const inputs = ['en', 'es', 'it'].flatMap((language) => {
    const folder = join(repositoryRoot, 'examples', 'drafts', language);
    return readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => ({
      path: join(folder, name), displayPath: `${language}/${name}`, source: readFileSync(join(folder, name), 'utf8'), reported: true, config: { settings, rules },
    }));
  });
  await lintDrafts(inputs, { today: '2026-06-30', knownRuleIds: new Set() });
}
