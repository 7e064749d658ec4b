// The public API: lint(paths, options) -> a report. The CLI is one user of it.
import { resolve, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-write.js';
import type { Rule, RuleMeta, Severity, SeveritySetting, Finding } from './types.js';
import { builtInRules } from '../rules/index.js';
import { ConfigLoader, type ConfigLayer } from './config.js';
import { expandPatterns, expandGlob, IgnoreMatcher, displayPathOf } from './files.js';
import { collectionRunsOf, lintDrafts, finishRun, processDraft, processDrafts, shareStrings, type CollectionHelper, type DraftInput, type DraftRecord, type LintCoreOptions, type LintFileResult } from './lint-core.js';
import type { Worker } from 'node:worker_threads';
import { processInParallel, startWorkers, stopWorkers, workerCountFor, type WorkerSetup } from './parallel.js';
import { readDraftFileSync } from './read-draft.js';
import { applyFixes } from './fix.js';
import { InterruptedError, MedpostError } from './errors.js';
import { FileCache } from './cache.js';
import { applyBaseline, baselineOf, readBaseline, writeBaseline, DEFAULT_BASELINE_FILE } from './baseline.js';
import picomatch from 'picomatch';
import { toPosix } from './config.js';

export interface LintOptions {
  /** Default: process.cwd() */
  cwd?: string;
  /** One config file for every draft (no discovery). */
  configFile?: string;
  /** Severity overrides by rule id (--rule). */
  rules?: Record<string, SeveritySetting>;
  /** Extra ignore patterns, gitignore syntax relative to cwd (--ignore-pattern). */
  ignorePatterns?: string[];
  /** A pattern that matches no file is an error (default true). */
  errorOnUnmatchedPattern?: boolean;
  /** Lint this text instead of files; `filename` decides config and display. */
  stdin?: { text: string; filename?: string };
  /** Apply fixes and write the files. */
  fix?: boolean;
  /** Compute fixes but write nothing (the report says what would change). */
  fixDryRun?: boolean;
  reportUnusedDirectives?: Severity;
  /** YYYY-MM-DD used as 'today' by calendar rules. Default: the local date. */
  today?: string;
  /** Extra rules as if a plugin provided them (API users). */
  extraRules?: Rule[];
  /** Reuse per-draft results from a previous run when nothing that matters changed. */
  cache?: boolean;
  /** Default: .medpostcache in cwd. */
  cacheLocation?: string;
  /** Baseline file: findings recorded there are not reported. Default: .medpost-baseline.json in cwd, when present. */
  baseline?: string;
  /** Record every current finding in the baseline (and report none of them). */
  writeBaseline?: boolean;
  /** Drop baseline entries that no longer occur in the drafts linted. */
  pruneBaseline?: boolean;
  /** Worker threads for the per-draft stage: 'auto' (default: when the set is large enough), 'off', or a count. */
  concurrency?: 'off' | 'auto' | number;
  /** Many drafts are expected (the CLI relaunched for them): start the workers before finding the drafts. */
  startWorkersEarly?: boolean;
}

export interface FixReport {
  file: string;
  /** How many fixes were applied (over all passes). */
  appliedCount: number;
  /** The text after fixes (always present; written only with `fix`). */
  output: string;
  written: boolean;
  /** Why the file was not written, when it was not. */
  skipped?: string;
}

export interface LintReport {
  results: LintFileResult[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** Meta of every rule the run knew, for formatters (docs links, descriptions). */
  rulesMeta: Map<string, RuleMeta>;
  /** Messages about the run itself: unreadable directories, symlink loops, files changed during --fix. */
  warnings: string[];
  fixes: FixReport[];
  /** How many drafts the calendar rules saw (named + configured set). */
  contextDraftCount: number;
  /** Findings hidden by the baseline, and what was written to it. */
  baseline?: { file: string; baselinedCount: number; written?: number; pruned?: number };
  /** Cache hits and misses, with --cache. */
  cache?: { location: string; hits: number; misses: number };
}

export function localDate(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface ResolvedDrafts {
  cwd: string;
  inputs: DraftInput[];
  knownRules: Map<string, Rule>;
  knownRuleIds: Set<string>;
  warnings: string[];
}

/** Paths, globs, ignores and configs -> the drafts to lint (reported) and the configured set around them (context). */
export async function resolveDrafts(patterns: string[], options: LintOptions = {}): Promise<ResolvedDrafts> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const allBuiltIns = [...builtInRules, ...(options.extraRules ?? [])];
  const loader = new ConfigLoader({ cwd, configFile: options.configFile, ruleOverrides: options.rules, builtInRules: allBuiltIns });
  const warnings: string[] = [];
  const ignoreMatcher = new IgnoreMatcher(cwd, options.ignorePatterns ?? []);

  // 1. The drafts named (or the configured set when none are).
  let named: string[];
  let stdinPath: string | undefined;
  if (options.stdin) {
    stdinPath = resolve(cwd, options.stdin.filename ?? '<stdin>.md');
    named = [stdinPath];
  } else {
    let requested = patterns;
    if (requested.length === 0) {
      const layer = await loader.loadLayer(loader.configFileFor(join(cwd, 'draft.md')));
      if (!layer.files) {
        throw new MedpostError('no drafts to lint: name files or directories (medpost lint drafts/), or set `files:` in the config');
      }
      requested = layer.files;
    }
    const expansion = await expandPatterns(requested, { cwd }, ignoreMatcher);
    warnings.push(...expansion.warnings);
    if (expansion.unmatched.length > 0 && options.errorOnUnmatchedPattern !== false) {
      throw new MedpostError(
        `no drafts found for ${expansion.unmatched.map((pattern) => `'${pattern}'`).join(', ')}` +
          ' (drafts are .md or .markdown files; use --no-error-on-unmatched-pattern to allow this)',
      );
    }
    named = expansion.files;
  }

  // 2. Config layers; per-layer ignorePatterns; the configured set as context for calendar rules.
  const layers = new Map<string, ConfigLayer>();
  const layerOf = async (path: string) => {
    const layer = await loader.layerFor(path);
    layers.set(layer.file ?? '<defaults>', layer);
    return layer;
  };
  // Matchers compiled once per config layer, not once per draft.
  const layerMatchers = new Map<ConfigLayer, { ignored: (path: string) => boolean; excluded: (path: string) => boolean }>();
  const matchersOf = (layer: ConfigLayer) => {
    let matchers = layerMatchers.get(layer);
    if (!matchers) {
      const ignore = layer.ignorePatterns.length > 0 ? picomatch(layer.ignorePatterns, { dot: true }) : undefined;
      const negated = (layer.files ?? []).filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
      const exclude = negated.length > 0 ? picomatch(negated, { dot: true }) : undefined;
      matchers = {
        ignored: (path) => Boolean(ignore?.(toPosix(path))),
        excluded: (path) => Boolean(exclude?.(toPosix(path))),
      };
      layerMatchers.set(layer, matchers);
    }
    return matchers;
  };
  const ignoredByLayer = (layer: ConfigLayer, path: string) => matchersOf(layer).ignored(path);
  const reported: string[] = [];
  for (const path of named) {
    const layer = await layerOf(path);
    if (path === stdinPath || !ignoredByLayer(layer, path)) reported.push(path);
  }
  const reportedSet = new Set(reported);
  // A Set, in insertion order: 100,000 drafts must not be compared with each other.
  const context = new Set<string>();
  for (const layer of [...layers.values()]) {
    for (const glob of layer.files ?? []) {
      if (glob.startsWith('!')) continue;
      for (const path of await expandGlob(glob, warnings)) {
        if (reportedSet.has(path) || ignoreMatcher.ignores(path) || ignoredByLayer(layer, path) || matchersOf(layer).excluded(path)) continue;
        context.add(path);
      }
    }
  }

  const knownRules = new Map<string, Rule>();
  for (const rule of allBuiltIns) knownRules.set(rule.meta.id, rule);
  for (const layer of layers.values()) for (const rule of loader.rulesById(layer).values()) knownRules.set(rule.meta.id, rule);
  loader.validateRuleOverrides(knownRules.keys());
  const knownRuleIds = new Set([...knownRules.keys(), 'parse-error', 'internal-error', 'directives']);

  const inputs: DraftInput[] = [];
  for (const path of reported) {
    inputs.push({
      path,
      displayPath: displayPathOf(cwd, path),
      source: path === stdinPath ? options.stdin!.text : undefined,
      reported: true,
      config: await loader.fileConfig(path),
    });
  }
  for (const path of context) {
    inputs.push({ path, displayPath: displayPathOf(cwd, path), reported: false, config: await loader.fileConfig(path) });
  }

  return { cwd, inputs, knownRules, knownRuleIds, warnings };
}

export async function lint(patterns: string[], options: LintOptions = {}): Promise<LintReport> {
  const wantFixes = Boolean(options.fix || options.fixDryRun);
  // Known before the drafts are found: what a worker needs to lint as this run does (resolveDrafts finds the same cwd).
  const cwd = resolve(options.cwd ?? process.cwd());
  const cacheLocation = resolve(cwd, options.cacheLocation ?? '.medpostcache');
  const setup: WorkerSetup = { cwd, configFile: options.configFile, ruleOverrides: options.rules, keepSource: wantFixes, cacheLocation: options.cache ? cacheLocation : undefined };
  const mayUseWorkers = !options.extraRules && !options.stdin;
  const early = options.startWorkersEarly && mayUseWorkers ? await startWorkers(setup, workerCountFor(Number.MAX_SAFE_INTEGER, options.concurrency ?? 'auto')) : [];
  let resolved: ResolvedDrafts;
  try {
    resolved = await resolveDrafts(patterns, options);
  } catch (error) {
    await stopWorkers(early);
    throw error;
  }
  const { inputs, knownRules, knownRuleIds, warnings } = resolved;
  const cache = options.cache ? await FileCache.open(cacheLocation) : undefined;
  const coreOptions = {
    today: options.today ?? localDate(),
    reportUnusedDirectives: options.reportUnusedDirectives,
    knownRuleIds,
    keepSource: wantFixes,
    cache,
  };
  const workerCount = mayUseWorkers ? workerCountFor(inputs.length, options.concurrency ?? 'auto') : 0;
  let results: LintFileResult[];
  if (workerCount > 0) {
    // The workers help with the collection rules, then stop while this thread finishes the run (directives).
    const { records, helpers, waitForWorkers } = await processAllDrafts(inputs, coreOptions, setup, workerCount, early);
    try {
      results = await finishRun(records, inputs, coreOptions, helpers);
    } finally {
      await waitForWorkers();
    }
  } else {
    await stopWorkers(early);
    results = await lintDrafts(inputs, coreOptions);
  }
  if (cache) {
    await cache.save();
    if (cache.writeProblem) warnings.push(cache.writeProblem);
  }

  const fixes: FixReport[] = [];
  if (wantFixes) {
    const originals = new Map(results.map((result) => [result.filePath, result.source ?? '']));
    const fixed = await computeFixes(results, inputs, coreOptions);
    // An interrupt while drafts are being written lets the current one finish (write, rename) and stops there:
    // killed between the two, the run would leave a temporary file behind.
    let interrupted = false;
    const interrupt = () => { interrupted = true; };
    const writing = Boolean(options.fix && !options.stdin && fixed.length > 0);
    if (writing) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, interrupt);
    try {
      for (const report of fixed) {
        if (interrupted) break;
        if (writing) await writeFixed(report, originals.get(report.file)!, inputs, warnings);
        fixes.push(report);
      }
    } finally {
      if (writing) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, interrupt);
    }
    if (interrupted) {
      const written = fixes.filter((report) => report.written).length;
      throw new InterruptedError(`interrupted: fixes written to ${written} of ${fixed.length} drafts; the others are unchanged`);
    }
    if (fixed.length > 0) {
      // Report what remains after the fixes.
      const sources = new Map(fixed.map((report) => [report.file, report.output]));
      const refreshed = inputs.map((input) => (sources.has(input.path) ? { ...input, source: sources.get(input.path)! } : input));
      results = await lintDrafts(refreshed, { ...coreOptions, keepSource: false });
    }
    for (const result of results) delete result.source;
  }

  const baseline = await applyBaselineOptions(results, options, cwd);
  const rulesMeta = new Map<string, RuleMeta>([...knownRules].map(([id, rule]) => [id, rule.meta]));
  return {
    baseline,
    cache: cache ? { location: cacheLocation, hits: cache.hits, misses: cache.misses } : undefined,
    results,
    errorCount: sum(results, 'errorCount'),
    warningCount: sum(results, 'warningCount'),
    fixableCount: sum(results, 'fixableCount'),
    rulesMeta,
    warnings,
    fixes,
    contextDraftCount: inputs.length,
  };
}

