import type { LintReport } from '../lint.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  /** medpost's version, for machine formats. */
  version: string;
  /** --max-warnings, so the summary can say why the run failed. */
  maxWarnings?: number;
}

export type Formatter = ((report: LintReport, context: FormatterContext) => string) & {
  /**
   * The same output in pieces, for reports too large for one string (a JSON report of 100,000 drafts is over
   * the 512 MB a JavaScript string can hold). Optional: the CLI uses it when a formatter has it.
   */
  chunks?: (report: LintReport, context: FormatterContext) => Iterable<string>;
};
