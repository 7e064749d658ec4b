// Machine-readable findings: one object per linted draft.
import type { Formatter } from './types.js';

const json: Formatter = (report, context) => {
  const output = {
    tool: 'medpost',
    version: context.version,
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    fixableCount: report.fixableCount,
    results: report.results.map((result) => ({
      filePath: result.displayPath,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fixableCount: result.fixableCount,
      suppressedCount: result.suppressedCount,
      findings: result.findings,
    })),
    fixes: report.fixes.map(({ file, appliedCount, written, skipped }) => ({ file, appliedCount, written, skipped })),
    warnings: report.warnings,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

export default json;