/**
 * The per-draft stage with workers: cache hits are answered here; the rest are linted by the main thread and the
 * workers, each reading the draft itself and writing its cache entry (so no draft's text waits here for the end).
 */
async function processAllDrafts(inputs: DraftInput[], coreOptions: LintCoreOptions, setup: WorkerSetup, workerCount: number, started: readonly Worker[]): Promise<{ records: DraftRecord[]; helpers: CollectionHelper[]; waitForWorkers: () => Promise<void> }> {
  const records: DraftRecord[] = new Array(inputs.length);
  const pending: Array<{ input: DraftInput; index: number }> = [];
  const cache = coreOptions.cache;
  for (const [index, input] of inputs.entries()) {
    if (!cache) {
      pending.push({ input, index });
      continue;
    }
    const read = input.source !== undefined ? { source: input.source } : readDraftFileSync(input.path);
    if ('error' in read) {
      records[index] = await processDraft(input, coreOptions);
      continue;
    }
    const hit = cache.lookup(input, read.source);
    if (hit) records[index] = shareStrings({ ...hit, ...(coreOptions.keepSource ? { source: read.source } : {}) });
    else pending.push({ input, index });
  }
  // A miss was counted above: linting it only writes its entry.
  const storing = cache?.storeOnly();
  const earlier = records.flatMap((record, index) => (record ? [[index, record] as const] : []));
  const computed = await processInParallel(
    pending,
    setup,
    workerCount,
    (batch) => processDrafts(batch.map(({ input }) => input), { keepSource: coreOptions.keepSource, cache: storing, moreToCome: true }),
    { started, runKeys: [...collectionRunsOf(inputs).keys()], earlier },
  );
  for (const { index } of pending) records[index] = computed.records.get(index)!;
  return { records, helpers: computed.helpers, waitForWorkers: computed.waitForWorkers };
}

