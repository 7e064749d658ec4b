// Lints the shipped example drafts with the sources (scripts/lint-examples.mjs; the build does it with the
// compiled code), so that a test can look at what the rules met: the patterns they declared, the clauses read.
// @ts-expect-error: a plain JavaScript build script
import { lintShippedExamples as lintExamplesWith } from '../../scripts/lint-examples.mjs';
import { lintDrafts } from '../../src/lint-core.js';
import { builtInRules } from '../../rules/index.js';
import { defaultSettings, mergeSettings } from '../../src/settings.js';
import { schemaDefaults } from '../../src/schema.js';

export async function lintShippedExamples(): Promise<void> {
  await lintExamplesWith({ lintDrafts, builtInRules, defaultSettings, mergeSettings, schemaDefaults });
}
