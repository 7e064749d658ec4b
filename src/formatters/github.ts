// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import type { Formatter } from './types.js';

const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

const github: Formatter = (report) => {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const finding of result.findings) {
      const command = finding.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${finding.line}`,
        `endLine=${finding.endLine}`,
        `col=${finding.column}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(`medpost ${finding.ruleId}${finding.platform ? ` [${finding.platform}]` : ''}`)}`,
      ];
      const message = `${finding.message}${finding.suggestion ? ` — ${finding.suggestion}` : ''}`;
      lines.push(`::${command} ${properties.join(',')}::${escapeData(message)}`);
    }
  }
  for (const warning of report.warnings) lines.push(`::warning title=medpost::${escapeData(warning)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default github;
