// Worker threads change how fast a run is, never what it finds: the same report, in the same order, with the
// main thread and workers sharing the drafts, with the cache, and with an unreadable file among them; and the
// same calendar findings, whichever thread ran each calendar rule.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript
import { writeCorpus } from '../bench/corpus.mjs';
import { binPath } from './helpers/cli.js';
import { shareRuns } from '../src/parallel.js';

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

  it('report the same calendar findings when workers run calendar rules: a plugin\'s, one that throws, and one configured two ways', () => {
    const project = writeCorpus(mkdtempSync(join(tmpdir(), 'medpost-parallel-calendar-')), DRAFTS) as string;
    writeFileSync(join(project, 'plugin.mjs'), `export const rules = [
  {
    meta: { id: 'test/count-drafts', description: 'how many drafts', defaultSeverity: 'warn', scope: 'collection' },
    summarize({ post }) { return { words: post.text.value.split(/\\s+/).length }; },
    check({ drafts, report }) {
      const words = drafts.reduce((total, draft) => total + draft.summary.words, 0);
      for (const draft of drafts) report({ path: draft.path, message: 'set of ' + drafts.length + ' drafts, ' + words + ' words' });
    },
  },
  {
    meta: { id: 'test/throws', description: 'fails', defaultSeverity: 'error', scope: 'collection' },
    summarize() { return {}; },
    check() { throw new Error('calendar rule failed'); },
  },
];
`);
    // Drafts configured otherwise make a second run of a rule, over those drafts.
    appendFileSync(join(project, '.medpostrc.yaml'), [
      'plugins: [./plugin.mjs]',
      'overrides:',
      '  - files: ["drafts/000/draft-0001*.md"]',
      '    rules:',
      '      cross-post-duplicate: [warn, {minSimilarity: 0.5}]',
      '      test/count-drafts: error',
      '',
    ].join('\n'));
    const serial = lintReport(project, ['--concurrency', 'off']);
    const results = JSON.parse(serial).results as Array<{ filePath: string; findings: Array<{ ruleId: string; message: string; severity: string }> }>;
    const findings = results.flatMap((result) => result.findings.map((finding) => ({ ...finding, filePath: result.filePath })));
    const counts = findings.filter((finding) => finding.ruleId === 'test/count-drafts');
    expect(counts).toHaveLength(DRAFTS);
    expect(new Set(counts.filter((finding) => finding.filePath.startsWith('drafts/000/draft-0001')).map((finding) => finding.severity))).toEqual(new Set(['error']));
    expect(findings.some((finding) => finding.message.includes("rule 'test/throws' failed") && finding.message.includes('calendar rule failed'))).toBe(true);
    expect(findings.some((finding) => finding.ruleId === 'cross-post-duplicate')).toBe(true);
    // Two workers and the main thread share the six runs of calendar rules.
    expect(lintReport(project, ['--concurrency', '3'])).toBe(serial);
    expect(lintReport(project, ['--concurrency', '2'])).toBe(serial);
  });
});

describe('shareRuns', () => {
  it('gives each worker a part of the runs in a row, after the main thread\'s, which is the largest', () => {
    const parts = (keys: string[], workers: number) => shareRuns(keys, workers).map((part) => [...part]);
    expect(parts(['promo', 'cadence', 'copies'], 1)).toEqual([['copies']]);
    expect(parts(['promo', 'cadence', 'copies', 'plugin'], 1)).toEqual([['copies', 'plugin']]);
    expect(parts(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['c', 'd'], ['e']]);
    expect(parts(['a'], 1)).toEqual([[]]);
    expect(parts([], 3)).toEqual([[], [], []]);
    for (let runs = 0; runs < 9; runs += 1) {
      for (let workers = 1; workers < 5; workers += 1) {
        const keys = Array.from({ length: runs }, (_, index) => `run${index}`);
        const shared = shareRuns(keys, workers).flatMap((part) => [...part]);
        const mainCount = runs - shared.length;
        // In order, each once, and the main thread's part (the first) never smaller than a worker's.
        expect(shared).toEqual(keys.slice(mainCount));
        for (const part of shareRuns(keys, workers)) expect(part.size).toBeLessThanOrEqual(mainCount);
      }
    }
  });
});
