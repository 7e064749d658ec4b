// The lint pipeline once files and their configuration are known, in two stages:
//   1. per draft (processDraft): read -> parse -> per-post rules -> summaries for collection rules -> a small,
//      serialisable DraftRecord (so it can be cached, or computed in a worker thread);
//   2. over all records (finishRun): collection rules -> directives -> sorted findings per file.
// A few drafts' trees are held in memory at a time (RULE_BATCH_SIZE); collection rules keep only their summaries.
import { createHash } from 'node:crypto';
import type { Finding, OrganisationSettings, Post, Severity, SummaryEnvelope } from './types.js';
import { parsePost, computeLineStarts } from './post.js';
import { addTiming, timingEnabled } from './timing.js';
import { runPostRulesOnEach, runCollectionRule, isCollectionRule, compareFindings, fingerprintOf, type ConfiguredRule } from './engine.js';
import { parseDirectives, applyDirectives, type Directive } from './directives.js';
import { platformRegistry } from './platforms.js';
import { readDraftFileSync } from './read-draft.js';
import { foldText } from './rule-helpers.js';

export interface FileConfig {
  settings: OrganisationSettings;
  rules: ConfiguredRule[];
}

export interface DraftInput {
  path: string;
  displayPath: string;
  /** When given, used instead of reading the file (stdin, fixes in memory). */
  source?: string;
  /** Findings are reported only for these; the others are context for collection rules. */
  reported: boolean;
  config: FileConfig;
}

/** What the per-draft stage keeps of a draft. Plain data: JSON-serialisable. */
export interface DraftRecord {
  path: string;
  displayPath: string;
  reported: boolean;
  /** Per-post findings (parse problems included), before directives. Empty for context drafts. */
  findings: Finding[];
  /** Collection rule key -> summary. */
  summaries: Array<[string, unknown]>;
  /** Collection run keys whose summary of this draft a worker holds, to run that rule there (CollectionHelper). */
  heldSummaries?: string[];
  directives: Directive[];
  /** The text as read, when fixes are wanted. */
  source?: string;
  /**
   * The draft's --cache key (its text, resolved configuration and role), when the cache made one: its summaries
   * are a function of it, so collection rules' findings can be cached on the keys of their drafts.
   */
  cacheKey?: string;
}

export interface LintFileResult {
  filePath: string;
  displayPath: string;
  findings: Finding[];
  /** Findings silenced by inline directives. */
  suppressedCount: number;
  /** Findings silenced by the baseline file. */
  baselinedCount: number;
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** The source as read (kept only when fixes are wanted). */
  source?: string;
}

export interface LintCoreOptions {
  reportUnusedDirectives?: Severity;
  today: string;
  keepSource?: boolean;
  /** Rule ids known to this run (for directive validation). */
  knownRuleIds: ReadonlySet<string>;
  /** Called for each parsed draft (e.g. `medpost stats`). */
  onPost?: (post: Post, input: DraftInput) => void;
  /** A cache of per-draft records (--cache). */
  cache?: DraftRecordCache;
}

export interface DraftRecordCache {
  lookup(input: DraftInput, source: string): DraftRecord | undefined;
  store(input: DraftInput, source: string, record: DraftRecord): void;
  /** The same cache for drafts already looked up (and missed): it stores, and looks nothing up again. */
  storeOnly(): DraftRecordCache;
  /** A collection run's findings, if stored under this key (see collectionCacheKey). */
  lookupCollection?(run: string, key: string): Finding[] | undefined;
  storeCollection?(run: string, key: string, findings: Finding[]): void;
}

export const PARSE_ERROR_RULE = 'parse-error';

/** Key of a collection run: drafts under different options form separate sets. */
export function collectionRunKey(configured: ConfiguredRule): string {
  return `${configured.rule.meta.id}\0${configured.severity}\0${JSON.stringify(configured.options)}`;
}

export async function processDraft(
  input: DraftInput,
  options: Pick<LintCoreOptions, 'keepSource' | 'onPost' | 'cache'>,
): Promise<DraftRecord> {
  return (await processDrafts([input], options))[0];
}

/** How many drafts are parsed before the rules run over them, rule by rule (see runPostRulesOnEach). */
export const RULE_BATCH_SIZE = 50;
/** ... or fewer, once their text passes this size: a batch of huge drafts must not hold fifty huge trees. */
const RULE_BATCH_CHARACTERS = 1_000_000;

