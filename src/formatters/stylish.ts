// The default output: findings grouped by file, then a summary line. Like ESLint's stylish.
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';

const stylish: Formatter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.findings.length === 0) continue;
    lines.push(chalk.underline(result.displayPath));
    const positionWidth = Math.max(...result.findings.map((finding) => `${finding.line}:${finding.column}`.length));
    for (const finding of result.findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = finding.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
      const platform = finding.platform ? chalk.cyan(`[${finding.platform}] `) : '';
      lines.push(`  ${chalk.dim(position)}  ${severity}  ${platform}${finding.message}  ${chalk.dim(finding.ruleId)}`);
      if (finding.suggestion) lines.push(`  ${' '.repeat(positionWidth)}         ${chalk.dim('→')} ${finding.suggestion}`);
    }
    lines.push('');
  }
  for (const fix of report.fixes) {
    const verb = fix.written ? 'fixed' : fix.skipped ? 'not fixed' : 'would fix';
    lines.push(chalk.green(`${verb}: ${fix.file} (${fix.appliedCount} change${fix.appliedCount === 1 ? '' : 's'})${fix.skipped ? ` — ${fix.skipped}` : ''}`));
  }
  for (const warning of report.warnings) lines.push(chalk.yellow(`warning: ${warning}`));
  if (report.baseline?.written !== undefined) lines.push(chalk.green(`recorded ${report.baseline.written} finding(s) in ${report.baseline.file}`));
  if (report.baseline?.pruned !== undefined) lines.push(chalk.green(`pruned ${report.baseline.pruned} fixed finding(s) from ${report.baseline.file}`));
  if (report.baseline?.baselinedCount) lines.push(chalk.dim(`${report.baseline.baselinedCount} known finding(s) hidden by the baseline`));
  const total = report.errorCount + report.warningCount;
  const files = report.results.length;
  if (total === 0) {
    lines.push(chalk.green(`✔ ${files} draft${files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}) in ${files} draft${files === 1 ? '' : 's'}`;
    lines.push(report.errorCount > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
    if (report.fixableCount > 0) lines.push(chalk.dim(`  ${report.fixableCount} fixable with --fix`));
    if (context.maxWarnings !== undefined && report.warningCount > context.maxWarnings) {
      lines.push(chalk.red(`  too many warnings (${report.warningCount}, --max-warnings ${context.maxWarnings})`));
    }
  }
  return `${lines.join('\n')}\n`;
};

export default stylish;
