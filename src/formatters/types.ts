import type { LintReport } from '../lint.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  /** medpost's version, for machine formats. */
  version: string;
  /** --max-warnings, so the summary can say why the run failed. */
  maxWarnings?: number;
}

export type Formatter = (report: LintReport, context: FormatterContext) => string;
