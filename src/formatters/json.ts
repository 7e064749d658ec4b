// Machine-readable findings: one object per linted draft. Written draft by draft (see Formatter.chunks), with
// the same text as JSON.stringify(report, null, 2) of the whole.
import type { Formatter, FormatterContext } from './types.js';
import type { LintReport } from '../lint.js';

function* jsonChunks(report: LintReport, context: FormatterContext): Generator<string> {
  const head = {
    tool: 'medpost',
    version: context.version,
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    fixableCount: report.fixableCount,
  };
  const tail = {
    fixes: report.fixes.map(({ file, appliedCount, written, skipped }) => ({ file, appliedCount, written, skipped })),
    warnings: report.warnings,
  };
  const headText = JSON.stringify(head, null, 2);
  const tailText = JSON.stringify(tail, null, 2);
  yield `${headText.slice(0, -2)},\n  "results": [`;
  for (const [index, result] of report.results.entries()) {
    const entry = {
      filePath: result.displayPath,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fixableCount: result.fixableCount,
      suppressedCount: result.suppressedCount,
      findings: result.findings,
    };
    // Nested two levels deep: the entry's own lines, indented four more spaces.
    yield `${index === 0 ? '' : ','}\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield `${report.results.length === 0 ? ']' : '\n  ]'},\n${tailText.slice(2)}\n`;
}

const json: Formatter = (report, context) => [...jsonChunks(report, context)].join('');
json.chunks = jsonChunks;

export default json;
