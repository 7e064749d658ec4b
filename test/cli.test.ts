// The medpost command, spawned as a user, a hook or CI runs it.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, makeProject } from './helpers/cli.js';

const draft = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n${body}\n`;
const cleanDraft = draft('platform: facebook\nlang: en', 'Flossing once a day removes plaque your brush cannot reach. Talk to your dentist.');

// A plugin with a post rule (reports the word FORBIDDEN, fixable), and a collection rule that says how many drafts it saw.
const testPlugin = `
export const rules = [
  {
    meta: { id: 'test/forbidden-word', description: 'no FORBIDDEN', defaultSeverity: 'error', scope: 'post', fixable: true },
    check({ post, report }) {
      for (const match of post.source.matchAll(/FORBIDDEN/g)) {
        report({ message: 'forbidden word', start: match.index, end: match.index + 9, fix: { range: [match.index, match.index + 9], text: 'allowed' } });
      }
    },
  },
  {
    meta: { id: 'test/count-drafts', description: 'how many drafts', defaultSeverity: 'warn', scope: 'collection' },
    summarize({ post }) { return { line: 1 }; },
    check({ drafts, report }) {
      for (const draft of drafts) report({ path: draft.path, message: 'set of ' + drafts.length + ' drafts' });
    },
  },
];
`;

describe('medpost command basics', () => {
  it('prints help and version with exit 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('lint [options] [paths...]');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lints the shipped examples, finds problems and exits 1', () => {
    const result = runCli(['lint', 'examples/drafts']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('examples/drafts/en/2026-03-05-reply-toothache.md');
    expect(result.stdout).toMatch(/link to a competitor \(dentalrival\.es\)/);
    expect(result.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\) in 9 drafts/);
  });

  it('exits 0 on clean drafts and says so', () => {
    const project = makeProject({ 'drafts/a.md': cleanDraft });
    const result = runCli(['lint', 'drafts'], { cwd: project });
    expect(result.stdout).toContain('✔ 1 draft checked, no problems');
    expect(result.status).toBe(0);
  });

  it('uses colour only when forced (not a TTY here), and never with NO_COLOR', () => {
    const project = makeProject({ 'a.md': draft('platform: instagarm', 'Hello there') });
    expect(runCli(['lint', 'a.md'], { cwd: project }).stdout).not.toContain('\u001b[');
    expect(runCli(['lint', 'a.md'], { cwd: project, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runCli(['lint', 'a.md', '--color'], { cwd: project }).stdout).toContain('\u001b[');
    expect(runCli(['lint', 'a.md'], { cwd: project, env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('treats `medpost PATH` as `medpost lint PATH`', () => {
    const project = makeProject({ 'a.md': cleanDraft });
    expect(runCli(['a.md'], { cwd: project }).status).toBe(0);
  });

  it('rejects bad usage with exit 2', () => {
    expect(runCli(['lint', '--max-warnings', 'many']).status).toBe(2);
    expect(runCli(['lint', '--format', 'stylsh', 'examples/drafts']).stderr).toContain("did you mean 'stylish'");
    expect(runCli(['lint', '--rule', 'nonsense', 'examples/drafts']).status).toBe(2);
    expect(runCli(['lint', '--rule', 'no-competitor-link:off', 'examples/drafts']).stderr).toContain("did you mean 'no-competitor-links'");
  });
});

describe('input: files, directories, globs, ignores, stdin', () => {
  const files = {
    'drafts/a.md': cleanDraft,
    'drafts/sub/b.markdown': cleanDraft,
    'drafts/sub/notes.txt': 'not a draft',
    'drafts/old/c.md': cleanDraft,
    'drafts/node_modules/x.md': cleanDraft,
  };

  it('walks directories for .md and .markdown, skipping node_modules', () => {
    const project = makeProject(files);
    const result = runCli(['lint', 'drafts', '--format', 'json'], { cwd: project });
    const paths = JSON.parse(result.stdout).results.map((entry: { filePath: string }) => entry.filePath);
    expect(paths).toEqual(['drafts/a.md', 'drafts/old/c.md', 'drafts/sub/b.markdown']);
  });

  it('expands globs, and applies .medpostignore and --ignore-pattern, also to named files', () => {
    const project = makeProject({ ...files, '.medpostignore': '# old drafts\ndrafts/old/\n' });
    const json = (args: string[]) => JSON.parse(runCli([...args, '--format', 'json'], { cwd: project }).stdout).results.map((entry: { filePath: string }) => entry.filePath);
    expect(json(['lint', 'drafts/**/*.md'])).toEqual(['drafts/a.md']);
    expect(json(['lint', 'drafts', '--ignore-pattern', 'sub/'])).toEqual(['drafts/a.md']);
    expect(json(['lint', 'drafts/old/c.md', 'drafts/a.md'])).toEqual(['drafts/a.md']);
  });

  it('exits 2 when a path or pattern matches nothing, 0 with --no-error-on-unmatched-pattern', () => {
    const project = makeProject(files);
    const missing = runCli(['lint', 'drafts/nope.md'], { cwd: project });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no drafts found for 'drafts/nope.md'");
    expect(runCli(['lint', 'drafts/*.txt'], { cwd: project }).status).toBe(2);
    expect(runCli(['lint', 'drafts/nope.md', '--no-error-on-unmatched-pattern'], { cwd: project }).status).toBe(0);
  });

  it('lints standard input under --stdin-filename', () => {
    const project = makeProject({});
    const result = runCli(['lint', '--stdin', '--stdin-filename', 'drafts/new.md'], { cwd: project, input: draft('platform: instagarm', 'Hola') });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('drafts/new.md');
    expect(result.stdout).toContain("unknown platform 'instagarm' (did you mean 'instagram'?)");
  });

  it('survives symbolic link loops', () => {
    const project = makeProject({ 'drafts/a.md': cleanDraft });
    symlinkSync(join(project, 'drafts'), join(project, 'drafts', 'loop'));
    const result = runCli(['lint', 'drafts', '--format', 'json'], { cwd: project });
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.results.map((entry: { filePath: string }) => entry.filePath)).toEqual(['drafts/a.md']);
  });
});

describe('front matter schema', () => {
  it('names the wrong value, its line, and a suggestion', () => {
    const project = makeProject({
      'a.md': '---\ntitle: Spring\nplatform: instagarm\ndate: 2026-02-30\nlang: es\ntype: promotion\nplatfrom: x\nsponsored: yes\n---\nHola\n',
    });
    const result = runCli(['lint', 'a.md', '--format', 'json'], { cwd: project });
    const findings = JSON.parse(result.stdout).results[0].findings as Array<{ line: number; message: string; ruleId: string }>;
    const byLine = Object.fromEntries(findings.map((finding) => [finding.line, finding.message]));
    expect(byLine[3]).toContain("unknown platform 'instagarm' (did you mean 'instagram'?)");
    expect(byLine[4]).toContain("'date' must be a real date");
    expect(byLine[6]).toMatch(/unknown type "promotion" \(did you mean 'promo'\?\)/);
    expect(byLine[7]).toContain("unknown front matter key 'platfrom' (did you mean 'platform'?)");
    expect(byLine[8]).toContain("'sponsored' must be true or false");
    expect(findings.every((finding) => finding.ruleId === 'front-matter')).toBe(true);
  });

  it('points Spanish and Italian key names to the English ones', () => {
    const project = makeProject({ 'a.md': '---\nplataforma: instagram\nfecha: 2026-12-01\ndata: 2026-12-02\n---\nHola\n' });
    const findings = JSON.parse(runCli(['lint', 'a.md', '--format', 'json'], { cwd: project }).stdout).results[0].findings.map((finding: { message: string }) => finding.message);
    expect(findings).toContain("unknown front matter key 'plataforma' (did you mean 'platform'? keys are in English)");
    expect(findings).toContain("unknown front matter key 'fecha' (did you mean 'date'? keys are in English)");
    expect(findings).toContain("unknown front matter key 'data' (did you mean 'date'? keys are in English)");
  });

  it('accepts a list of platforms and aliases', () => {
    const project = makeProject({ 'a.md': draft('platforms: [Twitter, IG, linkedin]\nlang: en', 'Hello everyone.') });
    expect(runCli(['lint', 'a.md'], { cwd: project }).status).toBe(0);
  });
});

describe('bad input never stops the run', () => {
  it('reports each broken draft with its cause and position, and lints the rest', () => {
    const project = makeProject({
      'drafts/1-invalid-yaml.md': '---\nplatform: x\ntitle: "unclosed\n---\nbody\n',
      'drafts/2-list.md': '---\n- a\n- b\n---\nbody\n',
      'drafts/3-latin1.md': Buffer.concat([Buffer.from('---\nplatform: x\n---\nCaf'), Buffer.from([0xe9]), Buffer.from(' con leche\n')]),
      'drafts/4-binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
      'drafts/5-bom-crlf.md': '\ufeff---\r\nplatform: instagarm\r\nlang: es\r\n---\r\nHola\r\n',
      'drafts/6-empty.md': '',
      'drafts/7-unclosed.md': '---\nplatform: x\nbody without end\n',
      'drafts/8-alias-bomb.md': '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nx\n',
      'drafts/9-ok.md': draft('platform: instagarm', 'Still linted'),
      'drafts/10-huge.md': `---\nplatform: x\n---\n${'a'.repeat(11 * 1024 * 1024)}`,
    });
    const result = runCli(['lint', 'drafts', '--format', 'json', '--rule', 'front-matter:warn'], { cwd: project });
    expect(result.status).toBe(1);
    const byFile = Object.fromEntries(
      JSON.parse(result.stdout).results.map((entry: { filePath: string; findings: Array<{ ruleId: string; line: number; message: string }> }) => [entry.filePath, entry.findings]),
    );
    const parseErrors = (file: string) => byFile[`drafts/${file}`].filter((finding: { ruleId: string }) => finding.ruleId === 'parse-error');
    expect(parseErrors('1-invalid-yaml.md')[0].message).toMatch(/invalid YAML in front matter/);
    expect(parseErrors('1-invalid-yaml.md')[0].line).toBeGreaterThanOrEqual(3);
    expect(parseErrors('2-list.md')[0].message).toContain('front matter must be a mapping');
    expect(parseErrors('3-latin1.md')[0].message).toMatch(/not valid UTF-8 at line 4/);
    expect(parseErrors('4-binary.md')[0].message).toMatch(/binary file/);
    expect(byFile['drafts/5-bom-crlf.md'][0]).toMatchObject({ ruleId: 'front-matter', line: 2, column: 11 });
    expect(byFile['drafts/6-empty.md'].filter((finding: { ruleId: string }) => finding.ruleId === 'parse-error')).toEqual([]);
    expect(parseErrors('7-unclosed.md')[0].message).toMatch(/not closed/);
    expect(parseErrors('8-alias-bomb.md')[0].message).toMatch(/alias/i);
    expect(byFile['drafts/9-ok.md'][0].message).toContain('instagarm');
    expect(parseErrors('10-huge.md')[0].message).toMatch(/over the 10 MB limit/);
  });
});

describe('configuration', () => {
  it('finds the nearest config walking up, with presets, overrides and settings', () => {
    const project = makeProject({
      '.medpostrc.yaml': 'extends: recommended\nsettings:\n  competitorDomains: [rival.es]\noverrides:\n  - files: ["it/**"]\n    rules:\n      no-competitor-links: off\n',
      'es/a.md': draft('platform: x\nlang: es', 'Mirad https://WWW.Rival.ES./ofertas'),
      'it/b.md': draft('platform: x\nlang: it', 'Guardate https://rival.es'),
      'nested/.medpostrc.yml': 'rules:\n  no-competitor-links: warn\nsettings:\n  competitorDomains: [xn--clnica-rival-tfb.es]\n',
      'nested/c.md': draft('platform: x\nlang: es', 'Ver https://www.clínica-rival.es/x'),
    });
    const result = runCli(['lint', '.', '--format', 'json'], { cwd: project });
    const byFile = Object.fromEntries(JSON.parse(result.stdout).results.map((entry: { filePath: string; findings: unknown[] }) => [entry.filePath, entry.findings]));
    expect(byFile['es/a.md']).toMatchObject([{ ruleId: 'no-competitor-links', severity: 'error' }]);
    expect(byFile['it/b.md']).toEqual([]);
    expect(byFile['nested/c.md']).toMatchObject([{ ruleId: 'no-competitor-links', severity: 'warn' }]);
  });

  it('reads package.json "medpost", --config, and --rule overrides', () => {
    const project = makeProject({
      'package.json': JSON.stringify({ name: 'content', medpost: { settings: { competitorDomains: ['rival.es'] } } }),
      'other.yaml': 'rules:\n  no-competitor-links: off\n',
      'a.md': draft('platform: x', 'See rival.es today'),
    });
    expect(runCli(['lint', 'a.md'], { cwd: project }).status).toBe(1);
    expect(runCli(['lint', 'a.md', '--config', 'other.yaml'], { cwd: project }).status).toBe(0);
    expect(runCli(['lint', 'a.md', '--rule', 'no-competitor-links:warn'], { cwd: project }).status).toBe(0);
  });

  it('stops with exit 2 on an invalid config, naming file, line, key and expectation', () => {
    const cases: Array<[string, RegExp]> = [
      ['settings:\n  languages: [en]\n  competitorDomain: [x.es]\n', /\.medpostrc\.yaml:3: 'settings\.competitorDomain': unknown key 'competitorDomain' \(did you mean 'competitorDomains'\?\)/],
      ['rules:\n  no-competitor-links: eror\n', /\.medpostrc\.yaml:2: 'rules\.no-competitor-links': expected off, warn or error/],
      ['rules:\n  no-competitr-links: error\n', /unknown rule 'no-competitr-links' \(did you mean 'no-competitor-links'\?\)/],
      ['rules:\n  no-competitor-links: [error, {flagShortners: false}]\n', /\.medpostrc\.yaml:2: 'rules\.no-competitor-links' options 'flagShortners': unknown key .*did you mean 'flagShorteners'/],
      ['extends: recomended\n', /unknown preset 'recomended' \(did you mean 'recommended'\?\)/],
      ['settings: [\n', /invalid YAML/],
      ["patterns:\n  - id: team/slow\n    message: slow\n    patterns: { en: ['(a+)+$'] }\n", /\.medpostrc\.yaml:2: 'patterns\[0\]' \(team\/slow\): the pattern "\(a\+\)\+\$" can backtrack catastrophically \(exponential\)/],
    ];
    for (const [config, expected] of cases) {
      const project = makeProject({ '.medpostrc.yaml': config, 'a.md': cleanDraft });
      const result = runCli(['lint', 'a.md'], { cwd: project });
      expect(result.status, config).toBe(2);
      expect(result.stderr, config).toMatch(expected);
    }
  });

  it('strict turns every rule on as an error', () => {
    const project = makeProject({ '.medpostrc.yaml': 'extends: strict\n', 'a.md': draft('platform: x\nlang: en', 'Hello there, friends.') });
    const printed = JSON.parse(runCli(['print-config', 'a.md'], { cwd: project }).stdout);
    expect(printed.preset).toBe('strict');
    expect(Object.values(printed.rules).every((entry) => (entry as [string])[0] === 'error')).toBe(true);
    expect(printed.rules['front-matter'][1]).toMatchObject({ requireDate: true });
  });

  it('print-config shows the settings and rules that apply to a file', () => {
    const project = makeProject({ '.medpostrc.yaml': 'settings:\n  brandName: Sonrisa\nrules:\n  no-competitor-links: warn\n', 'a.md': cleanDraft });
    const result = runCli(['print-config', 'a.md'], { cwd: project });
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.configFile).toMatch(/\.medpostrc\.yaml$/);
    expect(printed.settings.brandName).toBe('Sonrisa');
    expect(printed.rules['no-competitor-links'][0]).toBe('warn');
  });

  it('loads plugins relative to the config file, and refuses a plugin that fails to load', () => {
    const project = makeProject({
      'config/.medpostrc.yaml': 'plugins: [../plugins/test-plugin.mjs]\n',
      'plugins/test-plugin.mjs': testPlugin,
      'config/a.md': draft('platform: x', 'This is FORBIDDEN here.'),
    });
    const result = runCli(['lint', 'config/a.md', '--format', 'json'], { cwd: project });
    const findings = JSON.parse(result.stdout).results[0].findings;
    expect(findings.map((finding: { ruleId: string }) => finding.ruleId).sort()).toEqual(['test/count-drafts', 'test/forbidden-word']);

    const broken = makeProject({ '.medpostrc.yaml': 'plugins: [./broken.mjs]\n', 'broken.mjs': 'throw new Error("boom");', 'a.md': cleanDraft });
    const failed = runCli(['lint', 'a.md'], { cwd: broken });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/\.medpostrc\.yaml:1: plugin '\.\/broken\.mjs' failed to load: boom/);
  });

  it('runs declarative pattern rules from the config', () => {
    const project = makeProject({
      '.medpostrc.yaml': "patterns:\n  - id: team/no-whatsapp\n    message: Don't send patients to WhatsApp\n    severity: error\n    platforms: [instagram]\n    patterns:\n      es: ['\\bwhats ?app\\b']\n",
      'a.md': draft('platform: instagram\nlang: es', 'Escríbenos por WhatsApp'),
      'b.md': draft('platform: facebook\nlang: es', 'Escríbenos por WhatsApp'),
    });
    const result = runCli(['lint', '.', '--format', 'json'], { cwd: project });
    const [a, b] = JSON.parse(result.stdout).results.map((entry: { findings: Array<{ ruleId: string }> }) => ({
      findings: entry.findings.filter((finding) => finding.ruleId === 'team/no-whatsapp'),
    }));
    expect(a.findings).toMatchObject([{ ruleId: 'team/no-whatsapp', line: 5, column: 16, message: "Don't send patients to WhatsApp ('WhatsApp')" }]);
    expect(b.findings).toEqual([]);
  });

  it('gives calendar rules the whole configured set when a hook names one file, and reports only on it', () => {
    const project = makeProject({
      '.medpostrc.yaml': 'files: ["drafts/**/*.md"]\nplugins: [./plugin.mjs]\nrules:\n  test/forbidden-word: off\n',
      'plugin.mjs': testPlugin,
      'drafts/a.md': cleanDraft,
      'drafts/b.md': cleanDraft,
      'drafts/c.md': cleanDraft,
    });
    const one = JSON.parse(runCli(['lint', 'drafts/b.md', '--format', 'json'], { cwd: project }).stdout);
    expect(one.results).toHaveLength(1);
    expect(one.results[0].findings).toMatchObject([{ ruleId: 'test/count-drafts', message: 'set of 3 drafts' }]);
    const all = JSON.parse(runCli(['lint', '--format', 'json'], { cwd: project }).stdout);
    expect(all.results).toHaveLength(3);
  });
});

describe('inline directives', () => {
  const project = () => makeProject({
    '.medpostrc.yaml': 'settings:\n  competitorDomains: [rival.es]\n',
    'a.md': [
      '---', 'platform: x', '---',
      'Line one rival.es',
      '<!-- medpost-disable-next-line no-competitor-links -- quoted in a news item -->',
      'Line three rival.es',
      '<!-- medpost-disable no-competitor-links -->',
      'Line five rival.es',
      '<!-- medpost-enable no-competitor-links -->',
      'Line seven rival.es',
      '<!-- medpost-disable-next-line front-matter -->',
      'Nothing here',
      '<!-- medpost-disable-next-line no-such-rule -->',
      '',
    ].join('\n'),
  });

  it('silences findings by line and by range, and warns about unknown rules', () => {
    const result = runCli(['lint', 'a.md', '--format', 'json'], { cwd: project() });
    const findings = JSON.parse(result.stdout).results[0].findings;
    expect(findings.map((finding: { line: number; ruleId: string }) => `${finding.line} ${finding.ruleId}`)).toEqual([
      '4 no-competitor-links', '10 no-competitor-links', '13 directives',
    ]);
    expect(findings[2].message).toContain("unknown rule 'no-such-rule'");
  });

  it('reports unused directives on request', () => {
    const result = runCli(['lint', 'a.md', '--format', 'json', '--report-unused-directives'], { cwd: project() });
    const messages = JSON.parse(result.stdout).results[0].findings.map((finding: { line: number; message: string }) => `${finding.line} ${finding.message}`);
    expect(messages).toContain('11 unused medpost-disable-next-line directive: no problem from front-matter was reported here');
  });
});

describe('output formats and exit codes', () => {
  // '<tag>' and quotes test escaping; the Markdown rule (which rightly warns about the tag on X) is off here.
  const project = () => makeProject({
    '.medpostrc.yaml': 'settings:\n  competitorDomains: [rival.es]\nrules:\n  platform/markdown: off\n',
    'a.md': draft('platform: x', 'See rival.es and https://bit.ly/abc "quoted" & <tag>'),
  });

  it('json', () => {
    const output = JSON.parse(runCli(['lint', 'a.md', '-f', 'json'], { cwd: project() }).stdout);
    expect(output).toMatchObject({ tool: 'medpost', errorCount: 1, warningCount: 1 });
    expect(output.results[0].findings[0]).toMatchObject({ ruleId: 'no-competitor-links', line: 4, column: 5, endColumn: 13, file: 'a.md' });
    expect(output.results[0].findings[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('sarif 2.1.0 with rules and help URIs', () => {
    const log = JSON.parse(runCli(['lint', 'a.md', '-f', 'sarif'], { cwd: project() }).stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((entry: { id: string }) => entry.id === 'no-competitor-links');
    expect(rule.helpUri).toMatch(/rules\/no-competitor-links\/README\.md$/);
    expect(run.results[0]).toMatchObject({ ruleId: 'no-competitor-links', level: 'error' });
    expect(run.results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'a.md' }, region: { startLine: 4, startColumn: 5 } });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('no-competitor-links');
  });

  it('github annotations', () => {
    const output = runCli(['lint', 'a.md', '-f', 'github'], { cwd: project() }).stdout;
    expect(output).toMatch(/^::error file=a\.md,line=4,endLine=4,col=5,endColumn=13,title=medpost no-competitor-links::link to a competitor/m);
    expect(output).toMatch(/^::warning file=a\.md,line=4/m);
  });

  it('junit xml, escaped', () => {
    const output = runCli(['lint', 'a.md', '-f', 'junit'], { cwd: project() }).stdout;
    expect(output).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>/);
    expect(output).toContain('<testsuites name="medpost" tests="2" failures="2"');
    expect(output).not.toMatch(/<tag>/);
  });

  it('codequality (GitLab)', () => {
    const issues = JSON.parse(runCli(['lint', 'a.md', '-f', 'codequality'], { cwd: project() }).stdout);
    expect(issues[0]).toMatchObject({ check_name: 'no-competitor-links', severity: 'major', location: { path: 'a.md', lines: { begin: 4 } } });
    expect(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(issues.length);
  });

  it('--output-file, --quiet, --max-warnings', () => {
    const directory = project();
    const written = runCli(['lint', 'a.md', '-f', 'sarif', '-o', 'reports/medpost.sarif'], { cwd: directory });
    expect(written.status).toBe(1);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(directory, 'reports/medpost.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(join(directory, 'reports'))).toEqual(['medpost.sarif']);

    const quiet = runCli(['lint', 'a.md', '-q'], { cwd: directory }).stdout;
    expect(quiet).toContain('link to a competitor');
    expect(quiet).not.toContain('shortened link');

    const warningsOnly = makeProject({ 'a.md': draft('platform: x', 'https://bit.ly/abc') });
    expect(runCli(['lint', 'a.md'], { cwd: warningsOnly }).status).toBe(0);
    expect(runCli(['lint', 'a.md', '--max-warnings', '0'], { cwd: warningsOnly }).status).toBe(1);
    expect(runCli(['lint', 'a.md', '--max-warnings', '1'], { cwd: warningsOnly }).status).toBe(0);
  });

  it('a report that cannot be written stops with exit 2 and a reason', () => {
    const directory = project();
    writeFileSync(join(directory, 'blocker'), 'a file, not a folder');
    const result = runCli(['lint', 'a.md', '-f', 'json', '-o', 'blocker/report.json'], { cwd: directory });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write the report to blocker\/report\.json/);
  });
});

describe('--fix', () => {
  const files = () => ({
    '.medpostrc.yaml': 'plugins: [./plugin.mjs]\nrules:\n  test/count-drafts: off\n',
    'plugin.mjs': testPlugin,
    'a.md': draft('platform: x', 'FORBIDDEN and FORBIDDEN again'),
  });

  it('writes fixes atomically, reports them, and a second run changes nothing', () => {
    const project = makeProject(files());
    const first = runCli(['lint', 'a.md', '--fix'], { cwd: project });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('fixed: ');
    expect(readFileSync(join(project, 'a.md'), 'utf8')).toBe(draft('platform: x', 'allowed and allowed again'));
    expect(readdirSync(project).filter((name) => name.includes('.tmp'))).toEqual([]);
    const second = runCli(['lint', 'a.md', '--fix'], { cwd: project });
    expect(second.stdout).not.toContain('fixed: ');
  });

  it('--fix-dry-run writes nothing', () => {
    const project = makeProject(files());
    const result = runCli(['lint', 'a.md', '--fix-dry-run', '--format', 'json'], { cwd: project });
    expect(JSON.parse(result.stdout).fixes).toMatchObject([{ appliedCount: 2, written: false }]);
    expect(readFileSync(join(project, 'a.md'), 'utf8')).toContain('FORBIDDEN');
  });

  it('never changes a file without --fix', () => {
    const project = makeProject(files());
    runCli(['lint', 'a.md'], { cwd: project });
    expect(readFileSync(join(project, 'a.md'), 'utf8')).toContain('FORBIDDEN');
  });
});

describe('rules, explain, init', () => {
  it('lists every rule with severity, scope and docs link', () => {
    const result = runCli(['rules']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/no-competitor-links\s+error\s+post/);
    expect(result.stdout).toMatch(/rules\/no-competitor-links\/README\.md/);
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    for (const meta of json) expect(existsSync(new URL(meta.docsUrl)), meta.id).toBe(true);
  });

  it('explains a rule from its README', () => {
    expect(runCli(['explain', 'no-competitor-links']).stdout).toMatch(/^# no-competitor-links/);
    expect(runCli(['explain', 'no-competitor-link']).stderr).toContain("did you mean 'no-competitor-links'");
  });

  it('init writes a commented starter config that lints, and never overwrites one', () => {
    const project = makeProject({ 'drafts/a.md': cleanDraft });
    const first = runCli(['init'], { cwd: project });
    expect(first.status).toBe(0);
    const config = readFileSync(join(project, '.medpostrc.yaml'), 'utf8');
    expect(config).toContain('# yaml-language-server: $schema=');
    expect(runCli(['lint'], { cwd: project }).status).toBe(0);
    const second = runCli(['init'], { cwd: project });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('never overwrites');
    expect(readFileSync(join(project, '.medpostrc.yaml'), 'utf8')).toBe(config);
  });
});
