// medpost's programmatic API.
//   import { lint, loadConfig, formatters, RuleTester } from 'medpost';
export { lint, localDate, type LintOptions, type LintReport, type FixReport } from './lint.js';
export type { LintFileResult } from './lint-core.js';
export { RuleTester, lintDraftWithRule, type DraftCase, type InvalidCase, type ExpectedFinding } from './rule-tester.js';
export { builtInRules } from '../rules/index.js';
export { MedpostError, ConfigError } from './errors.js';
export { parsePost } from './post.js';
export * from './types.js';
export * as ruleHelpers from './rule-helpers.js';

import { resolve } from 'node:path';
import { builtInRules } from '../rules/index.js';
import { ConfigLoader } from './config.js';
import type { FileConfig } from './lint-core.js';
import { loadFormatter, formatterNames } from './formatters/index.js';

/** The settings and configured rules that apply to a draft path (config discovered as the CLI does). */
export async function loadConfig(filePath: string, options: { cwd?: string; configFile?: string } = {}): Promise<FileConfig & { configFile?: string }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loader = new ConfigLoader({ cwd, configFile: options.configFile, builtInRules });
  const layer = await loader.layerFor(resolve(cwd, filePath));
  return { ...(await loader.fileConfig(filePath)), configFile: layer.file };
}

/** Formatters by name: `await formatters.load('sarif')`. */
export const formatters = { names: formatterNames, load: loadFormatter };
