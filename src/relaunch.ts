// Runs of more than a couple of drafts are much faster with V8 compiling regular expressions straight to machine
// code (`--no-regexp-tier-up`): by default each one is first interpreted, compiled a second time later, and its code
// dropped again when memory is collected; medpost's lexicons are hundreds of large patterns (measured: 5 drafts
// 1.4 -> 0.85 s, 1,000 drafts 9.6 -> 5.9 s). The flag cannot be switched on from inside a running process:
// v8.setFlagsFromString did so until it was seen to crash Node 20 with a segmentation fault in about 1 run in 300.
// So the CLI starts Node again with the flag, once it knows the run is big enough to pay for a second start-up.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DRAFT_EXTENSIONS, configFileIn, isWalkedDirectory } from './draft-paths.js';

const FLAG = '--no-regexp-tier-up';
/**
 * Also given to the second start: the heap grows by half at each full collection instead of V8's default (up to
 * four times what is live), and the young generation stays at 8 MB a half-space (16 by default). 10,000 drafts
 * with two threads: peak 520 -> 395 -> 350 MB, the same time within the noise (three runs each; growing by 30%,
 * or 4 MB half-spaces, cost time).
 */
const HEAP_GROWTH = '--heap-growing-percent=50';
const YOUNG_GENERATION = '--max-semi-space-size=8';
/**
 * From this many drafts named, a worker thread lints half of them (PARALLEL_THRESHOLD in parallel.ts; a test keeps
 * the two equal) and the main thread holds every draft's findings until the end: its young generation is held to
 * 4 MB half-spaces, which V8 then empties twice as often. 10,000 drafts on 2 cores: peak ~318 -> ~295 MB, ~4% more
 * time (three runs each). The flag holds the worker thread's young generation too: on Node 20 a worker's
 * resourceLimits.maxYoungGenerationSizeMb does not change it (measured), so the two cannot differ.
 */
export const SMALL_YOUNG_GENERATION_FROM_DRAFTS = 1000;
const SMALL_YOUNG_GENERATION = '--max-semi-space-size=4';
/**
 * Also from there: the young generation is emptied by the thread that fills it alone. With a worker, both cores run
 * JavaScript, and V8's helper tasks for a parallel collection only take turns with them. 10,000 drafts: 11.02 ->
 * 10.60 s, the same memory (medians of three alternating runs; without concurrent marking too it was no faster
 * and reached 301 MB).
 */
const SERIAL_SCAVENGE = '--no-parallel-scavenge';
/**
 * And one thread for V8's background work (concurrent marking and sweeping, optimising compilers) instead of four:
 * with both cores running JavaScript, more only take turns with it. 10,000 drafts: 11.00 -> 10.61 s and ~10 MB less
 * (medians of seven alternating runs, faster in six of the pairs).
 */
const ONE_BACKGROUND_THREAD = '--v8-pool-size=1';
/**
 * From this many drafts named (folders and files, counted; not globs; the configured set is estimated by the drafts
 * under the working directory), the heap grows by a fifth instead: half of a heap holding 100,000 drafts' findings
 * is some 300 MB of garbage allowed to pile up.
 * Measured (2 cores): 100,000 drafts peak 1.34-1.48 GB -> 1.0 GB; at 10,000 the smaller growth would cost ~5% of
 * the time for 20 MB, so smaller sets keep 50%.
 */
export const LARGE_RUN_DRAFTS = 30_000;
const LARGE_RUN_HEAP_GROWTH = '--heap-growing-percent=20';
/**
 * V8 optimises a function with TurboFan once it has run this many bytes of bytecode (Node 20's default: 132 KB).
 * At that default, ~1,400 functions of the bundle were optimised in a 10,000-draft run, on V8's one background
 * thread, which then took 5-6 s of CPU from the two threads linting. Measured (alternating runs, medians):
 * 10,000 drafts 11.66 -> 10.56 s (user CPU 21.0 -> 18.7 s); 1,000 drafts 2.49 -> 2.48 s (user 3.79 -> 2.81 s).
 * 1,000,000 was no better than 600,000.
 */
const LATER_OPTIMISATION = '--interrupt-budget=600000';
/**
 * With a worker thread, both cores run JavaScript, and TurboFan's compiles on V8's background thread only took
 * turns with them: 1.85 s of that thread's CPU at 10,000 drafts, against 1.1 s more for the two linting threads
 * when each compiles its own code. 10.68 -> 10.35 s (medians of eight alternating runs, faster in six), 4 MB less.
 */
const OPTIMISE_ON_THREAD = '--no-concurrent-recompilation';
/**
 * And gc() for the worker: it lets its linting garbage go before it runs its part of the calendar rules, as it then
 * lives on next to the main thread's end-of-run peak (parallel.ts, HOLD_RUNS_BELOW_DRAFTS). 10,000 drafts: peak
 * 298-302 -> 285-288 MB (two runs each), for a full collection of ~60 MB in the worker.
 */
