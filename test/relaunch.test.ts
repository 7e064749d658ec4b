// Runs of several drafts start Node again with --no-regexp-tier-up (src/relaunch.ts): setting the flag from inside
// the process crashed Node 20 about once in 300 runs. Checked: when it relaunches, that the child really has the
// flag, and that exit codes and output come through.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, makeProject } from './helpers/cli.js';
import { CALENDAR_RELAUNCH_FROM_DRAFTS, LARGE_RUN_DRAFTS, SMALL_YOUNG_GENERATION_FROM_DRAFTS, calendarDraftCount, draftsAtLeast, namedDraftCount, relaunchFlags } from '../src/relaunch.js';
import { PARALLEL_THRESHOLD } from '../src/parallel.js';

const draft = (body: string) => `---\nplatform: facebook\nlang: en\n---\n${body}\n`;
const advice = draft('Just take 2 ibuprofen every 6 hours and you will be fine.');
const clean = draft('Our clinic opens a new paediatric wing this spring, with longer opening hours.');

/** Runs the CLI with a preload that records the V8 flags of every Node process it starts. */
function runRecordingProcesses(args: string[], cwd: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'medpost-relaunch-'));
  const log = join(scratch, 'processes.log');
  const preload = join(scratch, 'record.cjs');
  writeFileSync(preload, `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv) + '\\n');\n`);
  writeFileSync(log, '');
  const result = runCli(args, { cwd, env: { NODE_OPTIONS: `--require ${preload}` } });
  const processes = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]);
  return { ...result, processes };
}

describe('relaunch with regexes compiled straight away', () => {
  it('one draft runs in the process started (a second start-up would not pay)', () => {
    const project = makeProject({ 'drafts/a.md': advice });
    const run = runRecordingProcesses(['lint', 'drafts', '--format', 'json'], project);
    expect(run.processes).toHaveLength(1);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).results[0].findings.length).toBeGreaterThan(0);
  });

  it('several drafts run in one child started with the flag; its findings and exit code come through', () => {
    const project = makeProject({ 'drafts/a.md': advice, 'drafts/b.md': clean, 'drafts/c.md': clean });
    const run = runRecordingProcesses(['lint', 'drafts', '--format', 'json'], project);
    expect(run.processes).toHaveLength(2);
    expect(run.processes[0]).not.toContain('--no-regexp-tier-up');
    expect(run.processes[1]).toContain('--no-regexp-tier-up');
    expect(run.processes[1]).toContain('--heap-growing-percent=50');
    expect(run.processes[1]).toContain('--max-semi-space-size=8');
    expect(run.status).toBe(1);
    const { results } = JSON.parse(run.stdout) as { results: Array<{ filePath: string; findings: unknown[] }> };
    expect(results.map((result) => result.filePath.split(/[\\/]/).pop())).toEqual(['a.md', 'b.md', 'c.md']);
    expect(results[0].findings.length).toBeGreaterThan(0);
  });

  it('one draft named in a content repo whose config lists more drafts than pay for a worker runs with the flags of that many', () => {
    const files: Record<string, string> = { '.medpostrc.yaml': 'files: ["drafts/**/*.md"]\n' };
    for (let index = 0; index < CALENDAR_RELAUNCH_FROM_DRAFTS; index += 1) files[`drafts/${String(index).padStart(4, '0')}.md`] = clean;
    const project = makeProject(files);
    const run = runRecordingProcesses(['lint', 'drafts/0001.md', '--format', 'json'], project);
    expect(run.processes.length).toBeGreaterThanOrEqual(2);
    expect(run.processes[1]).toEqual(expect.arrayContaining(relaunchFlags(CALENDAR_RELAUNCH_FROM_DRAFTS)));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results.map((result: { filePath: string }) => result.filePath)).toEqual(['drafts/0001.md']);
    // Without `files:` the other drafts are not read: one draft runs as started.
    writeFileSync(join(project, '.medpostrc.yaml'), 'preset: recommended\n');
    expect(runRecordingProcesses(['lint', 'drafts/0001.md'], project).processes).toHaveLength(1);
  });

  it('a clean set exits 0 through the child; standard input is never relaunched', () => {
    const project = makeProject({ 'drafts/b.md': clean, 'drafts/c.md': clean });
    expect(runRecordingProcesses(['lint', 'drafts'], project)).toMatchObject({ status: 0, processes: [expect.any(Array), expect.any(Array)] });
    const piped = runCli(['lint', '--stdin', '--stdin-filename', 'x.md'], { cwd: project, input: advice });
    expect(piped.status).toBe(1);
  });
});

