// The small commands: rules, explain, init, print-config.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { builtInRules } from '../rules/index.js';
import { builtInRuleReadme } from './docs.js';
import { ConfigLoader } from './config.js';
import { configFileIn } from './draft-paths.js';
import { MedpostError } from './errors.js';
import { didYouMean } from './suggest.js';
import type { Rule } from './types.js';

async function rulesKnownHere(): Promise<Rule[]> {
  const loader = new ConfigLoader({ cwd: process.cwd(), builtInRules });
  const layer = await loader.layerFor(join(process.cwd(), 'draft.md'));
  return [...loader.rulesById(layer).values()];
}

export async function listRules(format: string, color: boolean): Promise<string> {
  const rules = await rulesKnownHere();
  if (format === 'json') {
    return `${JSON.stringify(rules.map((rule) => rule.meta), null, 2)}\n`;
  }
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  const lines = [chalk.bold(`${'rule'.padEnd(width)}  default  scope       fix  description`)];
  for (const rule of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    const { meta } = rule;
    const severity = meta.defaultSeverity === 'error' ? chalk.red('error') : meta.defaultSeverity === 'warn' ? chalk.yellow('warn ') : chalk.dim('off  ');
    lines.push(`${meta.id.padEnd(width)}  ${severity}    ${meta.scope.padEnd(10)}  ${meta.fixable ? 'yes' : '   '}  ${meta.description}`);
    if (meta.docsUrl) lines.push(chalk.dim(`${' '.repeat(width)}  ${meta.docsUrl}`));
  }
  lines.push('', `${rules.length} rules. \`medpost explain RULE\` prints a rule's documentation.`);
  return `${lines.join('\n')}\n`;
}

export async function explainRule(ruleId: string): Promise<string> {
  const rule = builtInRules.find((candidate) => candidate.meta.id === ruleId);
  if (!rule) {
    const ids = builtInRules.map((candidate) => candidate.meta.id);
    throw new MedpostError(`unknown rule '${ruleId}'${didYouMean(ruleId, ids)}; \`medpost rules\` lists them`);
  }
  const readme = builtInRuleReadme(ruleId);
  if (!existsSync(readme)) return `${rule.meta.id}: ${rule.meta.description}\n`;
  return readFileSync(readme, 'utf8');
}

export const STARTER_CONFIG = `# medpost configuration. Docs: \`medpost rules\`, \`medpost explain RULE\`.
# Editors: the next line gives completion and validation in YAML editors (yaml-language-server).
# yaml-language-server: $schema=./node_modules/medpost/schema/medpostrc.schema.json

# Presets: recommended (each rule at its default severity) or strict (every rule on, as an error).
extends: recommended

# Your drafts: what \`medpost lint\` lints with no paths, and what calendar rules (promo ratio,
# cadence, cross-posting) see even when a pre-commit hook names only a few files.
files:
  - "drafts/**/*.md"

settings:
  # brandName: "Clínica Dental Sonrisa"
  languages: [en, es, it]        # languages you post in; detection is restricted to these
  defaultLanguage: es            # for drafts without lang that are too short to detect
  phoneRegions: [ES, IT]         # how to read phone numbers written without +country code
  # jurisdictions: [es]          # advertising law to apply: es, it, eu, us
  # ownDomains: [sonrisa.es]
  # competitorDomains: [dentalrival.es]
  # competitorHandles: [dentalrival]
  # contact:
  #   phones: ["+34 910 000 000"]
  #   emails: [hola@sonrisa.es]
  # allowedNames: ["Dra. Ana Ruiz"]  # staff who may be named in posts
  # vocabulary:
  #   accept: { es: ["Sonrisa Plus"] }   # never flagged by any text rule

rules:
  # no-competitor-links: error
  # platform/hashtags: [warn, { }]

# overrides:
#   - files: ["drafts/it/**"]
#     settings: { jurisdictions: [it] }
`;

export async function initConfig(cwd: string): Promise<string> {
  const existing = configFileIn(cwd);
  if (existing) throw new MedpostError(`${basename(existing)} already holds a medpost config here: medpost init never overwrites one`);
  const target = join(cwd, '.medpostrc.yaml');
  await writeFile(target, STARTER_CONFIG, { encoding: 'utf8', flag: 'wx' });
  return `wrote ${target}\nnext: edit settings (brand, domains, competitors), then run: npx medpost lint drafts/\n`;
}

export async function printConfig(file: string, configFile?: string): Promise<string> {
  const loader = new ConfigLoader({ cwd: process.cwd(), configFile, builtInRules });
  const path = resolve(file);
  const layer = await loader.layerFor(path);
  const fileConfig = await loader.fileConfig(path);
  const output = {
    file: path,
    configFile: layer.file ?? null,
    preset: layer.preset,
    settings: fileConfig.settings,
    rules: Object.fromEntries(fileConfig.rules.map((configured) => [configured.rule.meta.id, [configured.severity, configured.options]])),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** `medpost lint --explain-type FILE`: the cues that made the promo-ratio classifier decide. */
export async function explainType(file: string, configFile?: string): Promise<string> {
  const { parsePost } = await import('./post.js');
  const { readDraftFile } = await import('./read-draft.js');
  const { platformRegistry } = await import('./platforms.js');
  const { explainClassification, formatClassification } = await import('../rules/promo-ratio/index.js');
  const { displayPathOf } = await import('./files.js');
  const path = resolve(file);
  const read = await readDraftFile(path);
  if ('error' in read) throw new MedpostError(`${file}: ${read.error}`);
  const loader = new ConfigLoader({ cwd: process.cwd(), configFile, builtInRules });
  const { settings } = await loader.fileConfig(path);
  const displayPath = displayPathOf(process.cwd(), path);
  const { post } = await parsePost(read.source, { path, displayPath, settings, platformAliases: platformRegistry(settings).aliases });
  return `${formatClassification(displayPath, explainClassification(post))}\n`;
}
