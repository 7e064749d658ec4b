// npm run bench [-- --sizes 1000,10000,100000 --runs 3 --out bench/results/latest.json]
// Times, side by side in one run: medpost (every built-in rule; cold, and again with --cache), the parse-only floor,
// markdownlint-cli2 (default rules) and `node -e 0`, on a seeded corpus, the tools compared taking turns run by run;
// prints wall time (median of the runs), files/s and peak memory (max RSS), the ratios the targets are stated in,
// and writes them to a JSON file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import { writeCorpus } from '../bench/corpus.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '1000,10000,100000').split(',').map(Number);
const runs = Number(argument('runs', '3'));
const output = resolve(root, argument('out', 'bench/results/latest.json')); // an absolute --out stays as given
const thresholdSizes = argument('threshold-sizes', '50,200,500,1000,2000').split(',').filter(Boolean).map(Number);
const only = argument('only', 'all'); // 'threshold' re-measures only where worker threads start to pay
const bin = join(root, 'bin', 'medpost.js');
const floor = join(root, 'bench', 'parse-floor.mjs');
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

if (!existsSync(join(root, 'dist', 'bundle', 'cli.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

/** Runs a command under GNU time: wall seconds and peak resident memory (MB). */
function measure(command, args, cwd) {
  // Wall time from this process's clock (GNU time's %e is in hundredths: too coarse for a 50 ms start-up).
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'MEDPOST_BENCH %e %M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const line = result.stderr.split('\n').reverse().find((entry) => entry.startsWith('MEDPOST_BENCH '));
  if (!line) throw new Error(`could not time ${command} ${args.join(' ')}: ${result.stderr.slice(-500)}`);
  const [, , kilobytes] = line.split(' ');
  // medpost exits 1 when it finds problems (and markdownlint too); anything else means the run failed.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.slice(-500)}`);
  return { seconds, peakMB: Number(kilobytes) / 1024, status: result.status };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(label, samples) {
  const seconds = median(samples.map((sample) => sample.seconds));
  const peakMB = Math.max(...samples.map((sample) => sample.peakMB));
  return { label, seconds, peakMB, runs: samples.length, samples: samples.map((sample) => sample.seconds) };
}

function timed(label, command, args, cwd, count = runs, before = () => {}) {
  return timedInTurn([{ label, command, args, cwd, before }], count)[0];
}

/**
 * Each command once per round, in turn: a slower spell of a shared machine (seen here: the same run 20% slower
 * from one minute to the next) then falls on every tool compared, not on whichever ran during it.
 */
function timedInTurn(entries, count = runs) {
  const samples = entries.map(() => []);
  for (let run = 0; run < count; run += 1) {
    entries.forEach((entry, index) => {
      entry.before?.();
      samples[index].push(measure(entry.command, entry.args, entry.cwd));
    });
  }
  return entries.map((entry, index) => summarise(entry.label, samples[index]));
}

const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
  runs,
  startup: {},
  sizes: {},
  workerThreshold: [],
};

// --- start-up: one draft, nothing else in the repo (the pre-commit case) ---
const single = join(root, 'bench', 'corpus', 'single');
mkdirSync(single, { recursive: true });
writeFileSync(join(single, 'draft.md'), '---\nplatform: instagram\ndate: 2026-03-02\nlang: es\ntype: info\n---\nEl cepillado dos veces al día reduce el riesgo de caries. Pide cita con tu dentista. #SaludBucodental\n');
const startupRuns = Math.max(runs, 21); // cheap, and noisy one by one
const [nodeBaseline, oneDraft] = timedInTurn([
  { label: 'node -e 0', command: process.execPath, args: ['-e', '0'], cwd: single },
  { label: 'medpost lint one draft', command: process.execPath, args: [bin, 'lint', 'draft.md'], cwd: single },
], startupRuns);
report.startup = { node: nodeBaseline, medpostOneDraft: oneDraft, ratio: oneDraft.seconds / nodeBaseline.seconds };
console.log(`start-up: node -e 0 ${(nodeBaseline.seconds * 1000).toFixed(0)} ms, medpost on one draft ${(oneDraft.seconds * 1000).toFixed(0)} ms (${report.startup.ratio.toFixed(2)}x; target <= 3x)`);

// --- corpus sizes ---
for (const size of only === 'threshold' ? [] : sizes) {
  const directory = writeCorpus(join(root, 'bench', 'corpus', String(size)), size);
  const count = size >= 100_000 ? Math.max(1, Math.min(runs, 2)) : runs;
  const cache = join(directory, '.medpostcache');
  const lintArgs = [bin, 'lint', '--format', 'json', '--output-file', join(directory, 'report.json'), '--today', '2026-06-30'];
  const [floorResult, coldResult, markdownlintResult] = timedInTurn([
    { label: 'parse-only floor', command: process.execPath, args: [floor, 'drafts'], cwd: directory },
    { label: 'medpost (cold)', command: process.execPath, args: lintArgs, cwd: directory, before: () => rmSync(cache, { force: true, recursive: true }) },
    { label: 'markdownlint-cli2 0.22.1', command: process.execPath, args: [markdownlint, 'drafts/**/*.md'], cwd: directory },
  ], count);
  const results = { floor: floorResult, cold: coldResult, markdownlint: markdownlintResult };
  measure(process.execPath, [...lintArgs, '--cache'], directory); // fill the cache
  results.cached = timed('medpost (--cache, unchanged)', process.execPath, [...lintArgs, '--cache'], directory, count);
  const entry = {
    drafts: size,
    results,
    ratios: {
      coldOverFloor: results.cold.seconds / results.floor.seconds,
      coldOverMarkdownlint: results.cold.seconds / results.markdownlint.seconds,
      cachedOverCold: results.cached.seconds / results.cold.seconds,
    },
  };
  report.sizes[size] = entry;
  console.log(`\n${size.toLocaleString('en')} drafts (median of ${count})`);
  for (const result of Object.values(results)) {
    console.log(`  ${result.label.padEnd(32)} ${result.seconds.toFixed(2).padStart(8)} s ${Math.round(size / result.seconds).toLocaleString('en').padStart(9)} files/s ${result.peakMB.toFixed(0).padStart(6)} MB peak`);
  }
  console.log(`  ratios: cold/floor ${entry.ratios.coldOverFloor.toFixed(2)} (target <= 1.5), cold/markdownlint ${entry.ratios.coldOverMarkdownlint.toFixed(2)} (target < 1), cached/cold ${entry.ratios.cachedOverCold.toFixed(2)} (target <= 0.25)`);
}
if (report.sizes[10000] && report.sizes[100000]) {
  report.growth100kOver10k = report.sizes[100000].results.cold.seconds / report.sizes[10000].results.cold.seconds;
  console.log(`\ngrowth: 100,000 / 10,000 drafts = ${report.growth100kOver10k.toFixed(2)}x (target <= 11)`);
}

// --- where worker threads start to pay ---
console.log('\nworker threads: serial vs parallel');
for (const size of thresholdSizes) {
  const directory = writeCorpus(join(root, 'bench', 'corpus', `threshold-${size}`), size);
  const args = [bin, 'lint', '--format', 'json', '--output-file', join(directory, 'report.json'), '--today', '2026-06-30'];
  const [serial, parallel] = timedInTurn([
    { label: 'serial', command: process.execPath, args: [...args, '--concurrency', 'off'], cwd: directory },
    { label: 'parallel', command: process.execPath, args: [...args, '--concurrency', '2'], cwd: directory },
  ]);
  report.workerThreshold.push({ drafts: size, serialSeconds: serial.seconds, parallelSeconds: parallel.seconds });
  console.log(`  ${String(size).padStart(6)} drafts: serial ${serial.seconds.toFixed(2)} s, main + 1 worker ${parallel.seconds.toFixed(2)} s (${(serial.seconds / parallel.seconds).toFixed(2)}x)`);
}

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten to ${output}`);
