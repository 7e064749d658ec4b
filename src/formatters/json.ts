// Machine-readable findings: one object per linted draft. Written draft by draft (see Formatter.chunks), with
// the same text as JSON.stringify(report, null, 2) of the whole.
import type { Formatter, FormatterContext } from './types.js';
import type { LintReport } from '../lint.js';

const NESTED_OPENING = '{\n  "results": [\n';
const NESTED_CLOSING = '\n  ]\n}';

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
    // Nested two levels deep: stringified inside the same two levels, whose lines are then cut off. Indenting
    // the entry's own text instead took a second pass over every line (~25% more time).
    const nested = JSON.stringify({ results: [entry] }, null, 2);
    yield `${index === 0 ? '' : ','}\n${nested.slice(NESTED_OPENING.length, -NESTED_CLOSING.length)}`;
  }
  yield `${report.results.length === 0 ? ']' : '\n  ]'},\n${tailText.slice(2)}\n`;
}

const json: Formatter = (report, context) => [...jsonChunks(report, context)].join('');
json.chunks = jsonChunks;

export default json;
