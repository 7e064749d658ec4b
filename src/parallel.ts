// The per-draft stage on worker threads, for sets large enough to pay for starting them (see `npm run bench`
// for where that is on a given machine). Records come back in input order, so output does not depend on timing.
import type { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { SeveritySetting } from './types.js';
import { shareStrings, type DraftInput, type DraftRecord } from './lint-core.js';
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
 * 10,000 drafts, with nothing else to do. Resolves once every record is in, the workers asked to stop: the
 * caller goes on with the records meanwhile (a worker takes ~40 ms to stop), then calls `waitForWorkers`.
 */
export async function processInParallel(
  items: readonly Item[],
  setup: WorkerSetup,
  workerCount: number,
  processLocally: (batch: readonly Item[]) => Promise<DraftRecord[]>,
  started: readonly Worker[] = [],
): Promise<{ records: Map<number, DraftRecord>; waitForWorkers: () => Promise<void> }> {
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
  const runWorker = (worker: Worker) => new Promise<void>((resolve, reject) => {
    // A worker started early may have failed (or stopped) before it was given work.
    const failed = workerFailures.get(worker);
    if (failed) return reject(failed);
    let inFlight = 0;
    const send = async () => {
      const taken = take();
      if (taken === undefined) {
        if (inFlight === 0) resolve();
        return;
      }
      inFlight += 1;
      worker.postMessage({ id: taken.id, items: forWorker(taken.batch) } satisfies WorkerBatch);
    };
    worker.on('message', (message: { id: number; records?: Array<[number, DraftRecord]>; error?: string }) => {
      if (message.error) return reject(new Error(`a lint worker failed: ${message.error}`));
      for (const [index, record] of message.records ?? []) records.set(index, shareStrings(record));
      inFlight -= 1;
      send().catch(reject);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`a lint worker stopped (exit code ${code})`));
    });
    // Batches queued: the worker starts the next one without waiting for the main thread.
    let queued = send();
    for (let count = 1; count < QUEUED_BATCHES; count += 1) queued = queued.then(send);
    queued.catch(reject);
  });
  const runLocally = async () => {
    for (let taken = take(); taken !== undefined; taken = take()) {
      const { batch } = taken;
      const done = await processLocally(batch);
      batch.forEach((item, position) => records.set(item.index, shareStrings(done[position])));
      // Let the workers' messages in (their results, and their requests for the next batch) before taking another.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...workers.map(runWorker), runLocally()]);
  } catch (error) {
    await stopWorkers(workers);
    throw error;
  }
  const waits = workers.map(askToClose);
  return { records, waitForWorkers: async () => { await Promise.all(waits.map((wait) => wait())); } };
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