const EXPOSE_GC = '--expose-gc';
/**
 * From this many drafts the second start-up (~110 ms) pays for itself. Measured (2 cores, Node 20): one draft
 * 0.30 s either way; two drafts 0.65 s as started, 0.46 s with the flag; five drafts 0.99 s / 0.68 s. The rest
 * of the calendar (`files:`), which gets the calendar rules alone, counts from CALENDAR_RELAUNCH_FROM_DRAFTS.
 */
export const RELAUNCH_FROM_DRAFTS = 2;

export function regexpsCompiledDirectly(): boolean {
  return process.execArgv.includes(FLAG);
}

/** Whether this process was relaunched with the flags of a run with a worker thread (as many drafts as pay for one). */
export function relaunchedForWorkers(): boolean {
  return process.execArgv.includes(OPTIMISE_ON_THREAD);
}

/** The V8 flags of a relaunched run of `namedDrafts` drafts (the build makes a code cache for each set). */
export function relaunchFlags(namedDrafts: number): string[] {
  const withWorker = namedDrafts >= SMALL_YOUNG_GENERATION_FROM_DRAFTS;
  return [
    FLAG,
    LATER_OPTIMISATION,
    namedDrafts >= LARGE_RUN_DRAFTS ? LARGE_RUN_HEAP_GROWTH : HEAP_GROWTH,
    withWorker ? SMALL_YOUNG_GENERATION : YOUNG_GENERATION,
    ...(withWorker ? [SERIAL_SCAVENGE, ONE_BACKGROUND_THREAD, OPTIMISE_ON_THREAD, EXPOSE_GC] : []),
  ];
}

/** Runs this same command line again in a Node started with the flags; resolves to its exit code. */
export function relaunchWithCompiledRegexps(namedDrafts = 0): Promise<number> {
  const [, script, ...args] = process.argv;
  const child = spawn(process.execPath, [...process.execArgv, ...relaunchFlags(namedDrafts), script, ...args], { stdio: 'inherit' });
  // A Ctrl-C in a terminal reaches both processes; a signal sent to this one alone is passed on, so that the
  // child (which may be writing fixes) ends as it would have on its own.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const name of signals) process.off(name, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * How many drafts the paths name, counted up to `limit`, cheaply before anything else is loaded: stops as soon as
 * it knows. No paths (the configured set) and globs count as many (Infinity), or (`unknown` false) as none; ignore
 * files are not read (an estimate).
 */
export async function namedDraftCount(paths: string[], limit: number, unknown = true): Promise<number> {
  if (paths.length === 0) return unknown ? Infinity : 0;
  let found = 0;
  const pending: string[] = [];
  for (const path of paths) {
    const stats = await stat(path).catch(() => undefined);
    if (!stats) { // a glob, or a missing path that discovery will report
      if (unknown) return Infinity;
      continue;
    }
    if (stats.isDirectory()) pending.push(path);
    else if (DRAFT_EXTENSIONS.test(path)) found += 1;
    if (found >= limit) return found;
  }
  while (pending.length > 0) {
    const directory = pending.pop()!;
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (isWalkedDirectory(entry.name)) pending.push(join(directory, entry.name));
      } else if (DRAFT_EXTENSIONS.test(entry.name) && (found += 1) >= limit) {
        return found;
      }
    }
  }
  return found;
}

/**
 * From this many drafts in the rest of the calendar (see calendarDraftCount), a run naming fewer drafts than pay
 * for a relaunch is started again too, with the flags of that many: the calendar rules read every draft, and a
 * worker reads half of them. One draft named (a pre-commit hook) among 10,000: 5.17 -> 4.59 s, 355 -> 180 MB
 * (medians of three alternating runs); among 1,000: 1.42 -> 0.96 s, 194 -> 133 MB (four).
 */
export const CALENDAR_RELAUNCH_FROM_DRAFTS = 1000;

/**
 * The drafts the calendar rules read besides those named: when the config nearest the working directory lists the
 * content repo's drafts (`files:`), the drafts under its folder, counted up to `limit` (an estimate: its globs are
 * not read); 0 without such a config.
 */
export async function calendarDraftCount(cwd: string, limit: number): Promise<number> {
  for (let directory = cwd; ; directory = dirname(directory)) {
    const configFile = configFileIn(directory);
    if (configFile) return listsDrafts(configFile) ? namedDraftCount([directory], limit) : 0;
    if (dirname(directory) === directory) return 0;
  }
}

/** Whether a config file has `files:` (at the top of a YAML file, or in package.json's `medpost`). */
function listsDrafts(configFile: string): boolean {
  try {
    const text = readFileSync(configFile, 'utf8');
    if (basename(configFile) !== 'package.json') return /^files\s*:/m.test(text);
    const medpost = (JSON.parse(text) as { medpost?: unknown }).medpost;
    return typeof medpost === 'object' && medpost !== null && 'files' in medpost;
  } catch {
    return false;
  }
}

/** Whether the paths name at least `count` drafts (see namedDraftCount). */
export async function draftsAtLeast(paths: string[], count: number, unknown = true): Promise<boolean> {
  return (await namedDraftCount(paths, count, unknown)) >= count;
}
