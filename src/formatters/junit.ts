// JUnit XML: one test suite per draft, one failing test case per finding (a clean draft is one passing case).
import type { Formatter } from './types.js';

const escapeXml = (value: string) =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const junit: Formatter = (report) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const result of report.results) {
    const cases: string[] = [];
    if (result.findings.length === 0) {
      cases.push(`    <testcase classname="medpost" name="${escapeXml(result.displayPath)}" time="0" />`);
    }
    for (const finding of result.findings) {
      const name = `${finding.line}:${finding.column} ${finding.ruleId}`;
      const text = `${finding.severity} ${finding.file}:${finding.line}:${finding.column} ${finding.platform ? `[${finding.platform}] ` : ''}${finding.message}${finding.suggestion ? ` — ${finding.suggestion}` : ''}`;
      cases.push(
        `    <testcase classname="medpost.${escapeXml(finding.ruleId)}" name="${escapeXml(`${result.displayPath} ${name}`)}" time="0">\n` +
          `      <failure type="${escapeXml(finding.severity)}" message="${escapeXml(finding.message)}">${escapeXml(text)}</failure>\n` +
          '    </testcase>',
      );
    }
    const suiteFailures = result.findings.length;
    tests += Math.max(1, suiteFailures);
    failures += suiteFailures;
    suites.push(`  <testsuite name="${escapeXml(result.displayPath)}" tests="${Math.max(1, suiteFailures)}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="medpost" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
};

export default junit;
