// Faults: a draft deleted mid-run, a plugin that throws or never resolves, a rule that throws, an interrupted
// --fix. Each ends with a clear message, the right exit code, and no file left half-written.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, makeProject, binPath } from './helpers/cli.js';
import { resolveDrafts } from '../src/lint.js';
import { lintDrafts } from '../src/lint-core.js';

const draft = (body: string) => `---\nplatform: facebook\nlang: en\n---\n${body}\n`;

describe('faults', () => {
  it('a draft deleted after it was found gets a finding; the others are linted', async () => {
    const project = makeProject({ 'drafts/a.md': draft('Fine.'), 'drafts/b.md': draft('Fine too.') });
    const { inputs, knownRuleIds } = await resolveDrafts(['drafts'], { cwd: project });
    unlinkSync(join(project, 'drafts', 'a.md'));
    const results = await lintDrafts(inputs, { today: '2026-06-30', knownRuleIds });
    expect(results.map((result) => result.displayPath)).toEqual(['drafts/a.md', 'drafts/b.md']);
    expect(results[0].findings).toMatchObject([{ ruleId: 'parse-error', message: 'file not found (it was deleted or moved during the run?)' }]);
    expect(results[1].findings.filter((finding) => finding.ruleId === 'parse-error')).toEqual([]);
  });

  it('a plugin that never finishes loading stops the run with exit 2 and says which', () => {
    const project = makeProject({
      '.medpostrc.yaml': 'plugins: [./hangs.mjs]\n',
      'hangs.mjs': 'await new Promise(() => {}); export const rules = [];',
      'a.md': draft('Fine.'),
    });
    const result = runCli(['lint', 'a.md'], { cwd: project, env: { MEDPOST_PLUGIN_TIMEOUT_MS: '500' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/plugin '\.\/hangs\.mjs' failed to load: did not finish loading within 0\.5 s/);
  });

  it('a rule that throws is reported as an internal error; the other rules still run', () => {
    const project = makeProject({
      '.medpostrc.yaml': 'settings:\n  competitorDomains: [rival.es]\nplugins: [./broken-rule.mjs]\n',
      'broken-rule.mjs': "export const rules = [{ meta: { id: 'team/broken', description: 'x', defaultSeverity: 'error', scope: 'post' }, check() { throw new Error('kaput'); } }];",
      'a.md': draft('See rival.es'),
    });
    const result = runCli(['lint', 'a.md', '--format', 'json'], { cwd: project });
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout).results[0].findings.map((finding: { ruleId: string; message: string }) => `${finding.ruleId}: ${finding.message}`);
    expect(findings).toContain("internal-error: rule 'team/broken' failed on this draft: kaput. The other rules still ran; please report this.");
    expect(findings.some((finding: string) => finding.startsWith('no-competitor-links'))).toBe(true);
  });

  it('SIGINT during --fix leaves every draft either as it was or fully fixed, and no temporary files', async () => {
    const files: Record<string, string> = {};
    const original = draft('Read https://sonrisa.es/a?utm_source=x&fbclid=y and **bold** text.');
    for (let index = 0; index < 300; index += 1) files[`drafts/d${String(index).padStart(3, '0')}.md`] = original;
    const project = makeProject(files);
    const child = spawn(process.execPath, [binPath, 'lint', '--fix', '--concurrency', 'off', 'drafts'], { cwd: project, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt while fixes are being written: as soon as the first draft on disk has changed (not after a fixed
    // delay: on a fast machine the run may be over by then).
    let running = true;
    void exited.then(() => { running = false; });
    const first = join(project, 'drafts', 'd000.md');
    while (running && readFileSync(first, 'utf8') === original) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGINT');
    // 130 when the interrupt stopped the writes (the usual code after Ctrl-C); 1 when the run had already ended.
    expect([130, 1]).toContain(await exited);
    const names = readdirSync(join(project, 'drafts'));
    expect(names.filter((name) => !name.endsWith('.md'))).toEqual([]);
    const fixed = draft('Read https://sonrisa.es/a and bold text.');
    for (const name of names) {
      const content = readFileSync(join(project, 'drafts', name), 'utf8');
      expect([original, fixed]).toContain(content);
    }
  }, 60_000);

  it.runIf(process.platform !== 'win32')('a named pipe or a huge file among the drafts is refused unread; the run goes on', () => {
    const project = makeProject({ 'drafts/a.md': draft('Fine.') });
    // A FIFO blocks whoever opens it for reading until a writer comes: read, it would hang the run for ever.
    // (A folder walk skips a pipe itself, but not a symbolic link to one.)
    execFileSync('mkfifo', [join(project, 'pipe')]);
    symlinkSync(join(project, 'pipe'), join(project, 'drafts', 'b.md'));
    // Sparse: 20 MB on paper, nothing on disk; refused from its size, not after reading it.
    writeFileSync(join(project, 'drafts', 'c.md'), '');
    truncateSync(join(project, 'drafts', 'c.md'), 20 * 1024 * 1024);
    const result = runCli(['lint', 'drafts', '--format', 'json'], { cwd: project });
    expect(result.status).toBe(1);
    const files = (JSON.parse(result.stdout) as { results: Array<{ filePath: string; findings: Array<{ ruleId: string; message: string }> }> }).results;
    const problems = Object.fromEntries(files.map((file) => [file.filePath.split(/[\\/]/).pop(), file.findings.filter((finding) => finding.ruleId === 'parse-error').map((finding) => finding.message)]));
    expect(problems).toEqual({
      'a.md': [],
      'b.md': ['not a regular file (a named pipe, socket or device): not linted'],
      'c.md': ['file is 20.0 MB, over the 10 MB limit for a draft: not linted'],
    });
  });

  it('a reader that closes the pipe early (medpost lint | head) ends the run quietly, with 141 as after SIGPIPE', async () => {
    const files: Record<string, string> = {};
    // Enough findings for a report larger than a pipe's buffer.
    for (let index = 0; index < 120; index += 1) files[`drafts/d${index}.md`] = draft('Just take 2 ibuprofen every 6 hours. Call Ana Ruiz on 612 345 678.');
    const project = makeProject(files);
    const child = spawn(process.execPath, [binPath, 'lint', '--format', 'json', 'drafts'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  }, 60_000);
});
