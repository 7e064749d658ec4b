// The accept list is honoured by every rule: a finding inside an accepted term is dropped.
import { describe, it, expect } from 'vitest';
import { lint } from '../src/index.js';
import { makeProject } from './helpers/cli.js';

describe('vocabulary accept list', () => {
  it('silences findings inside accepted terms, for any rule', async () => {
    const project = makeProject({
      '.medpostrc.yaml': [
        'settings:',
        '  competitorDomains: [rival.es]',
        '  vocabulary:',
        '    accept: { es: ["partner rival.es"], all: ["Miracle Smile"] }',
        'patterns:',
        '  - id: team/no-miracle',
        '    message: no miracles',
        "    patterns: { all: ['\\bmiracle\\b'] }",
        '',
      ].join('\n'),
      'a.md': '---\nplatform: x\nlang: es\n---\nNuestro partner rival.es y rival.es solo. Miracle Smile, not a miracle.\n',
    });
    const before = await lint(['a.md'], { cwd: project });
    const findings = before.results[0].findings.map((finding) => `${finding.column} ${finding.ruleId}`);
    expect(findings).toEqual(['28 no-competitor-links', '64 team/no-miracle']);
  });
});
