// The published package: `npm pack`, installed into an empty folder, runs every documented command there.
// Slow (an npm install from the registry), so it runs once, with the whole suite.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;
let bin: string;

describe('npm pack', () => {
  beforeAll(() => {
    const packDirectory = mkdtempSync(join(tmpdir(), 'medpost-pack-'));
    const output = execFileSync(npm, ['pack', '--silent', '--pack-destination', packDirectory], { cwd: repositoryRoot, encoding: 'utf8' });
    const tarball = join(packDirectory, output.trim().split('\n').pop()!);
    project = mkdtempSync(join(tmpdir(), 'medpost-installed-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'content-repo', private: true }));
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', tarball], { cwd: project, stdio: 'pipe' });
    bin = join(project, 'node_modules', '.bin', 'medpost');
    mkdirSync(join(project, 'drafts'));
    writeFileSync(join(project, 'drafts', 'a.md'), '---\nplatform: instagram\nlang: es\n---\nToma 400 mg de ibuprofeno cada 8 horas. Visita dentalrival.es\n');
  }, 300_000);

  const run = (...args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8' });

  it('ships what it reads at run time', () => {
    const installed = join(project, 'node_modules', 'medpost');
    expect(existsSync(join(installed, 'dist', 'bundle', 'cli.js'))).toBe(true);
    expect(existsSync(join(installed, 'data', 'platforms.yaml'))).toBe(true);
    expect(existsSync(join(installed, 'rules', 'no-medical-advice', 'lexicon.es.yaml'))).toBe(true);
    expect(existsSync(join(installed, 'rules', 'no-medical-advice', 'README.md'))).toBe(true);
    expect(existsSync(join(installed, 'schema', 'medpostrc.schema.json'))).toBe(true);
    expect(existsSync(join(installed, 'rules', 'no-medical-advice', 'index.ts'))).toBe(false);
  });

  it('runs the documented commands', () => {
    expect(run('--version').stdout.trim()).toBe(JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).version);
    expect(run('init').status).toBe(0);
    writeFileSync(join(project, '.medpostrc.yaml'), `${readFileSync(join(project, '.medpostrc.yaml'), 'utf8')}\n`.replace('  # competitorDomains: [dentalrival.es]', '  competitorDomains: [dentalrival.es]'));
    const lint = run('lint', 'drafts');
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('no-medical-advice');
    expect(lint.stdout).toContain('no-competitor-links');
    expect(JSON.parse(run('lint', 'drafts', '--format', 'sarif').stdout).version).toBe('2.1.0');
    expect(run('rules').stdout).toContain('platform/max-length');
    expect(run('explain', 'no-patient-data').stdout).toMatch(/^# no-patient-data/);
    expect(run('print-config', 'drafts/a.md').status).toBe(0);
    expect(run('stats', 'drafts').status).toBe(0);
    expect(run('lint', '--explain-type', 'drafts/a.md').status).toBe(0);
    expect(run('lint', 'drafts', '--write-baseline').status).toBe(0);
    expect(run('lint', 'drafts', '--cache').status).toBe(0);
  });

  it('exposes the API with types', async () => {
    const script = "import { lint, loadConfig, formatters, RuleTester, builtInRules } from 'medpost'; const r = await lint(['drafts'], { baseline: '.medpost-baseline.json' }); console.log(typeof loadConfig, typeof formatters.load, typeof RuleTester, builtInRules.length > 10, r.results.length);";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function function function true 1');
    expect(existsSync(join(project, 'node_modules', 'medpost', 'dist', 'src', 'index.d.ts'))).toBe(true);
  });
});
