// The lint pipeline once files and their configuration are known:
// read -> parse -> per-post rules -> collection rules -> directives and vocabulary -> sorted findings.
// One draft is held in memory at a time; collection rules keep only their small summaries.
import type { Finding, OrganisationSettings, Severity, SummaryEnvelope } from './types.js';
import { parsePost } from './post.js';
import { runPostRules, runCollectionRule, isCollectionRule, compareFindings, fingerprintOf, type ConfiguredRule } from './engine.js';
import { parseDirectives, applyDirectives, type Directive } from './directives.js';
import { platformRegistry } from './platforms.js';
import { readDraftFile } from './read-draft.js';
import { computeLineStarts } from './post.js';
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

export interface LintFileResult {
  filePath: string;
  displayPath: string;
  findings: Finding[];
  /** Findings silenced by inline directives (for --report-unused-directives and JSON output). */
  suppressedCount: number;
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
  onPost?: (post: import('./types.js').Post, input: DraftInput) => void;
}

export const PARSE_ERROR_RULE = 'parse-error';

export async function lintDrafts(inputs: readonly DraftInput[], options: LintCoreOptions): Promise<LintFileResult[]> {
  const results = new Map<string, LintFileResult>();
  const directivesByPath = new Map<string, { directives: Directive[]; displayPath: string }>();
  // Collection runs are keyed by rule and options: drafts under different overrides are separate sets.
  const collectionRuns = new Map<string, { configured: ConfiguredRule; settings: OrganisationSettings; drafts: SummaryEnvelope<unknown>[] }>();

  for (const input of inputs) {
    const fileFindings: Finding[] = [];
    let source = input.source;
    if (source === undefined) {
      const read = await readDraftFile(input.path);
      if ('error' in read) {
        if (input.reported) {
          fileFindings.push(problemFinding(input.displayPath, read.error, 1, 1));
          results.set(input.path, summarize(input, fileFindings, 0));
        }
        continue;
      }
      source = read.source;
    }
    const settings = input.config.settings;
    const { post, problems } = await parsePost(source, {
      path: input.path,
      displayPath: input.displayPath,
      settings,
      platformAliases: platformRegistry(settings).aliases,
    });
    options.onPost?.(post, input);
    for (const problem of problems) {
      const point = post.pointAt(problem.offset);
      fileFindings.push(problemFinding(input.displayPath, problem.message, point.line, point.column));
    }
    const rules = input.reported ? input.config.rules : input.config.rules.filter((configured) => isCollectionRule(configured.rule));
    const { findings, summaries } = runPostRules(post, rules, settings);
    fileFindings.push(...dropAcceptedTerms(findings, post.source, settings, post.language));
    for (const configured of rules) {
      if (!isCollectionRule(configured.rule)) continue;
      const summary = summaries.get(configured.rule.meta.id);
      if (summary === undefined) continue;
      const key = `${configured.rule.meta.id}\0${configured.severity}\0${JSON.stringify(configured.options)}`;
      let run = collectionRuns.get(key);
      if (!run) {
        run = { configured, settings, drafts: [] };
        collectionRuns.set(key, run);
      }
      run.drafts.push({ path: input.path, displayPath: input.displayPath, reported: input.reported, summary });
    }
    if (input.reported) {
      directivesByPath.set(input.path, { directives: parseDirectives(post), displayPath: input.displayPath });
      results.set(input.path, summarize(input, fileFindings, 0, options.keepSource ? source : undefined));
    }
  }

  for (const run of collectionRuns.values()) {
    for (const finding of runCollectionRule({ configured: run.configured, drafts: run.drafts }, run.settings, options.today)) {
      const draft = run.drafts.find((entry) => entry.displayPath === finding.file);
      const result = draft && results.get(draft.path);
      if (result) result.findings.push(finding);
    }
  }

  for (const [path, result] of results) {
    const entry = directivesByPath.get(path);
    if (entry) {
      const filtered = applyDirectives(result.findings, entry.directives, {
        displayPath: entry.displayPath,
        knownRuleIds: options.knownRuleIds,
        reportUnused: options.reportUnusedDirectives,
      });
      result.findings = [...filtered.kept, ...filtered.directiveFindings];
      result.suppressedCount = filtered.suppressed.length;
    }
    result.findings.sort(compareFindings);
    recount(result);
  }
  return [...results.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
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

function summarize(input: DraftInput, findings: Finding[], suppressedCount: number, source?: string): LintFileResult {
  const result: LintFileResult = {
    filePath: input.path,
    displayPath: input.displayPath,
    findings,
    suppressedCount,
    errorCount: 0,
    warningCount: 0,
    fixableCount: 0,
  };
  if (source !== undefined) result.source = source;
  return recount(result);
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