describe('draftsAtLeast (the estimate made before anything is loaded)', () => {
  const project = makeProject({
    'one/a.md': clean,
    'two/a.md': clean,
    'two/nested/b.markdown': clean,
    'two/node_modules/c.md': clean,
    'two/.hidden/d.md': clean,
    'two/notes.txt': 'not a draft',
  });
  const at = (path: string) => join(project, path);

  it('counts drafts in files and folders, skipping what discovery skips', async () => {
    expect(await draftsAtLeast([at('one')], 2)).toBe(false);
    expect(await draftsAtLeast([at('two')], 2)).toBe(true);
    expect(await draftsAtLeast([at('two')], 3)).toBe(false);
    expect(await draftsAtLeast([at('one/a.md'), at('two/a.md')], 2)).toBe(true);
    expect(await draftsAtLeast([at('two/notes.txt'), at('one/a.md')], 2)).toBe(false);
  });

  it('takes no paths (the configured set) and globs or missing paths as many, or as few when asked', async () => {
    expect(await draftsAtLeast([], 2)).toBe(true);
    expect(await draftsAtLeast([at('*/a.md')], 2)).toBe(true);
    expect(await draftsAtLeast([], 2, false)).toBe(false);
    expect(await draftsAtLeast([at('*/a.md')], 2, false)).toBe(false);
    expect(await draftsAtLeast([at('*/a.md'), at('two')], 2, false)).toBe(true);
    expect(await draftsAtLeast([at('*/a.md'), at('one')], 2, false)).toBe(false);
  });
});

describe('the flags of a relaunched run, by the number of drafts named', () => {
  it('optimises later, holds the young generation smaller, scavenges it serially and optimises on the linting threads from the size where a worker thread starts, and the heap growth from a large run', () => {
    expect(SMALL_YOUNG_GENERATION_FROM_DRAFTS).toBe(PARALLEL_THRESHOLD);
    expect(relaunchFlags(2)).toEqual(['--no-regexp-tier-up', '--interrupt-budget=600000', '--heap-growing-percent=50', '--max-semi-space-size=8']);
    expect(relaunchFlags(SMALL_YOUNG_GENERATION_FROM_DRAFTS - 1)).toEqual(relaunchFlags(2));
    expect(relaunchFlags(SMALL_YOUNG_GENERATION_FROM_DRAFTS)).toEqual(['--no-regexp-tier-up', '--interrupt-budget=600000', '--heap-growing-percent=50', '--max-semi-space-size=4', '--no-parallel-scavenge', '--v8-pool-size=1', '--no-concurrent-recompilation', '--expose-gc']);
    expect(relaunchFlags(LARGE_RUN_DRAFTS)).toEqual(['--no-regexp-tier-up', '--interrupt-budget=600000', '--heap-growing-percent=20', '--max-semi-space-size=4', '--no-parallel-scavenge', '--v8-pool-size=1', '--no-concurrent-recompilation', '--expose-gc']);
  });

  it('estimates the rest of the calendar from the nearest config that lists files: the drafts under its folder', async () => {
    const listed = makeProject({ '.medpostrc.yml': 'preset: strict\nfiles:\n  - "**/*.md"\n', 'a/1.md': clean, 'a/b/2.md': clean, 'c.md': clean });
    expect(await calendarDraftCount(listed, 100)).toBe(3);
    expect(await calendarDraftCount(join(listed, 'a/b'), 100)).toBe(3);
    expect(await calendarDraftCount(listed, 2)).toBe(2);
    const unlisted = makeProject({ '.medpostrc.yaml': 'preset: strict\n', 'a.md': clean, 'b.md': clean });
    expect(await calendarDraftCount(unlisted, 100)).toBe(0);
    const inPackage = makeProject({ 'package.json': JSON.stringify({ name: 'x', medpost: { files: ['*.md'] } }), 'a.md': clean, 'b.md': clean });
    expect(await calendarDraftCount(inPackage, 100)).toBe(2);
    // A package.json without a `medpost` key is not a config: the search goes on up.
    const nestedPackage = makeProject({ '.medpostrc.yaml': 'files: ["**/*.md"]\n', 'a.md': clean, 'tool/package.json': JSON.stringify({ name: 'x' }), 'tool/b.md': clean });
    expect(await calendarDraftCount(join(nestedPackage, 'tool'), 100)).toBe(2);
  });

  it('counts the drafts named up to a limit; unknown sets count as many, or as none when asked', async () => {
    const project = makeProject({ 'a/1.md': clean, 'a/2.md': clean, 'a/b/3.md': clean, 'c.md': clean });
    expect(await namedDraftCount([project], 100)).toBe(4);
    expect(await namedDraftCount([project], 2)).toBe(2);
    expect(await namedDraftCount([join(project, 'a/b'), join(project, 'c.md')], 100)).toBe(2);
    expect(await namedDraftCount([], 100)).toBe(Infinity);
    expect(await namedDraftCount([join(project, '*.md')], 100, false)).toBe(0);
  });
});