async function applyBaselineOptions(results: LintFileResult[], options: LintOptions, cwd: string): Promise<LintReport['baseline']> {
  const file = resolve(cwd, options.baseline ?? DEFAULT_BASELINE_FILE);
  if (options.writeBaseline) {
    const baseline = baselineOf(results);
    await writeBaseline(file, baseline);
    applyBaseline(results, baseline);
    return { file, baselinedCount: sum(results, 'baselinedCount'), written: baseline.entries.length };
  }
  const existing = await readBaseline(file);
  if (!existing) {
    if (options.baseline || options.pruneBaseline) throw new MedpostError(`baseline ${options.baseline ?? DEFAULT_BASELINE_FILE} not found: create it with --write-baseline`);
    return undefined;
  }
  const matched = applyBaseline(results, existing);
  const report: NonNullable<LintReport['baseline']> = { file, baselinedCount: sum(results, 'baselinedCount') };
  if (options.pruneBaseline) {
    // Entries of drafts not linted in this run (a hook names a few files) are kept as they are.
    const linted = new Set(results.map((result) => result.displayPath));
    const kept = [...existing.entries.filter((entry) => !linted.has(entry.file)), ...matched.entries];
    const countOf = (entries: typeof kept) => entries.reduce((total, entry) => total + entry.count, 0);
    report.pruned = countOf(existing.entries) - countOf(kept);
    await writeBaseline(file, { tool: 'medpost', format: 1, entries: kept.sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint)) });
  }
  return report;
}

