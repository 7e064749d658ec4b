// Baselines for content repos that adopt medpost with hundreds of existing drafts: record today's findings
// (rule, file and a fingerprint of the offending text — not line numbers, so edits elsewhere keep it valid),
// then report only new ones. --prune-baseline drops entries that no longer occur.
import { readFile } from 'node:fs/promises';
import type { LintFileResult } from './lint-core.js';
import { recount } from './lint-core.js';
import { writeOutputFile } from './output-file.js';
import { MedpostError } from './errors.js';

export const DEFAULT_BASELINE_FILE = '.medpost-baseline.json';

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  /** How many findings with this fingerprint the file had. */
  count: number;
}

export interface BaselineFile {
  tool: 'medpost';
  format: 1;
  entries: BaselineEntry[];
}

const keyOf = (file: string, ruleId: string, fingerprint: string) => `${file}\0${ruleId}\0${fingerprint}`;

export async function readBaseline(path: string): Promise<BaselineFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MedpostError(`cannot read the baseline ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as BaselineFile;
    if (parsed.tool !== 'medpost' || !Array.isArray(parsed.entries)) throw new Error('not a medpost baseline');
    return parsed;
  } catch (error) {
    throw new MedpostError(`${path} is not a valid medpost baseline (${(error as Error).message}); delete it and run --write-baseline`);
  }
}

export function baselineOf(results: LintFileResult[]): BaselineFile {
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    for (const finding of result.findings) {
      const key = keyOf(finding.file, finding.ruleId, finding.fingerprint);
      const entry = counts.get(key) ?? { file: finding.file, ruleId: finding.ruleId, fingerprint: finding.fingerprint, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  const entries = [...counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { tool: 'medpost', format: 1, entries };
}

/** Removes baselined findings from the results; returns the baseline reduced to what still matched. */
export function applyBaseline(results: LintFileResult[], baseline: BaselineFile): BaselineFile {
  const remaining = new Map(baseline.entries.map((entry) => [keyOf(entry.file, entry.ruleId, entry.fingerprint), entry.count]));
  const matched = new Map<string, BaselineEntry>();
  for (const result of results) {
    const kept = [];
    for (const finding of result.findings) {
      const key = keyOf(finding.file, finding.ruleId, finding.fingerprint);
      const left = remaining.get(key) ?? 0;
      if (left > 0) {
        remaining.set(key, left - 1);
        const entry = matched.get(key) ?? { file: finding.file, ruleId: finding.ruleId, fingerprint: finding.fingerprint, count: 0 };
        entry.count += 1;
        matched.set(key, entry);
        result.baselinedCount += 1;
      } else {
        kept.push(finding);
      }
    }
    result.findings = kept;
    recount(result);
  }
  return { tool: 'medpost', format: 1, entries: [...matched.values()] };
}

export async function writeBaseline(path: string, baseline: BaselineFile): Promise<void> {
  await writeOutputFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
}