/**
 * The per-draft stage, RULE_BATCH_SIZE drafts at a time (their trees are held together; fewer when their text is
 * large): each is read and parsed, then the rules run over them rule by rule. Records come back in input order.
 */
export async function processDrafts(
  inputs: readonly DraftInput[],
  options: Pick<LintCoreOptions, 'keepSource' | 'onPost' | 'cache'> & {
    /** This thread lints more drafts than these in the run (a worker's batch): see ParseOptions.twoByte. */
    moreToCome?: boolean;
  },
): Promise<DraftRecord[]> {
  const twoByte = options.moreToCome === true || inputs.length > 1;
  const records: DraftRecord[] = [];
  /** Drafts parsed and waiting for the rules, grouped by configuration, then by whether they are reported. */
  const batch = new Map<FileConfig, { reported: Parsed[]; context: Parsed[] }>();
  let batchDrafts = 0;
  let batchCharacters = 0;
  const runRules = () => {
    for (const [config, group] of batch) {
      finishParsed(group.reported, config.rules, options);
      // Context drafts (the rest of the calendar) only feed the collection rules.
      finishParsed(group.context, config.rules.filter((configured) => isCollectionRule(configured.rule)), options);
    }
    batch.clear();
    batchDrafts = 0;
    batchCharacters = 0;
  };
  for (const input of inputs) {
    const record: DraftRecord = { path: input.path, displayPath: input.displayPath, reported: input.reported, findings: [], summaries: [], directives: [] };
    let source = input.source;
    if (source === undefined) {
      // Synchronously: from the page cache that costs microseconds, and less CPU than an asynchronous read.
      const read = readDraftFileSync(input.path);
      if ('error' in read) {
        if (input.reported) record.findings.push(problemFinding(input.displayPath, read.error, 1, 1));
        records.push(record);
        continue;
      }
      source = read.source;
    }
    const cached = options.onPost ? undefined : options.cache?.lookup(input, source);
    if (cached) {
      records.push({ ...cached, path: input.path, displayPath: input.displayPath, reported: input.reported, ...(options.keepSource ? { source } : {}) });
      continue;
    }
    records.push(record);
    const settings = input.config.settings;
    const parseStarted = timingEnabled ? performance.now() : 0;
    const { post, problems } = await parsePost(source, {
      path: input.path,
      displayPath: input.displayPath,
      settings,
      platformAliases: platformRegistry(settings).aliases,
      twoByte,
    });
    if (timingEnabled) addTiming('(parsing)', parseStarted);
    options.onPost?.(post, input);
    for (const problem of problems) {
      const point = post.pointAt(problem.offset);
      record.findings.push(problemFinding(input.displayPath, problem.message, point.line, point.column));
    }
    let group = batch.get(input.config);
    if (!group) batch.set(input.config, (group = { reported: [], context: [] }));
    (input.reported ? group.reported : group.context).push({ input, source, post, record });
    batchDrafts += 1;
    batchCharacters += source.length;
    if (batchDrafts >= RULE_BATCH_SIZE || batchCharacters >= RULE_BATCH_CHARACTERS) runRules();
  }
  runRules();
  return records;
}

interface Parsed {
  input: DraftInput;
  source: string;
  post: Post;
  record: DraftRecord;
}

/** Runs the rules over drafts parsed with the same configuration and completes their records. */
function finishParsed(parsed: readonly Parsed[], rules: readonly ConfiguredRule[], options: Pick<LintCoreOptions, 'keepSource' | 'cache'>): void {
  if (parsed.length === 0) return;
  const settings = parsed[0].input.config.settings;
  const runs = runPostRulesOnEach(parsed.map(({ post }) => post), rules, settings);
  for (const [index, { input, source, post, record }] of parsed.entries()) {
    const { findings, summaries } = runs[index];
    record.findings.push(...dropAcceptedTerms(findings, post.source, settings, post.language));
    for (const configured of rules) {
      if (!isCollectionRule(configured.rule)) continue;
      const summary = summaries.get(configured.rule.meta.id);
      if (summary !== undefined) record.summaries.push([collectionRunKey(configured), summary]);
    }
    record.directives = parseDirectives(post);
    options.cache?.store(input, source, record);
    if (options.keepSource) record.source = source;
    if (!input.reported) record.findings = [];
  }
}

