// SARIF 2.1.0 for GitHub code scanning and other viewers. Columns are UTF-16 code units, as medpost counts them.
import type { Formatter } from './types.js';

const sarif: Formatter = (report, context) => {
  const usedRuleIds = [...new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.ruleId)))].sort();
  const ruleIds = [...new Set([...report.rulesMeta.keys(), ...usedRuleIds])].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) => {
    const meta = report.rulesMeta.get(id);
    const descriptor: Record<string, unknown> = {
      id,
      name: id.replace(/(^|[-/])(\w)/g, (_, _separator: string, letter: string) => letter.toUpperCase()),
      shortDescription: { text: meta?.description ?? describeCoreRule(id) },
      defaultConfiguration: { level: meta?.defaultSeverity === 'error' ? 'error' : meta?.defaultSeverity === 'off' ? 'none' : 'warning' },
    };
    if (meta?.docsUrl) descriptor.helpUri = meta.docsUrl;
    return descriptor;
  });
  const results = report.results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity === 'error' ? 'error' : 'warning',
      message: { text: `${finding.platform ? `[${finding.platform}] ` : ''}${finding.message}${finding.suggestion ? ` — ${finding.suggestion}` : ''}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: Math.max(finding.endLine, finding.line),
              endColumn: finding.endLine > finding.line ? finding.endColumn : Math.max(finding.endColumn, finding.column + 1),
            },
          },
        },
      ],
      partialFingerprints: { 'medpost/v1': finding.fingerprint },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'medpost', version: context.version, informationUri: 'https://www.npmjs.com/package/medpost', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function describeCoreRule(id: string): string {
  if (id === 'parse-error') return 'The draft could not be read or parsed.';
  if (id === 'internal-error') return 'A rule failed on the draft.';
  if (id === 'directives') return 'Problems with medpost-disable/enable directives.';
  return id;
}

export default sarif;