function sum(results: LintFileResult[], key: 'errorCount' | 'warningCount' | 'fixableCount' | 'baselinedCount'): number {
  return results.reduce((total, result) => total + result[key], 0);
}

/** Up to 10 passes per file: fixes that overlapped are applied on the next pass. */
async function computeFixes(results: LintFileResult[], inputs: DraftInput[], coreOptions: Parameters<typeof lintDrafts>[1]): Promise<FixReport[]> {
  const reports: FixReport[] = [];
  for (const result of results) {
    if (result.fixableCount === 0 || result.source === undefined) continue;
    const input = inputs.find((candidate) => candidate.path === result.filePath)!;
    const hasBom = result.source.charCodeAt(0) === 0xfeff;
    let text = hasBom ? result.source.slice(1) : result.source;
    let findings: Finding[] = result.findings;
    let appliedCount = 0;
    for (let pass = 0; pass < 10; pass += 1) {
      const { output, applied } = applyFixes(text, findings);
      if (applied.length === 0 || output === text) break;
      appliedCount += applied.length;
      text = output;
      const [again] = await lintDrafts([{ ...input, source: text }], { ...coreOptions, keepSource: false });
      findings = again?.findings ?? [];
    }
    if (appliedCount > 0) {
      reports.push({ file: result.filePath, appliedCount, output: (hasBom ? '\ufeff' : '') + text, written: false });
    }
  }
  return reports;
}

/** Atomically (see atomic-write.ts), and only if the file still holds what was linted. */
async function writeFixed(report: FixReport, original: string, inputs: DraftInput[], warnings: string[]): Promise<void> {
  const input = inputs.find((candidate) => candidate.path === report.file)!;
  let current: string;
  try {
    current = await readFile(report.file, 'utf8');
  } catch (error) {
    report.skipped = `could not re-read before writing: ${(error as Error).message}`;
    warnings.push(`${input.displayPath}: fixes not written: ${report.skipped}`);
    return;
  }
  if (current !== original) {
    report.skipped = 'the file changed since medpost read it';
    warnings.push(`${input.displayPath}: fixes not written: ${report.skipped}`);
    return;
  }
  try {
    await writeFileAtomically(report.file, report.output);
    report.written = true;
  } catch (error) {
    report.skipped = `could not write: ${(error as Error).message}`;
    warnings.push(`${input.displayPath}: fixes not written: ${report.skipped}`);
  }
}