/** Finding fields whose values repeat from draft to draft (the message and fingerprint mostly do not). */
const REPEATED_FIELDS = ['ruleId', 'severity', 'file', 'kind', 'platform', 'suggestion', 'docsUrl'] as const;
const sharedStrings = new Map<string, string>();

/**
 * One copy of each repeated string of a record's findings, applied where records are kept until the end of the
 * run. Those from a worker or the cache arrive with copies of their own, and a suggestion is built per finding:
 * at 100,000 drafts that is some 750,000 findings.
 */
export function shareStrings(record: DraftRecord): DraftRecord {
  for (const finding of record.findings) shareFindingStrings(finding);
  // The collection run keys (rule, severity and options as JSON): the same three or so strings on every record.
  for (const entry of record.summaries) entry[0] = sharedString(entry[0]);
  if (record.heldSummaries) record.heldSummaries = record.heldSummaries.map(sharedString);
  return record;
}

/** The same for one finding; collection rules' findings too (a calendar rule can report most drafts of a run). */
function shareFindingStrings(finding: Finding): void {
  for (const field of REPEATED_FIELDS) {
    const value = finding[field];
    if (typeof value !== 'string') continue;
    (finding as unknown as Record<string, string>)[field] = sharedString(value);
  }
}

function sharedString(value: string): string {
  const shared = sharedStrings.get(value);
  if (shared !== undefined) return shared;
  sharedStrings.set(value, value);
  return value;
}

/**
 * A worker thread that runs collection rules at the run's serial end. It holds every draft's summaries for the
 * runs it was given before the drafts were linted (their summaries go to it as they are made, from every thread):
 * a run's summaries are not copied a second time at the end (at 100,000 drafts that took the peak past 1 GB).
 */
export interface CollectionHelper {
  /** Collection run keys (collectionRunKey) this helper holds the summaries of. */
  holds: ReadonlySet<string>;
  run(task: CollectionTask): Promise<Finding[]>;
}

/** A collection run as sent to its helper, which finds the rule as configured through the draft `configuredFor`. */
export interface CollectionTask {
  /** collectionRunKey of the rule as configured. */
  name: string;
  /** A draft whose configuration holds the rule as configured, and the run's settings. */
  configuredFor: string;
  /** The run's drafts in order, as their indices among the run's inputs (the helper holds their summaries). */
  order: number[];
  today: string;
}

/** A collection task's rule and settings in a configuration, if it holds the rule as the task names it. */
export function collectionTaskRule(task: Pick<CollectionTask, 'name'>, config: FileConfig): ConfiguredRule | undefined {
  return config.rules.find((configured) => isCollectionRule(configured.rule) && collectionRunKey(configured) === task.name);
}

/** The collection runs the inputs make, in the order finishRun runs them (keyed by collectionRunKey). */
export function collectionRunsOf(inputs: readonly DraftInput[]): Map<string, CollectionRunInput> {
  const runs = new Map<string, CollectionRunInput>();
  // Drafts share configurations (one per folder, mostly): each is read once, for the first draft that has it.
  const seen = new Set<FileConfig>();
  for (const input of inputs) {
    if (seen.has(input.config)) continue;
    seen.add(input.config);
    for (const configured of input.config.rules) {
      if (!isCollectionRule(configured.rule)) continue;
      const key = collectionRunKey(configured);
      if (!runs.has(key)) runs.set(key, { name: key, configured, settings: input.config.settings, configuredFor: input.path, drafts: [], indices: [], cacheKeys: [] });
    }
  }
  return runs;
}

/**
 * Moves a record's summaries for the `held` runs (their keys: a set, or a map by key) out, to be sent to their
 * helper; the record notes they went.
 */
export function takeHeldSummaries(record: DraftRecord, held: { has(key: string): boolean; readonly size: number }): Array<[string, SummaryEnvelope<unknown>]> {
  const taken: Array<[string, SummaryEnvelope<unknown>]> = [];
  if (held.size === 0 || !record.summaries.some(([key]) => held.has(key))) return taken;
  const kept: Array<[string, unknown]> = [];
  for (const [key, summary] of record.summaries) {
    if (!held.has(key)) {
      kept.push([key, summary]);
      continue;
    }
    taken.push([key, { path: record.path, displayPath: record.displayPath, reported: record.reported, summary }]);
    (record.heldSummaries ??= []).push(key);
  }
  record.summaries = kept;
  return taken;
}

