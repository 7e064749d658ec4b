// GitLab Code Quality report (a JSON array of issues, CodeClimate subset).
import { createHash } from 'node:crypto';
import type { Formatter } from './types.js';

const codequality: Formatter = (report) => {
  const seen = new Map<string, number>();
  const issues = report.results.flatMap((result) =>
    result.findings.map((finding) => {
      // GitLab needs a unique fingerprint per issue: repeat occurrences get their index.
      const occurrence = seen.get(finding.fingerprint) ?? 0;
      seen.set(finding.fingerprint, occurrence + 1);
      return {
        type: 'issue',
        check_name: finding.ruleId,
        description: `${finding.platform ? `[${finding.platform}] ` : ''}${finding.message}`,
        categories: ['Style'],
        severity: finding.severity === 'error' ? 'major' : 'minor',
        fingerprint: createHash('md5').update(`${finding.fingerprint}:${occurrence}`).digest('hex'),
        location: { path: finding.file, lines: { begin: finding.line, end: Math.max(finding.endLine, finding.line) } },
      };
    }),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
};

export default codequality;
