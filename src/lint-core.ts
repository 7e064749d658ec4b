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

/** Collection rules over every record, then directives; one result per reported draft. Empties the records' summaries. */
export function finishRun(records: DraftRecord[], inputs: readonly DraftInput[], options: LintCoreOptions): LintFileResult[] {
  const runs = new Map<string, CollectionRunInput>();
  for (const input of inputs) {
    for (const configured of input.config.rules) {
      if (!isCollectionRule(configured.rule)) continue;
      const key = collectionRunKey(configured);
      if (!runs.has(key)) runs.set(key, { name: key, configured, settings: input.config.settings, drafts: [], cacheKeys: [] });
    }
  }
  const results = new Map<string, LintFileResult>();
  for (const record of records) {
    for (const [key, summary] of record.summaries) {
      const run = runs.get(key);
      if (!run) continue;
      run.drafts.push({ path: record.path, displayPath: record.displayPath, reported: record.reported, summary });
      run.cacheKeys.push(record.cacheKey);
    }
    // From here the runs hold the summaries, and each run lets go of its own once done with them (below).
    record.summaries = [];
    if (record.reported) {
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
  }
  const byDisplayPath = new Map([...results.values()].map((result) => [result.displayPath, result]));
  for (const run of runs.values()) {
    if (run.drafts.length === 0 || !run.drafts.some((draft) => draft.reported)) continue;
    const started = timingEnabled ? performance.now() : 0;
    for (const finding of collectionFindings(run, options)) {
      shareFindingStrings(finding);
      byDisplayPath.get(finding.file)?.findings.push(finding);
    }
    // At 100,000 drafts a run's summaries are tens of megabytes, no longer needed while the next run works.
    run.drafts = [];
    run.cacheKeys = [];
    if (timingEnabled) addTiming(run.configured.rule.meta.id, started);
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

interface CollectionRunInput {
  /** collectionRunKey of the rule as configured. */
  name: string;
  configured: ConfiguredRule;
  settings: OrganisationSettings;
  drafts: SummaryEnvelope<unknown>[];
  /** Per draft: its record's cacheKey, if any. */
  cacheKeys: Array<string | undefined>;
}

/** A collection rule's findings over its drafts: from the cache when none of its inputs changed since they were stored. */
function collectionFindings(run: CollectionRunInput, options: LintCoreOptions): Finding[] {
  const cache = options.cache;
  const key = cache?.lookupCollection ? collectionCacheKey(run, options.today) : undefined;
  const cached = key === undefined ? undefined : cache?.lookupCollection?.(run.name, key);
  if (cached) return cached;
  const findings = runCollectionRule({ configured: run.configured, drafts: run.drafts }, run.settings, options.today);
  if (key !== undefined) cache?.storeCollection?.(run.name, key, findings);
  return findings;
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
  return finishRun(records, inputs, options);
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
