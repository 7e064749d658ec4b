// The per-draft stage on worker threads, for sets large enough to pay for starting them (see `npm run bench`
// for where that is on a given machine). Records come back in input order, so output does not depend on timing.
import type { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { SeveritySetting } from './types.js';
import { shareStrings, takeHeldSummaries, type CollectionHelper, type CollectionTask, type DraftInput, type DraftRecord } from './lint-core.js';
import type { Finding, SummaryEnvelope } from './types.js';
import { timingEnabled } from './timing.js';
import { importModule } from './import-module.js';

/**
 * Below this many drafts a worker does not pay: it starts up and compiles every lexicon again, and adds 30-40 MB.
 * Measured on 2 cores, each with the flags its run is relaunched with (relaunch.ts), medians of alternating runs:
 * 300 drafts 0.94x, 500 1.18x, 1,000 1.22x, 3,000 1.28x as fast with the main thread and one worker. A pre-commit
 * run naming 2 drafts among 1,000 (the rest only feed the calendar rules): 1.44 -> 1.30 s. Before V8 was told to
 * optimise later (--interrupt-budget), the worker paid only from ~4,000 drafts.
 */
export const PARALLEL_THRESHOLD = 1000;
const BATCH_SIZE = 100;
/** Batches shrink to this as the queue empties, so that no thread waits long for another's last batch. */
const LAST_BATCH_SIZE = 4;
/**
 * Batches queued at each worker. The main thread reads a worker's results, and sends it more, only between its
 * own batches: with two queued the worker sat idle ~0.27 s of a 10,000-draft run; with three, none.
 */
const QUEUED_BATCHES = 3;

/**
 * Workers hold collection runs (see shareRuns) for sets of fewer drafts than this. 10,000 drafts: ~0.3 s off the
 * run's serial end, peak memory +20 MB; 100,000: peak 953 MB -> 1,062 MB. The main thread, holding every draft's
 * findings, runs a rule within the room its heap already has; a worker grows its own heap for it.
 */
export const HOLD_RUNS_BELOW_DRAFTS = 30_000;

export interface WorkerSetup {
  cwd: string;
  configFile?: string;
  ruleOverrides?: Record<string, SeveritySetting>;
  keepSource: boolean;
  /** --cache: workers write the entries of the drafts they lint (the main thread has looked them up already). */
  cacheLocation?: string;
}

export interface WorkerBatch {
  id: number;
  items: Array<Omit<DraftInput, 'config'> & { index: number }>;
}

/** Sent first: the collection runs whose summaries this worker keeps, and runs at the end (see CollectionHelper). */
export interface WorkerHolds {
  holds: string[];
}

/** Summaries the main thread made (or read from the cache) for runs the worker holds: [run key, draft index, summary]. */
export interface WorkerHeldSummaries {
  summaries: Array<[string, number, SummaryEnvelope<unknown>]>;
}

/** A collection run for its worker, once the drafts are linted. */
export interface WorkerCollectionTask {
  collectionId: number;
  task: CollectionTask;
}

/**
 * Sent once a worker's last batch is back, to a worker holding collection runs: it collects its linting garbage
 * while the main thread lints its own last drafts and gathers the runs, instead of once its task has come.
 */
export interface WorkerLinted {
  linted: true;
}

export type WorkerMessage = WorkerBatch | WorkerHolds | WorkerHeldSummaries | WorkerLinted | WorkerCollectionTask | null;

/** What a worker posts back: a batch's records, a collection run's findings, or why either failed. */
export type WorkerReply =
  | { id: number; records: ReadonlyArray<readonly [number, DraftRecord]> }
  | { collectionId: number; findings: Finding[] }
  | { id?: number; collectionId?: number; error: string };

const workerUrl = new URL('./worker.js', import.meta.url);

/**
 * How many worker threads to start for `count` drafts, besides the main thread, which lints its share too:
 * 0 means run serially. `concurrency` counts threads in all (a number), or 'auto' (one per core).
 */
export function workerCountFor(count: number, concurrency: 'off' | 'auto' | number | undefined): number {
  if (concurrency === 'off' || concurrency === 1) return 0;
  if (timingEnabled) return 0; // MEDPOST_TIMING counts every rule call in this thread
  // Running from TypeScript sources (tests, tsx) there is no compiled worker to start.
  if (!existsSync(fileURLToPath(workerUrl))) return 0;
  if (typeof concurrency === 'number') return Math.max(0, Math.min(concurrency, 16) - 1);
  if (count < PARALLEL_THRESHOLD) return 0;
  return Math.max(0, Math.min(availableParallelism(), Math.ceil(count / BATCH_SIZE), 8) - 1);
}

type Item = { input: DraftInput; index: number };

/**
 * Lints `items` on the main thread and `workerCount` workers at once. Work is handed out in batches from one
 * queue, so a slower thread simply takes fewer. Batches get smaller towards the end of the queue (a share of
 * what remains): with batches of 100 to the last, the main thread waited ~0.25 s for the worker's last one at
 * 10,000 drafts, with nothing else to do. Each worker holds the summaries of a part of the collection runs
 * (shareRuns; for sets below HOLD_RUNS_BELOW_DRAFTS) and runs them at the end, as a helper of finishRun. Resolves
 * once every record is in; a worker is asked to stop once it has its last task, and the caller goes on meanwhile
 * (a worker takes ~40 ms to stop), then calls `waitForWorkers`.
 */
export async function processInParallel(
  items: readonly Item[],
  setup: WorkerSetup,
  workerCount: number,
  processLocally: (batch: readonly Item[]) => Promise<DraftRecord[]>,
  {
    started = [],
    runKeys = [],
    earlier = [],
  }: {
    /** Workers started early (startWorkers). */
    started?: readonly Worker[];
    /** The run's collection runs, in finishRun's order (collectionRunsOf). */
    runKeys?: readonly string[];
    /** Records made before (the cache's): their summaries for the held runs go to the workers too. */
    earlier?: ReadonlyArray<readonly [number, DraftRecord]>;
  } = {},
): Promise<{ records: Map<number, DraftRecord>; helpers: CollectionHelper[]; waitForWorkers: () => Promise<void> }> {
  const records = new Map<number, DraftRecord>();
  const threads = workerCount + 1;
  let next = 0;
  let batchCount = 0;
  const take = (): { id: number; batch: Item[] } | undefined => {
    const remaining = items.length - next;
    if (remaining <= 0) return undefined;
    const size = Math.max(LAST_BATCH_SIZE, Math.min(BATCH_SIZE, Math.ceil(remaining / (4 * threads * QUEUED_BATCHES))));
    const batch = items.slice(next, next + size);
    next += batch.length;
    return { id: batchCount++, batch };
  };

  const wanted = Math.min(workerCount, Math.max(0, Math.ceil(items.length / BATCH_SIZE) - 1));
  const workers = [...started.slice(0, wanted), ...(await startWorkers(setup, wanted - started.length))];
  void stopWorkers(started.slice(wanted));
  const holdsOf = shareRuns(items.length + earlier.length < HOLD_RUNS_BELOW_DRAFTS ? runKeys : [], workers.length);
  const holderOf = new Map(holdsOf.flatMap((holds, index) => [...holds].map((key) => [key, workers[index]] as const)));
  /** Sends the held runs' summaries of these records to the workers that hold the runs. */
  const handOver = (made: ReadonlyArray<readonly [number, DraftRecord]>) => {
    const byWorker = new Map<Worker, WorkerHeldSummaries['summaries']>();
    for (const [index, record] of made) {
      for (const [key, envelope] of takeHeldSummaries(record, holderOf)) {
        const worker = holderOf.get(key)!;
        const list = byWorker.get(worker);
        if (list) list.push([key, index, envelope]);
        else byWorker.set(worker, [[key, index, envelope]]);
      }
    }
    for (const [worker, summaries] of byWorker) worker.postMessage({ summaries } satisfies WorkerHeldSummaries);
  };
  workers.forEach((worker, index) => worker.postMessage({ holds: [...holdsOf[index]] } satisfies WorkerHolds));
  handOver(earlier);
  const runWorker = (worker: Worker, index: number) => new Promise<void>((resolve, reject) => {
    // A worker started early may have failed (or stopped) before it was given work.
    const failed = workerFailures.get(worker);
    if (failed) return reject(failed);
    let inFlight = 0;
    const onMessage = (message: WorkerReply) => {
      if ('error' in message) return fail(new Error(`a lint worker failed: ${message.error}`));
      if (!('records' in message)) return;
      for (const [index, record] of message.records) records.set(index, shareStrings(record));
      // The worker kept its own runs' summaries; those of runs another worker holds go on to it.
      if (workers.length > 1) handOver(message.records);
      inFlight -= 1;
      send();
    };
    const stopListening = listenTo(worker, {
      message: onMessage,
      error: fail,
      exit: (code) => code !== 0 && fail(new Error(`a lint worker stopped (exit code ${code})`)),
    });
    function fail(error: Error) {
      stopListening();
      reject(error);
    }
    function send() {
      const taken = take();
      if (taken === undefined) {
        if (inFlight === 0) {
          stopListening();
          if (holdsOf[index].size > 0) worker.postMessage({ linted: true } satisfies WorkerLinted);
          resolve();
        }
        return;
      }
      inFlight += 1;
      try {
        worker.postMessage({ id: taken.id, items: forWorker(taken.batch) } satisfies WorkerBatch);
      } catch (error) {
        fail(error as Error);
      }
    }
    // Batches queued: the worker starts the next one without waiting for the main thread.
    for (let count = 0; count < QUEUED_BATCHES; count += 1) send();
  });
  const runLocally = async () => {
    for (let taken = take(); taken !== undefined; taken = take()) {
      const { batch } = taken;
      const done = await processLocally(batch);
      batch.forEach((item, position) => records.set(item.index, shareStrings(done[position])));
      handOver(batch.map((item, position) => [item.index, done[position]] as const));
      // Let the workers' messages in (their results, and their requests for the next batch) before taking another.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...workers.map((worker, index) => runWorker(worker, index)), runLocally()]);
  } catch (error) {
    await stopWorkers(workers);
    throw error;
  }
  const waits = new Map<Worker, () => Promise<void>>();
  const close = (worker: Worker) => {
    if (!waits.has(worker)) waits.set(worker, askToClose(worker));
  };
  const helpers = workers.map((worker, index) => collectionHelper(worker, holdsOf[index], () => close(worker)));
  // A worker holding no run has nothing left to do.
  workers.forEach((worker, index) => holdsOf[index].size === 0 && close(worker));
  return {
    records,
    helpers,
    waitForWorkers: async () => {
      for (const worker of workers) close(worker);
      await Promise.all([...waits.values()].map((wait) => wait()));
    },
  };
}

/**
 * The collection runs each worker holds: the runs in as many parts in a row as there are threads; the main thread
 * keeps the first part, the largest when they cannot be equal. (Which runs cost most is not known before the
 * drafts are linted; the built-in ones at 10,000 drafts: promo-ratio ~0.02 s, cadence ~0.15 s, cross-post-duplicate
 * ~0.35 s, in that order.)
 */
export function shareRuns(runKeys: readonly string[], workerCount: number): Array<Set<string>> {
  const threads = workerCount + 1;
  const base = Math.floor(runKeys.length / threads);
  const extra = runKeys.length % threads;
  let next = base + (extra > 0 ? 1 : 0);
  return Array.from({ length: workerCount }, (_, index) => {
    const size = base + (index + 1 < extra ? 1 : 0);
    const part = new Set(runKeys.slice(next, next + size));
    next += size;
    return part;
  });
}

/** A worker as a helper for finishRun's collection runs; `lastSent` is called once it has a task per run it holds. */
function collectionHelper(worker: Worker, holds: ReadonlySet<string>, lastSent: () => void): CollectionHelper {
  let sent = 0;
  return {
    holds,
    run: (task) => new Promise<Finding[]>((resolve, reject) => {
      const failed = workerFailures.get(worker);
      if (failed) return reject(failed);
      const collectionId = sent++;
      const onMessage = (message: WorkerReply) => {
        if (!('collectionId' in message) || message.collectionId !== collectionId) return;
        stopListening();
        if ('error' in message) reject(new Error(`a lint worker failed: ${message.error}`));
        else if ('findings' in message) resolve(message.findings);
      };
      const onError = (error: Error) => {
        stopListening();
        reject(error);
      };
      const stopListening = listenTo(worker, {
        message: onMessage,
        error: onError,
        exit: (code) => onError(new Error(`a lint worker stopped (exit code ${code}) before its calendar rule was done`)),
      });
      try {
        worker.postMessage({ collectionId, task } satisfies WorkerCollectionTask);
      } catch (error) {
        onError(error as Error);
      }
      // Asked now, the worker stops as soon as the task is done.
      if (sent >= holds.size) lastSent();
    }),
  };
}

/** Listens to a worker's messages, errors and exit; the function returned stops listening. */
function listenTo(worker: Worker, on: { message: (message: WorkerReply) => void; error: (error: Error) => void; exit: (code: number) => void }): () => void {
  worker.on('message', on.message);
  worker.on('error', on.error);
  worker.on('exit', on.exit);
  return () => {
    worker.off('message', on.message);
    worker.off('error', on.error);
    worker.off('exit', on.exit);
  };
}

/**
 * Starts `count` workers with this setup (the same a later processInParallel is given). A run that knows it will
 * have many drafts starts them before finding its drafts: each then loads its rules while the main thread walks
 * the folders (~0.2 s at 10,000 drafts).
 */
export async function startWorkers(setup: WorkerSetup, count: number): Promise<Worker[]> {
  if (count <= 0) return [];
  // Loaded here, not at start-up: a hook run on a few drafts never starts a worker.
  const { Worker: WorkerThread } = await importModule<typeof import('node:worker_threads')>('node:worker_threads');
  return Array.from({ length: count }, () => {
    const worker = new WorkerThread(workerUrl, { workerData: setup });
    // Listened to from the start: an error with no listener would end the process, and an exit before the
    // worker is given work would leave processInParallel and askToClose waiting.
    worker.on('error', (error) => workerFailures.set(worker, workerFailures.get(worker) ?? error));
    worker.once('exit', (code) => {
      exitedWorkers.add(worker);
      if (code !== 0 && !workerFailures.has(worker)) workerFailures.set(worker, new Error(`a lint worker stopped (exit code ${code})`));
    });
    return worker;
  });
}

/** Workers that failed or stopped, with why, whenever it happened; and those that have exited. */
const workerFailures = new WeakMap<Worker, Error>();
const exitedWorkers = new WeakSet<Worker>();

/** Stops workers started but not needed. */
export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => askToClose(worker)()));
}

/**
 * Asks a worker to finish (it closes its port and exits on its own), and gives a wait for that: terminate() only
 * if it has not within a few seconds of the wait starting. Terminating workers outright once crashed Node 20 (a
 * segmentation fault, rarely, under load).
 */
function askToClose(worker: Worker): () => Promise<void> {
  const exited = exitedWorkers.has(worker) ? Promise.resolve() : new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage(null);
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), 5000); });
    if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
    clearTimeout(timer);
  };
}

/** The batch as sent to a worker: paths (the worker reads the files itself), or the text when the caller has it. */
function forWorker(batch: readonly Item[]): WorkerBatch['items'] {
  return batch.map(({ input, index }) => ({ index, path: input.path, displayPath: input.displayPath, reported: input.reported, source: input.source }));
}
