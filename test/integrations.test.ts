// medpost where people already work: pre-commit, GitHub Actions, code scanning, GitLab, editors, baselines, cache.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, readdirSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import Ajv04 from 'ajv-draft-04';
import Ajv from 'ajv';
import { runCli, makeProject, binPath, repositoryRoot } from './helpers/cli.js';
import { buildConfigJsonSchema } from '../src/config-json-schema.js';
import { builtInRules } from '../rules/index.js';
import { STARTER_CONFIG } from '../src/commands.js';
import { lint, loadConfig, formatters } from '../src/index.js';

const draft = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n${body}\n`;
const competitorConfig = 'settings:\n  competitorDomains: [rival.es]\n';

describe('pre-commit hook', () => {
  const hooks = parseYaml(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((entry) => entry.id === 'medpost')!;

  it('is declared as pre-commit expects', () => {
    expect(hook).toMatchObject({ language: 'node', types: ['markdown'], require_serial: true });
    expect(String(hook.entry).split(' ')[0]).toBe('medpost');
  });

  it('runs its entry with the staged files appended, as pre-commit does', () => {
    const project = makeProject({
      '.medpostrc.yaml': competitorConfig,
      'drafts/ok.md': draft('platform: x', 'Flossing daily removes plaque.'),
      'drafts/bad.md': draft('platform: x', 'Ask rival.es instead'),
    });
    const [, ...entryArgs] = String(hook.entry).split(' ');
    const run = (files: string[]) => spawnSync(process.execPath, [binPath, ...entryArgs, ...files], { cwd: project, encoding: 'utf8' });
    expect(run(['drafts/ok.md']).status).toBe(0);
    const failing = run(['drafts/ok.md', 'drafts/bad.md']);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('drafts/bad.md');
    // A deleted-then-staged rename can leave a name that no longer exists: not an error for a hook.
    expect(run(['drafts/gone.md']).status).toBe(0);
  });
});

describe('GitHub Action', () => {
  const action = parseYaml(readFileSync(join(repositoryRoot, 'action.yml'), 'utf8')) as {
    runs: { using: string; steps: Array<{ id?: string; name?: string; run?: string; uses?: string; env?: Record<string, string> }> };
    inputs: Record<string, { default: string }>;
  };

  it('is a composite action that uploads SARIF', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
  });

  it('its lint step writes SARIF and annotations and sets exit-code, as the runner would run it', () => {
    const project = makeProject({ '.medpostrc.yaml': competitorConfig, 'drafts/bad.md': draft('platform: x', 'Ask rival.es instead') });
    const step = action.runs.steps.find((candidate) => candidate.id === 'lint')!;
    const outputFile = join(mkdtempSync(join(tmpdir(), 'gh-')), 'output');
    writeFileSync(outputFile, '');
    const inputs: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([key, value]) => [key, value.default])), paths: 'drafts/' };
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '');
    const result = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_ACTION_PATH: repositoryRoot, GITHUB_OUTPUT: outputFile },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::error file=drafts\/bad\.md,line=4/m);
    expect(readFileSync(outputFile, 'utf8')).toContain('exit-code=1');
    expect(JSON.parse(readFileSync(join(project, 'medpost.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
  });
});

describe('published report formats', () => {
  const project = () => makeProject({
    '.medpostrc.yaml': competitorConfig,
    'drafts/a.md': draft('platform: instagarm', 'Ask rival.es or https://bit.ly/x — ñ “quotes” 🦷'),
    'drafts/b b.md': draft('platform: x', 'Fine.'),
  });

  it('SARIF validates against the SARIF 2.1.0 JSON schema', () => {
    const log = JSON.parse(runCli(['lint', 'drafts', '-f', 'sarif'], { cwd: project() }).stdout);
    const schema = JSON.parse(readFileSync(join(repositoryRoot, 'fixtures/schemas/sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].results.length).toBe(3);
  });

  it('GitLab Code Quality issues carry the fields GitLab reads', () => {
    const issues = JSON.parse(runCli(['lint', 'drafts', '-f', 'codequality'], { cwd: project() }).stdout);
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile({
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
        properties: {
          description: { type: 'string', minLength: 1 },
          check_name: { type: 'string' },
          fingerprint: { type: 'string', minLength: 1 },
          severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
          location: { type: 'object', required: ['path', 'lines'], properties: { path: { type: 'string' }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } } },
        },
      },
    });
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('config JSON Schema for editors', () => {
  const schema = buildConfigJsonSchema(builtInRules);
  const validate = new Ajv({ strict: false }).compile(schema);

  it('is shipped up to date in schema/', () => {
    expect(JSON.parse(readFileSync(join(repositoryRoot, 'schema/medpostrc.schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('accepts the example and starter configs, knows each rule, and rejects mistakes', () => {
    expect(validate(parseYaml(readFileSync(join(repositoryRoot, 'examples/.medpostrc.yaml'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    const starter = parseYaml(STARTER_CONFIG) as Record<string, unknown>;
    for (const key of Object.keys(starter)) if (starter[key] === null) delete starter[key];
    expect(validate(starter), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ rules: { 'no-competitor-links': ['error', { flagShorteners: false }] } })).toBe(true);
    expect(validate({ rules: { 'no-competitor-links': ['error', { flagShortners: false }] } })).toBe(false);
    expect(validate({ settings: { competitorDomain: [] } })).toBe(false);
    expect(validate({ rules: { 'no-competitor-links': 'eror' } })).toBe(false);
  });
});

describe('programmatic API', () => {
  it('lint, loadConfig and formatters work as documented', async () => {
    const project = makeProject({ '.medpostrc.yaml': competitorConfig, 'drafts/a.md': draft('platform: x', 'Ask rival.es') });
    const report = await lint(['drafts/'], { cwd: project });
    expect(report.errorCount).toBe(1);
    expect(report.results[0].findings[0]).toMatchObject({ ruleId: 'no-competitor-links', file: 'drafts/a.md' });
    const config = await loadConfig('drafts/a.md', { cwd: project });
    expect(config.settings.competitorDomains).toEqual(['rival.es']);
    expect(config.configFile).toMatch(/\.medpostrc\.yaml$/);
    const stylish = await formatters.load('stylish');
    expect(stylish!(report, { cwd: project, color: false, version: '0' })).toContain('link to a competitor');
  });
});

describe('baseline', () => {
  it('hides recorded findings by fingerprint (not line), reports new ones, and prunes fixed ones', () => {
    const project = makeProject({
      '.medpostrc.yaml': competitorConfig,
      'drafts/a.md': draft('platform: x', 'Old: rival.es\n\nAlso https://bit.ly/old'),
    });
    const written = runCli(['lint', 'drafts', '--write-baseline'], { cwd: project });
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('recorded 2 finding(s)');
    const baseline = JSON.parse(readFileSync(join(project, '.medpost-baseline.json'), 'utf8'));
    expect(baseline.entries).toHaveLength(2);

    // Lines added above move everything down: still known. A new competitor link is new.
    writeFileSync(join(project, 'drafts/a.md'), draft('platform: x', 'A new intro.\n\nMore text.\n\nOld: rival.es\n\nAlso https://bit.ly/old\n\nNew: https://rival.es/promo'));
    const later = JSON.parse(runCli(['lint', 'drafts', '-f', 'json'], { cwd: project }).stdout);
    expect(later.results[0].findings).toHaveLength(1);
    expect(later.results[0].findings[0].line).toBe(12);

    // The old shortened link is removed: pruning drops its entry, keeps the other.
    writeFileSync(join(project, 'drafts/a.md'), draft('platform: x', 'Old: rival.es'));
    const pruned = runCli(['lint', 'drafts', '--prune-baseline'], { cwd: project });
    expect(pruned.stdout).toContain('pruned 1 fixed finding(s)');
    expect(JSON.parse(readFileSync(join(project, '.medpost-baseline.json'), 'utf8')).entries).toHaveLength(1);
    expect(pruned.status).toBe(0);
  });
});

describe('cache', () => {
  it('reuses results for unchanged drafts and invalidates on content or config changes', async () => {
    const project = makeProject({
      '.medpostrc.yaml': competitorConfig,
      'drafts/a.md': draft('platform: x', 'Ask rival.es'),
      'drafts/b.md': draft('platform: x', 'Fine.'),
    });
    const first = await lint(['drafts'], { cwd: project, cache: true });
    expect(first.cache).toMatchObject({ hits: 0, misses: 2 });
    const second = await lint(['drafts'], { cwd: project, cache: true });
    expect(second.cache).toMatchObject({ hits: 2, misses: 0 });
    expect(second.results).toEqual(first.results);

    writeFileSync(join(project, 'drafts/b.md'), draft('platform: x', 'Now rival.es too'));
    const third = await lint(['drafts'], { cwd: project, cache: true });
    expect(third.cache).toMatchObject({ hits: 1, misses: 1 });
    expect(third.errorCount).toBe(2);

    writeFileSync(join(project, '.medpostrc.yaml'), `${competitorConfig}rules:\n  no-competitor-links: warn\n`);
    const fourth = await lint(['drafts'], { cwd: project, cache: true, cacheLocation: '.medpostcache' });
    expect(fourth.cache).toMatchObject({ hits: 0, misses: 2 });
    expect(fourth.errorCount).toBe(0);
  });

  /** Every draft's entry file in the cache folder, as paths relative to it. */
  const entriesIn = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json') && !name.includes('collections')).sort();

  it('keeps collection rules\' findings until one of their drafts or the date changes', async () => {
    const text = 'Brushing twice a day with a fluoride toothpaste keeps cavities away, and flossing once a day helps your gums stay healthy.';
    const project = makeProject({
      'drafts/a.md': draft('platform: facebook\ndate: 2026-06-01', text),
      'drafts/b.md': draft('platform: linkedin\ndate: 2026-06-02', text),
    });
    const options = { cwd: project, cache: true, today: '2026-06-03' };
    const copies = (report: Awaited<ReturnType<typeof lint>>) => report.results.flatMap((result) => result.findings).filter((finding) => finding.ruleId === 'cross-post-duplicate');
    const first = await lint(['drafts'], options);
    expect(copies(first)).toHaveLength(2);

    // The stored findings are what a run with nothing changed reports: shown by altering them in the cache.
    const folder = join(project, '.medpostcache');
    const stored = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('collections') && name.endsWith('.json')).map((name) => join(folder, name));
    const duplicates = stored.find((file) => readFileSync(file, 'utf8').includes('cross-post-duplicate'))!;
    const alter = () => writeFileSync(duplicates, readFileSync(duplicates, 'utf8').replaceAll('the same text as', 'FROM THE CACHE: the same text as'));
    alter();
    const second = await lint(['drafts'], options);
    expect(second.cache).toMatchObject({ hits: 2, misses: 0 });
    expect(copies(second).map((finding) => finding.message)).toEqual(copies(first).map((finding) => `FROM THE CACHE: ${finding.message}`));

    // Another date: worked out again (calendar rules depend on it).
    alter();
    expect(copies(await lint(['drafts'], { ...options, today: '2026-06-04' }))).toEqual(copies(first));
    // A draft edited so that it is no copy any more: worked out again, with the other draft still read from its entry.
    await lint(['drafts'], options);
    alter();
    writeFileSync(join(project, 'drafts/b.md'), draft('platform: linkedin\ndate: 2026-06-02', 'Our team is at the regional dental congress this week, sharing what we learnt about gum care.'));
    const third = await lint(['drafts'], options);
    expect(third.cache).toMatchObject({ hits: 1, misses: 1 });
    expect(copies(third)).toEqual([]);
  });

  it('is a folder with one entry per draft: an edited draft replaces its entry, an upgrade clears the old ones', async () => {
    const project = makeProject({ 'drafts/a.md': draft('platform: x', 'One.'), 'drafts/b.md': draft('platform: x', 'Two.') });
    const cache = join(project, '.medpostcache');
    await lint(['drafts'], { cwd: project, cache: true });
    const entries = entriesIn(cache);
    expect(entries).toHaveLength(2);
    expect(readFileSync(join(cache, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
    writeFileSync(join(project, 'drafts/b.md'), draft('platform: x', 'Two, edited.'));
    expect((await lint(['drafts'], { cwd: project, cache: true })).cache).toMatchObject({ hits: 1, misses: 1 });
    expect(entriesIn(cache)).toEqual(entries);
    // What an earlier medpost left is removed once this one writes.
    mkdirSync(join(cache, 'v2-0123456789abcdef', 'ab'), { recursive: true });
    writeFileSync(join(cache, 'v2-0123456789abcdef', 'ab', 'old.json'), '{}');
    writeFileSync(join(project, 'drafts/b.md'), draft('platform: x', 'Two, edited again.'));
    await lint(['drafts'], { cwd: project, cache: true });
    expect(existsSync(join(cache, 'v2-0123456789abcdef'))).toBe(false);
  });

  it('tags only a folder it made as a cache: a folder named by the user holds its entries, untagged', async () => {
    const project = makeProject({ 'drafts/a.md': draft('platform: x', 'One.'), 'shared/other-tool.txt': 'not ours' });
    await lint(['drafts'], { cwd: project, cache: true, cacheLocation: 'shared' });
    expect(existsSync(join(project, 'shared', 'CACHEDIR.TAG'))).toBe(false);
    expect(entriesIn(join(project, 'shared'))).toHaveLength(1);
    expect(readFileSync(join(project, 'shared', 'other-tool.txt'), 'utf8')).toBe('not ours');
    expect((await lint(['drafts'], { cwd: project, cache: true, cacheLocation: 'shared' })).cache).toMatchObject({ hits: 1 });
  });

  it('a damaged entry is a miss, and the draft is linted again', async () => {
    const project = makeProject({ '.medpostrc.yaml': competitorConfig, 'drafts/a.md': draft('platform: x', 'Ask rival.es') });
    const cache = join(project, '.medpostcache');
    const first = await lint(['drafts'], { cwd: project, cache: true });
    const [entry] = entriesIn(cache);
    writeFileSync(join(cache, entry), readFileSync(join(cache, entry), 'utf8').slice(0, 30));
    const second = await lint(['drafts'], { cwd: project, cache: true });
    expect(second.cache).toMatchObject({ hits: 0, misses: 1 });
    expect(second.results).toEqual(first.results);
    expect((await lint(['drafts'], { cwd: project, cache: true })).cache).toMatchObject({ hits: 1, misses: 0 });
  });

  it('replaces the single-file cache of earlier versions, but never a file that is not a medpost cache', async () => {
    const project = makeProject({ 'drafts/a.md': draft('platform: x', 'One.'), 'notes.txt': 'keep me' });
    writeFileSync(join(project, '.medpostcache'), '{"format":1,"medpost":"x","entries":{}}');
    expect((await lint(['drafts'], { cwd: project, cache: true })).cache).toMatchObject({ misses: 1 });
    expect(statSync(join(project, '.medpostcache')).isDirectory()).toBe(true);
    const refused = runCli(['lint', 'drafts', '--cache', '--cache-location', 'notes.txt'], { cwd: project });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--cache-location \S*notes\.txt is a file that is not a medpost cache: name a folder/);
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('a cache that cannot be written is a warning; the findings are still right', async () => {
    // A file where the cache's parent folder should be: mkdir fails, whoever runs the test (root included).
    const project = makeProject({ '.medpostrc.yaml': competitorConfig, 'drafts/a.md': draft('platform: x', 'Ask rival.es'), locked: 'a file' });
    const report = await lint(['drafts'], { cwd: project, cache: true, cacheLocation: 'locked/cache' });
    expect(report.errorCount).toBe(1);
    expect(report.warnings.join('\n')).toMatch(/cannot write the cache in .*locked/);
  });
});
