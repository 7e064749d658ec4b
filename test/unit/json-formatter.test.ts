// The JSON report is written draft by draft (a whole 100,000-draft report does not fit in one string): the
// pieces must join to exactly what JSON.stringify of the whole report gives, and be written whole.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import json from '../../src/formatters/json.js';
import { writeOutputFile } from '../../src/output-file.js';
import type { LintReport } from '../../src/lint.js';

const findingArbitrary = fc.record({
  ruleId: fc.constantFrom('no-patient-data', 'platform/fold'), severity: fc.constantFrom('warn', 'error'), message: fc.string(),
  file: fc.string(), line: fc.nat(), column: fc.nat(), endLine: fc.nat(), endColumn: fc.nat(), fingerprint: fc.string(),
});
const resultArbitrary = fc.record({
  displayPath: fc.string(), errorCount: fc.nat(), warningCount: fc.nat(), fixableCount: fc.nat(), suppressedCount: fc.nat(),
  findings: fc.array(findingArbitrary, { maxLength: 3 }),
});

function wholeReport(report: LintReport): string {
  return `${JSON.stringify({
    tool: 'medpost', version: '9.9.9', errorCount: report.errorCount, warningCount: report.warningCount, fixableCount: report.fixableCount,
    results: report.results.map((result) => ({
      filePath: result.displayPath, errorCount: result.errorCount, warningCount: result.warningCount, fixableCount: result.fixableCount,
      suppressedCount: result.suppressedCount, findings: result.findings,
    })),
    fixes: report.fixes.map(({ file, appliedCount, written, skipped }) => ({ file, appliedCount, written, skipped })),
    warnings: report.warnings,
  }, null, 2)}\n`;
}

describe('json formatter', () => {
  it('writes in pieces exactly what one JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 4 }), fc.array(fc.string(), { maxLength: 2 }), (results, warnings) => {
        const report = { errorCount: 1, warningCount: 2, fixableCount: 3, results, warnings, fixes: [] } as unknown as LintReport;
        const context = { cwd: '/', color: false, version: '9.9.9' };
        expect([...json.chunks!(report, context)].join('')).toBe(wholeReport(report));
        expect(json(report, context)).toBe(wholeReport(report));
      }),
      { numRuns: 300 },
    );
  });

  it('report files are the pieces joined, written atomically', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'medpost-json-')), 'out', 'report.json');
    const pieces = Array.from({ length: 5000 }, (_, index) => `piece ${index} ${'é'.repeat(index % 300)}\n`);
    await writeOutputFile(path, pieces);
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
  });
});
