// A worker thread of `lint`: loads the configuration as the main thread does, then runs the per-draft stage on
// the batches it is sent and posts back plain records.
import { parentPort, workerData } from 'node:worker_threads';
import { builtInRules } from '../rules/index.js';
import { ConfigLoader } from './config.js';
import { FileCache } from './cache.js';
import { processDrafts, type DraftInput } from './lint-core.js';
import type { WorkerBatch, WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
const loader = new ConfigLoader({ cwd: setup.cwd, configFile: setup.configFile, ruleOverrides: setup.ruleOverrides, builtInRules });
// Misses only come here (the main thread looked every draft up): write their entries, never look up again.
// An entry that cannot be written is left out; the main thread, writing to the same folder, reports why.
// (Opened without a top-level await: the CLI bundle is CommonJS, see scripts/bundle.mjs.)
const storing = setup.cacheLocation ? FileCache.open(setup.cacheLocation).then((cache) => cache.storeOnly()) : Promise.resolve(undefined);

// One batch at a time, in the order sent (the main thread queues the next one while this one runs).
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (batch: WorkerBatch | null) => {
  // null: no more work. Close the port once the batches in hand are done; the thread then exits by itself.
  queue = queue.then(() => (batch === null ? parentPort!.close() : lintBatch(batch)));
});

async function lintBatch(batch: WorkerBatch): Promise<void> {
  try {
    const inputs: DraftInput[] = [];
    for (const { index, ...item } of batch.items) inputs.push({ ...item, config: await loader.fileConfig(item.path) });
    const linted = await processDrafts(inputs, { keepSource: setup.keepSource, cache: await storing, moreToCome: true });
    const records = batch.items.map((item, position) => [item.index, linted[position]] as const);
    parentPort!.postMessage({ id: batch.id, records });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: (error as Error).stack ?? String(error) });
  }
}
