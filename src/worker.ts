// A worker thread of `lint`: loads the configuration as the main thread does, then runs the per-draft stage on
// the batches it is sent and posts back plain records. It keeps the summaries of the collection runs it holds
// (its own drafts' and those the main thread sends) and runs those rules at the end.
import { parentPort, workerData } from 'node:worker_threads';
import { builtInRules } from '../rules/index.js';
import { ConfigLoader } from './config.js';
import { FileCache } from './cache.js';
import { collectionTaskRule, processDrafts, takeHeldSummaries, type DraftInput } from './lint-core.js';
import { runCollectionRule } from './engine.js';
import type { WorkerBatch, WorkerCollectionTask, WorkerMessage, WorkerReply, WorkerSetup } from './parallel.js';
import type { SummaryEnvelope } from './types.js';

const setup = workerData as WorkerSetup;
const loader = new ConfigLoader({ cwd: setup.cwd, configFile: setup.configFile, ruleOverrides: setup.ruleOverrides, builtInRules });
// Misses only come here (the main thread looked every draft up): write their entries, never look up again.
// An entry that cannot be written is left out; the main thread, writing to the same folder, reports why.
// (Opened without a top-level await: the CLI bundle is CommonJS, see scripts/bundle.mjs.)
const storing = setup.cacheLocation ? FileCache.open(setup.cacheLocation).then((cache) => cache.storeOnly()) : Promise.resolve(undefined);

/** The collection runs this worker holds: run key -> draft index -> the draft's summary (see CollectionHelper). */
const held = new Map<string, Map<number, SummaryEnvelope<unknown>>>();
const hold = (key: string, index: number, envelope: SummaryEnvelope<unknown>) => held.get(key)?.set(index, envelope);

// One batch (or collection run) at a time, in the order sent (the main thread queues the next one while this one runs).
let queue: Promise<void> = Promise.resolve();

/**
 * Linting is over (the main thread says so before any calendar task): its garbage goes before the calendar rules
 * run, as the worker then lives on next to the main thread's end-of-run peak (a relaunched run has gc).
 */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

parentPort!.on('message', (message: WorkerMessage) => {
  // null: no more work. Close the port once the work in hand is done; the thread then exits by itself.
  if (message === null) queue = queue.then(() => parentPort!.close());
  else if ('holds' in message) for (const key of message.holds) held.set(key, new Map());
  else if ('summaries' in message) for (const [key, index, envelope] of message.summaries) hold(key, index, envelope);
  else if ('linted' in message) queue = queue.then(collectGarbage);
  else if ('task' in message) queue = queue.then(() => runCollection(message));
  else queue = queue.then(() => lintBatch(message));
});

const reply = (message: WorkerReply) => parentPort!.postMessage(message);

async function lintBatch(batch: WorkerBatch): Promise<void> {
  try {
    const inputs: DraftInput[] = [];
    for (const { index, ...item } of batch.items) inputs.push({ ...item, config: await loader.fileConfig(item.path) });
    const linted = await processDrafts(inputs, { keepSource: setup.keepSource, cache: await storing, moreToCome: true });
    const records = batch.items.map((item, position) => [item.index, linted[position]] as const);
    // The held runs' summaries stay here; the records say they are held.
    for (const [index, record] of records) for (const [key, envelope] of takeHeldSummaries(record, held)) hold(key, index, envelope);
    reply({ id: batch.id, records });
  } catch (error) {
    reply({ id: batch.id, error: (error as Error).stack ?? String(error) });
  }
}

/** A collection rule over every draft of the run, for the main thread (see CollectionHelper). */
async function runCollection({ collectionId, task }: WorkerCollectionTask): Promise<void> {
  try {
    const config = await loader.fileConfig(task.configuredFor);
    const configured = collectionTaskRule(task, config);
    const ruleId = task.name.split('\0')[0];
    if (!configured) throw new Error(`${task.configuredFor}: the worker's configuration has no rule as the main thread's (${ruleId})`);
    const summaries = held.get(task.name);
    const drafts = task.order.map((index) => summaries?.get(index));
    const missing = drafts.indexOf(undefined);
    if (missing !== -1) throw new Error(`the summary of draft ${task.order[missing]} for ${ruleId} never reached the worker`);
    held.delete(task.name);
    reply({ collectionId, findings: runCollectionRule({ configured, drafts: drafts as Array<SummaryEnvelope<unknown>> }, config.settings, task.today) });
  } catch (error) {
    reply({ collectionId, error: (error as Error).stack ?? String(error) });
  }
}
