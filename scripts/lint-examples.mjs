// Lints the shipped example drafts (three languages, every jurisdiction, every built-in rule) in this process,
// so that the caller can look at what the rules met: the patterns they declared, the literal clauses they read.
// Given medpost's modules: the build passes the compiled ones (scripts/literal-clauses.mjs), tests the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function lintShippedExamples({ lintDrafts, builtInRules, defaultSettings, mergeSettings, schemaDefaults }) {
  const settings = mergeSettings(defaultSettings(), { languages: ['en', 'es', 'it'], jurisdictions: ['es', 'it', 'eu', 'us'] });
  const rules = builtInRules.map((rule) => ({ rule, severity: 'warn', options: schemaDefaults(rule.meta.optionsSchema) }));
  const inputs = ['en', 'es', 'it'].flatMap((language) => {
    const folder = join(root, 'examples', 'drafts', language);
    return readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => ({
      path: join(folder, name), displayPath: `${language}/${name}`, source: readFileSync(join(folder, name), 'utf8'), reported: true, config: { settings, rules },
    }));
  });
  await lintDrafts(inputs, { today: '2026-06-30', knownRuleIds: new Set() });
}
