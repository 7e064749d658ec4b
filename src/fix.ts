// Applying the fixes rules attach to findings. Overlapping fixes are left for the next pass
// (lint re-runs until nothing changes), as ESLint does.
import type { Finding, Fix } from './types.js';

export interface FixResult {
  output: string;
  applied: Finding[];
  /** Findings with a fix that overlapped another and was not applied in this pass. */
  deferred: Finding[];
}

export function applyFixes(source: string, findings: readonly Finding[]): FixResult {
  const fixable = findings.filter((finding): finding is Finding & { fix: Fix } => finding.fix !== undefined);
  fixable.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const parts: string[] = [];
  const applied: Finding[] = [];
  const deferred: Finding[] = [];
  let cursor = 0;
  for (const finding of fixable) {
    const [start, end] = finding.fix.range;
    if (start < cursor || start > end || end > source.length) {
      deferred.push(finding);
      continue;
    }
    // Identical fixes reported twice (e.g. once per platform) are applied once.
    parts.push(source.slice(cursor, start), finding.fix.text);
    cursor = end;
    applied.push(finding);
  }
  parts.push(source.slice(cursor));
  return { output: parts.join(''), applied, deferred };
}
