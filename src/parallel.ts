// The per-draft stage on worker threads, for sets large enough to pay for starting them (see `npm run bench`
// for where that is on a given machine). Records come back in input order, so output does not depend on timing.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { SeveritySetting } from './types.js';
import type { DraftInput, DraftRecord } from './lint-core.js';
import { timingEnabled } from './timing.js';

/** Below this many drafts a serial run is faster than starting workers: on 2 cores, 400 drafts ran 0.87x and 1,000 drafts 1.22x as fast with workers (npm run bench, bench/results/threshold.json). */
export const PARALLEL_THRESHOLD = 800;
const BATCH_SIZE = 100;

export interface WorkerSetup {
  cwd: string;
  configFile?: string;
  ruleOverrides?: Record<string, SeveritySetting>;
  keepSource: boolean;
}

export interface WorkerBatch {
  id: number;
  items: Array<Omit<DraftInput, 'config'> & { index: number }>;
}

const workerUrl = new URL('./worker.js', import.meta.url);

/** How many workers to use for `count` drafts: 0 means run serially. */
export function workerCountFor(count: number, concurrency: 'off' | 'auto' | number | undefined): number {
  if (concurrency === 'off' || concurrency === 1) return 0;
  if (timingEnabled) return 0; // MEDPOST_TIMING counts every rule call in this thread
  // Running from TypeScript sources (tests, tsx) there is no compiled worker to start.
  if (!existsSync(fileURLToPath(workerUrl))) return 0;
  if (typeof concurrency === 'number') return Math.max(0, concurrency);
  if (count < PARALLEL_THRESHOLD) return 0;
  return Math.min(availableParallelism(), Math.ceil(count / BATCH_SIZE), 8);
}

export async function processInWorkers(inputs: ReadonlyArray<{ input: DraftInput; index: number }>, setup: WorkerSetup, workerCount: number): Promise<Map<number, DraftRecord>> {
  const batches: WorkerBatch[] = [];
  for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
    batches.push({
      id: batches.length,
      items: inputs.slice(start, start + BATCH_SIZE).map(({ input, index }) => ({
        index,
        path: input.path,
        displayPath: input.displayPath,
        reported: input.reported,
        source: input.source,
      })),
    });
  }
  const records = new Map<number, DraftRecord>();
  const workers = Array.from({ length: Math.min(workerCount, batches.length) }, () => new Worker(workerUrl, { workerData: setup }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              if (next >= batches.length) {
                if (inFlight === 0) resolve();
                return;
              }
              worker.postMessage(batches[next]);
              next += 1;
              inFlight += 1;
            };
            worker.on('message', (message: { id: number; records?: Array<[number, DraftRecord]>; error?: string }) => {
              if (message.error) return reject(new Error(`a lint worker failed: ${message.error}`));
              for (const [index, record] of message.records ?? []) records.set(index, record);
              inFlight -= 1;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a lint worker stopped (exit code ${code})`));
            });
            // Two batches queued per worker: it starts the next one without waiting for the main thread.
            send();
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return records;
}
