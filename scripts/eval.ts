// npm run eval [-- SET…] [--check] [--verbose]
// Precision and recall of the built-in rules on the labelled draft sets under fixtures/eval/<set>/.
// Each set has a labels.yaml:
//   rules: [no-medical-advice]            # the rules this set measures
//   settings: { jurisdictions: [es] }     # optional organisation settings for the whole set
//   options: { no-medical-advice: {…} }   # optional rule options
//   targets: { no-medical-advice: { precision: 0.9, recall: 0.85 } }   # per rule or rule:kind
//   drafts:
//     en/dosage-in-reply.md: [no-medical-advice]
//     en/flu-shot-campaign.md: []                          # clean: must not be flagged
//     es/telefono-paciente.md: [no-patient-data:phone]     # rule:kind when the rule reports kinds
// A draft counts once per rule (and per kind): flagged or not. The language is the draft's folder (en/, es/, it/).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { builtInRules } from '../rules/index.js';
import { lintDrafts, type DraftInput } from '../src/lint-core.js';
import { defaultSettings, mergeSettings } from '../src/settings.js';
import type { Finding, Severity } from '../src/types.js';
import { schemaDefaults } from '../src/schema.js';

interface LabelFile {
  rules: string[];
  settings?: Record<string, unknown>;
  options?: Record<string, Record<string, unknown>>;
  targets?: Record<string, { precision?: number; recall?: number }>;
  drafts: Record<string, string[] | null>;
}

interface Tally { tp: number; fp: number; fn: number; tn: number; misses: string[]; falseAlarms: string[] }

const root = resolve(import.meta.dirname, '..', 'fixtures', 'eval');
const argv = process.argv.slice(2);
const check = argv.includes('--check');
const verbose = argv.includes('--verbose');
const wanted = argv.filter((argument) => !argument.startsWith('--'));
const sets = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, 'labels.yaml'))) : [];
let belowTarget = 0;

for (const set of sets.filter((name) => wanted.length === 0 || wanted.includes(name))) {
  const directory = join(root, set);
  const labels = parse(readFileSync(join(directory, 'labels.yaml'), 'utf8')) as LabelFile;
  const settings = mergeSettings(defaultSettings(), labels.settings as never);
  const rules = builtInRules
    .filter((rule) => labels.rules.includes(rule.meta.id))
    .map((rule) => ({
      rule,
      severity: (rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity) as Severity,
      options: { ...schemaDefaults(rule.meta.optionsSchema), ...(labels.options?.[rule.meta.id] ?? {}) },
    }));
  const missingRules = labels.rules.filter((id) => !rules.some((configured) => configured.rule.meta.id === id));
  if (missingRules.length > 0) {
    console.log(`\n${set}: rules not built in yet: ${missingRules.join(', ')}`);
    continue;
  }
  const inputs: DraftInput[] = Object.keys(labels.drafts).map((file) => ({
    path: join(directory, file),
    displayPath: file,
    reported: true,
    config: { settings, rules },
  }));
  const unlabelled = listDrafts(directory).filter((file) => !(file in labels.drafts));
  const results = await lintDrafts(inputs, { today: '2026-01-01', knownRuleIds: new Set(builtInRules.map((rule) => rule.meta.id)) });
  const findingsByFile = new Map(results.map((result) => [result.displayPath, result.findings]));

  // Which labels to score: each rule, and each rule:kind that the labels use.
  const labelKeys = new Set<string>(labels.rules);
  for (const expected of Object.values(labels.drafts)) for (const label of expected ?? []) if (label.includes(':')) labelKeys.add(label);
  const tallies = new Map<string, Tally>();
  for (const [file, expectedRaw] of Object.entries(labels.drafts)) {
    const expected = expectedRaw ?? [];
    const language = file.split('/')[0];
    const findings = findingsByFile.get(file) ?? [];
    const crashed = findings.filter((finding) => finding.ruleId === 'internal-error' || finding.ruleId === 'parse-error');
    if (crashed.length > 0) console.log(`  ! ${file}: ${crashed.map((finding) => finding.message).join('; ')}`);
    for (const key of labelKeys) {
      const [ruleId, kind] = key.split(':');
      const isExpected = expected.some((label) => label === key || (!kind && label.startsWith(`${ruleId}:`)));
      const flagged = findings.some((finding) => finding.ruleId === ruleId && (!kind || finding.kind === kind));
      for (const scope of [`${key}\t${language}`, `${key}\tall`]) {
        const tally = tallies.get(scope) ?? { tp: 0, fp: 0, fn: 0, tn: 0, misses: [], falseAlarms: [] };
        if (isExpected && flagged) tally.tp += 1;
        else if (isExpected) { tally.fn += 1; tally.misses.push(file); }
        else if (flagged) { tally.fp += 1; tally.falseAlarms.push(`${file}: ${describe(findings.filter((finding) => finding.ruleId === ruleId))}`); }
        else tally.tn += 1;
        tallies.set(scope, tally);
      }
    }
  }

  console.log(`\n${set} (${inputs.length} drafts${unlabelled.length ? `, ${unlabelled.length} unlabelled: ${unlabelled.slice(0, 5).join(', ')}` : ''})`);
  console.log('  rule[:kind]                               lang   drafts   TP   FP   FN   precision  recall  target');
  for (const [scope, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    const [key, language] = scope.split('\t');
    const precision = tally.tp + tally.fp === 0 ? 1 : tally.tp / (tally.tp + tally.fp);
    const recall = tally.tp + tally.fn === 0 ? 1 : tally.tp / (tally.tp + tally.fn);
    const target = labels.targets?.[key];
    const meets = !target || (precision >= (target.precision ?? 0) && recall >= (target.recall ?? 0));
    if (!meets) belowTarget += 1;
    const targetText = target ? `${meets ? 'ok' : 'BELOW'} (p>=${target.precision ?? '-'}, r>=${target.recall ?? '-'})` : '';
    const drafts = tally.tp + tally.fp + tally.fn + tally.tn;
    console.log(`  ${key.padEnd(42)}${language.padEnd(7)}${String(drafts).padStart(6)}${String(tally.tp).padStart(5)}${String(tally.fp).padStart(5)}${String(tally.fn).padStart(5)}   ${precision.toFixed(3).padStart(8)} ${recall.toFixed(3).padStart(7)}  ${targetText}`);
    if (verbose && language !== 'all') {
      for (const miss of tally.misses) console.log(`      missed: ${miss}`);
      for (const alarm of tally.falseAlarms) console.log(`      false alarm: ${alarm}`);
    }
  }
}

if (check && belowTarget > 0) {
  console.log(`\n${belowTarget} score(s) below target`);
  process.exitCode = 1;
}

function describe(findings: Finding[]): string {
  return findings.map((finding) => `${finding.line}:${finding.column}${finding.kind ? ` (${finding.kind})` : ''} ${finding.message}`).join(' | ');
}

function listDrafts(directory: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(directory, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listDrafts(directory, relative));
    else if (/\.(md|markdown)$/.test(entry.name)) files.push(relative);
  }
  return files;
}
