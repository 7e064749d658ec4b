// Worker threads change how fast a run is, never what it finds: the same report, in the same order, with the
// main thread and workers sharing the drafts, with the cache, and with an unreadable file among them.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript
import { writeCorpus } from '../bench/corpus.mjs';
import { binPath } from './helpers/cli.js';

const DRAFTS = 450; // five batches: the main thread and two workers each take some

function lintReport(directory: string, extra: string[]): string {
  const output = join(directory, `report-${extra.join('-').replace(/\W+/g, '')}.json`);
  const run = spawnSync(process.execPath, [binPath, 'lint', '--format', 'json', '--output-file', output, '--today', '2026-06-30', ...extra], { cwd: directory, encoding: 'utf8' });
  expect(run.status, `${run.stderr} (signal ${run.signal})`).toBe(1);
  return readFileSync(output, 'utf8');
}

describe('worker threads', () => {
  const directory = writeCorpus(mkdtempSync(join(tmpdir(), 'medpost-parallel-')), DRAFTS) as string;
  // A draft that is not UTF-8: its parse error comes back from whichever thread read it.
  writeFileSync(join(directory, 'drafts', 'latin1.md'), Buffer.from('---\nplatform: x\n---\nCl\xednica\n', 'latin1'));

  it('report exactly what a serial run reports', () => {
    const serial = lintReport(directory, ['--concurrency', 'off']);
    const parallel = lintReport(directory, ['--concurrency', '3']);
    expect(JSON.parse(serial).results.length).toBe(DRAFTS + 1);
    expect(parallel).toBe(serial);
    expect(serial).toContain('not valid UTF-8');
  });

  it('report the same with the cache, filled by a parallel run', () => {
    const serial = lintReport(directory, ['--concurrency', 'off']);
    const filling = lintReport(directory, ['--concurrency', '3', '--cache']);
    const cached = lintReport(directory, ['--concurrency', '3', '--cache']);
    expect(filling).toBe(serial);
    expect(cached).toBe(serial);
  });

  it('report the same with workers started before the drafts are found, and stop unneeded ones', () => {
    const serial = lintReport(directory, ['--concurrency', 'off']);
    // The CLI starts workers early when relaunched with a worker run's flags: run it with them directly.
    const early = spawnSync(process.execPath, ['--no-regexp-tier-up', '--no-concurrent-recompilation', binPath, 'lint', '--format', 'json', '--output-file', join(directory, 'early.json'), '--today', '2026-06-30', '--concurrency', '3'], { cwd: directory, encoding: 'utf8' });
    expect(early.status, early.stderr).toBe(1);
    expect(readFileSync(join(directory, 'early.json'), 'utf8')).toBe(serial);
    // Too few drafts for a worker, and no drafts at all: the workers started early stop, the run ends.
    const few = spawnSync(process.execPath, ['--no-regexp-tier-up', '--no-concurrent-recompilation', binPath, 'lint', 'drafts/latin1.md'], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
    expect(few.status, few.stderr).toBe(1);
    const none = spawnSync(process.execPath, ['--no-regexp-tier-up', '--no-concurrent-recompilation', binPath, 'lint', 'missing/*.md'], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
    expect(none.status, none.stderr).toBe(2);
    expect(none.stderr).toContain('no drafts found');
  });
});