/**
 * Collection rules over every record, then directives; one result per reported draft (`records` in the order of
 * `inputs`). Empties the records' summaries. The runs held by helpers run there meanwhile.
 */
export async function finishRun(records: DraftRecord[], inputs: readonly DraftInput[], options: LintCoreOptions, helpers: readonly CollectionHelper[] = []): Promise<LintFileResult[]> {
  const runs = collectionRunsOf(inputs);
  const join = (record: DraftRecord, index: number, key: string, summary: unknown) => {
    const run = runs.get(key);
    if (!run) return;
    run.drafts.push({ path: record.path, displayPath: record.displayPath, reported: record.reported, summary });
    run.indices.push(index);
    run.cacheKeys.push(record.cacheKey);
  };
  for (const [index, record] of records.entries()) {
    for (const [key, summary] of record.summaries) join(record, index, key, summary);
    // Its helper has the summary: the run here only lists the draft (for the cache key, and the order).
    for (const key of record.heldSummaries ?? []) join(record, index, key, undefined);
    // From here the runs hold the summaries, and each run lets go of its own once done with them.
    record.summaries = [];
  }
  const active = [...runs.values()].filter((run) => run.drafts.length > 0 && run.drafts.some((draft) => draft.reported));
  // The helpers get their runs first thing, and this thread runs its own; it makes the results while they finish.
  const collected = findingsOfRuns(active, options, helpers);
  const results = new Map<string, LintFileResult>();
  for (const record of records) {
    if (!record.reported) continue;
    const result: LintFileResult = {
      filePath: record.path,
      displayPath: record.displayPath,
      findings: [...record.findings],
      suppressedCount: 0,
      baselinedCount: 0,
      errorCount: 0,
      warningCount: 0,
      fixableCount: 0,
    };
    if (record.source !== undefined) result.source = record.source;
    results.set(record.path, result);
  }
  const byDisplayPath = new Map([...results.values()].map((result) => [result.displayPath, result]));
  // Added in the order of the runs, wherever each ran: the same report whichever thread was quicker.
  for (const findings of await collected) {
    for (const finding of findings) {
      shareFindingStrings(finding);
      byDisplayPath.get(finding.file)?.findings.push(finding);
    }
  }
  for (const record of records) {
    const result = results.get(record.path);
    if (!result) continue;
    const filtered = applyDirectives(result.findings, record.directives, {
      displayPath: record.displayPath,
      knownRuleIds: options.knownRuleIds,
      reportUnused: options.reportUnusedDirectives,
    });
    result.findings = [...filtered.kept, ...filtered.directiveFindings].sort(compareFindings);
    result.suppressedCount = filtered.suppressed.length;
    recount(result);
  }
  return [...results.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
}

/**
 * Each run's findings, in the runs' order: from the cache, else from the helper holding the run, else from this
 * thread. At 10,000 drafts the built-in calendar rules took ~0.55 s of a serial end where the worker had nothing
 * left to do; the last of them, cross-post-duplicate, ~0.35 s alone.
 */
async function findingsOfRuns(runs: CollectionRunInput[], options: LintCoreOptions, helpers: readonly CollectionHelper[]): Promise<Finding[][]> {
  const found: Finding[][] = new Array(runs.length);
  const cacheKeys = runs.map((run) => (options.cache?.lookupCollection ? collectionCacheKey(run, options.today) : undefined));
  const done = (index: number, findings: Finding[]) => {
    found[index] = findings;
    const key = cacheKeys[index];
    if (key !== undefined) options.cache?.storeCollection?.(runs[index].name, key, findings);
  };
  // At 100,000 drafts a run's summaries are tens of megabytes, no longer needed while the next run works.
  const release = (run: CollectionRunInput) => {
    run.drafts = [];
    run.indices = [];
    run.cacheKeys = [];
  };
  const local: number[] = [];
  const elsewhere: Array<Promise<void>> = [];
  for (const [index, run] of runs.entries()) {
    const key = cacheKeys[index];
    const cached = key === undefined ? undefined : options.cache?.lookupCollection?.(run.name, key);
    const helper = helpers.find((candidate) => candidate.holds.has(run.name));
    if (cached) {
      found[index] = cached;
      release(run);
    } else if (helper) {
      elsewhere.push(helper.run({ name: run.name, configuredFor: run.configuredFor, order: run.indices, today: options.today }).then((findings) => done(index, findings)));
      release(run);
    } else {
      local.push(index);
    }
  }
  // Listened to now: a helper that fails while this thread runs a rule is reported once the rule is done.
  const allElsewhere = Promise.all(elsewhere);
  for (const index of local) {
    const run = runs[index];
    const started = timingEnabled ? performance.now() : 0;
    done(index, runCollectionRule({ configured: run.configured, drafts: run.drafts }, run.settings, options.today));
    release(run);
    if (timingEnabled) addTiming(run.configured.rule.meta.id, started);
  }
  await allElsewhere;
  return found;
}

export interface CollectionRunInput {
  /** collectionRunKey of the rule as configured. */
  name: string;
  configured: ConfiguredRule;
  settings: OrganisationSettings;
  /** The first draft whose configuration holds the run (see CollectionTask). */
  configuredFor: string;
  drafts: SummaryEnvelope<unknown>[];
  /** Per draft: the index of its record. */
  indices: number[];
  /** Per draft: its record's cacheKey, if any. */
  cacheKeys: Array<string | undefined>;
}

/**
 * Everything a collection run's findings depend on: the rule as configured (medpost's own code and data are in
 * every cache key already), the settings, today's date, and each draft in order — where it is, whether it is
 * reported, and its cache key, which covers its text and configuration and so its summary. Undefined when a
 * draft has no cache key (its entry could not be made): the run is then not cached.
 */
function collectionCacheKey(run: CollectionRunInput, today: string): string | undefined {
  const hash = createHash('sha1').update(`${run.name}\0${today}\0${JSON.stringify(run.settings)}\n`);
  for (const [index, draft] of run.drafts.entries()) {
    const cacheKey = run.cacheKeys[index];
    if (cacheKey === undefined) return undefined;
    hash.update(`${draft.path}\0${draft.displayPath}\0${draft.reported ? 'r' : 'c'}\0${cacheKey}\n`);
  }
  return hash.digest('hex');
}

export async function lintDrafts(inputs: readonly DraftInput[], options: LintCoreOptions): Promise<LintFileResult[]> {
  const records = (await processDrafts(inputs, options)).map(shareStrings);
  return await finishRun(records, inputs, options);
}

function problemFinding(displayPath: string, message: string, line: number, column: number): Finding {
  return {
    ruleId: PARSE_ERROR_RULE,
    severity: 'error',
    message,
    file: displayPath,
    line,
    column,
    endLine: line,
    endColumn: column,
    fingerprint: fingerprintOf(PARSE_ERROR_RULE, undefined, displayPath, message),
  };
}

export function recount(result: LintFileResult): LintFileResult {
  result.errorCount = result.findings.filter((finding) => finding.severity === 'error').length;
  result.warningCount = result.findings.length - result.errorCount;
  result.fixableCount = result.findings.filter((finding) => finding.fix).length;
  return result;
}

/**
 * The team's vocabulary: a finding whose offending text lies within an accepted term (its own product name,
 * a campaign slogan) is dropped, whatever the rule. Terms of the draft's language and of `all` apply.
 */
function dropAcceptedTerms(findings: Finding[], source: string, settings: OrganisationSettings, language: string): Finding[] {
  const terms = [...(settings.vocabulary.accept[language] ?? []), ...(settings.vocabulary.accept.all ?? [])];
  if (terms.length === 0 || findings.length === 0) return findings;
  // Folding accents keeps offsets only when it keeps the length (it does for Latin scripts).
  const foldedSource = foldText(source);
  const folded = foldedSource.length === source.length ? foldedSource : source.toLowerCase();
  const accepted: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = foldText(term);
    if (!needle) continue;
    for (let index = folded.indexOf(needle); index !== -1; index = folded.indexOf(needle, index + 1)) {
      accepted.push([index, index + needle.length]);
    }
  }
  if (accepted.length === 0) return findings;
  const lineStarts = computeLineStarts(source);
  const offsetOf = (line: number, column: number) => (lineStarts[line - 1] ?? 0) + column - 1;
  return findings.filter((finding) => {
    const start = offsetOf(finding.line, finding.column);
    const end = offsetOf(finding.endLine, finding.endColumn);
    if (end <= start) return true;
    return !accepted.some(([termStart, termEnd]) => start >= termStart && end <= termEnd);
  });
}
