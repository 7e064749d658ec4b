// Runs rules over posts. Knows the rule interface, not any rule: per-post rules see one Post;
// collection rules first summarise each post, then see every summary of the set.
import { sha1Hex16 } from './short-hash.js';
import { maskValue } from './rule-helpers.js';
import { addTiming, timingEnabled } from './timing.js';
import type {
  CollectionReportDescriptor, CollectionRule, Finding, OrganisationSettings, Post, PostRule, ReportDescriptor,
  Rule, Severity, SummaryEnvelope,
} from './types.js';

export interface ConfiguredRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface PostRunResult {
  findings: Finding[];
  /** Collection rule id -> this post's summary. */
  summaries: Map<string, unknown>;
}

export const INTERNAL_ERROR_RULE = 'internal-error';

export function isCollectionRule(rule: Rule): rule is CollectionRule {
  return rule.meta.scope === 'collection';
}

export function fingerprintOf(ruleId: string, kind: string | undefined, displayPath: string, text: string): string {
  const normalized = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return sha1Hex16(`${ruleId}\0${kind ?? ''}\0${displayPath}\0${normalized}`);
}

export function findingFromDescriptor(post: Post, configured: ConfiguredRule, descriptor: ReportDescriptor): Finding {
  const sourceLength = post.source.length;
  let start = descriptor.start ?? post.bodyOffset;
  let end = descriptor.end ?? (descriptor.start === undefined ? sourceLength : start);
  start = Math.max(0, Math.min(start, sourceLength));
  end = Math.max(start, Math.min(end, sourceLength));
  const from = post.pointAt(start);
  const to = post.pointAt(end);
  const meta = configured.rule.meta;
  const text = descriptor.fingerprintText ?? (descriptor.start === undefined ? '' : post.source.slice(start, end));
  const finding: Finding = {
    ruleId: meta.id,
    severity: descriptor.severity ?? configured.severity,
    message: descriptor.message,
    file: post.displayPath,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    fingerprint: fingerprintOf(meta.id, descriptor.kind, post.displayPath, `${descriptor.platform ?? ''}\0${text || descriptor.message}`),
  };
  if (descriptor.kind) finding.kind = descriptor.kind;
  if (descriptor.platform) finding.platform = descriptor.platform;
  if (descriptor.suggestion) finding.suggestion = descriptor.suggestion;
  if (descriptor.fix) finding.fix = descriptor.fix;
  if (meta.docsUrl) finding.docsUrl = meta.docsUrl;
  return finding;
}

function internalError(post: { displayPath: string }, ruleId: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: `rule '${ruleId}' failed on this draft: ${detail}. The other rules still ran; please report this.`,
    file: post.displayPath,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fingerprint: fingerprintOf(INTERNAL_ERROR_RULE, ruleId, post.displayPath, detail),
  };
}

export function runPostRules(post: Post, rules: readonly ConfiguredRule[], settings: OrganisationSettings): PostRunResult {
  return runPostRulesOnEach([post], rules, settings)[0];
}

/**
 * The rules over several posts, rule by rule rather than post by post: one rule's compiled patterns and scanning
 * tables then stay in the processor's caches from one post to the next, where a post-by-post run evicts them
 * with every other rule's. Each post gets the same findings, in the same order, as it would alone.
 */
export function runPostRulesOnEach(posts: readonly Post[], rules: readonly ConfiguredRule[], settings: OrganisationSettings): PostRunResult[] {
  const results: PostRunResult[] = posts.map(() => ({ findings: [], summaries: new Map<string, unknown>() }));
  const sensitiveTexts = posts.map(() => new Set<string>());
  for (const configured of rules) {
    const { rule } = configured;
    const started = timingEnabled ? performance.now() : 0;
    for (const [index, post] of posts.entries()) {
      const { findings, summaries } = results[index];
      try {
        if (isCollectionRule(rule)) {
          const summary = rule.summarize({ post, options: configured.options, settings });
          if (summary !== undefined) summaries.set(rule.meta.id, summary);
        } else {
          (rule as PostRule).check({
            post,
            options: configured.options,
            settings,
            report: (descriptor) => {
              if (descriptor.sensitive && descriptor.start !== undefined && descriptor.end !== undefined) {
                const text = post.source.slice(descriptor.start, descriptor.end).trim();
                if (text.length >= 3) sensitiveTexts[index].add(text);
              }
              findings.push(findingFromDescriptor(post, configured, descriptor));
            },
          });
        }
      } catch (error) {
        findings.push(internalError(post, rule.meta.id, error));
      }
    }
    if (timingEnabled) addTiming(rule.meta.id, started);
  }
  for (const [index, texts] of sensitiveTexts.entries()) if (texts.size > 0) maskSensitiveTexts(results[index].findings, texts);
  for (const { findings } of results) for (const finding of findings) compactTexts(finding);
  return results;
}

const BEYOND_LATIN1 = /[^\0-\xff]/;

/**
 * A finding's message and suggestion in V8's one-byte form when their characters allow it. Drafts are parsed as
 * two-byte strings (see post.ts), and a message that quotes a draft is stored two-byte as a result, at twice the
 * size: findings are kept until the end of the run, some 650,000 of them at 100,000 drafts. The text is the same.
 */
function compactTexts(finding: Finding): void {
  finding.message = inOneByteForm(finding.message);
  if (finding.suggestion !== undefined) finding.suggestion = inOneByteForm(finding.suggestion);
}

function inOneByteForm(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** Personal data reported by one rule never appears in full in any finding, whichever rule wrote it. */
function maskSensitiveTexts(findings: Finding[], texts: ReadonlySet<string>): void {
  const ordered = [...texts].sort((a, b) => b.length - a.length);
  const mask = (value: string | undefined) => {
    if (!value) return value;
    let masked = value;
    for (const text of ordered) if (masked.includes(text)) masked = masked.split(text).join(maskValue(text));
    return masked;
  };
  for (const finding of findings) {
    finding.message = mask(finding.message)!;
    if (finding.suggestion) finding.suggestion = mask(finding.suggestion);
  }
}

export interface CollectionRun {
  configured: ConfiguredRule;
  drafts: SummaryEnvelope<unknown>[];
}

export function runCollectionRule(
  run: CollectionRun,
  settings: OrganisationSettings,
  today: string,
): Finding[] {
  const findings: Finding[] = [];
  const rule = run.configured.rule as CollectionRule;
  const byPath = new Map(run.drafts.map((draft) => [draft.path, draft]));
  const report = (descriptor: CollectionReportDescriptor) => {
    const draft = byPath.get(descriptor.path);
    if (!draft || !draft.reported) return; // only the drafts named on the command line get findings
    const line = descriptor.line ?? 1;
    const column = descriptor.column ?? 1;
    const finding: Finding = {
      ruleId: rule.meta.id,
      severity: descriptor.severity ?? run.configured.severity,
      message: descriptor.message,
      file: draft.displayPath,
      line,
      column,
      endLine: descriptor.endLine ?? line,
      endColumn: descriptor.endColumn ?? column,
      fingerprint: fingerprintOf(
        rule.meta.id,
        descriptor.kind,
        draft.displayPath,
        `${descriptor.platform ?? ''}\0${descriptor.fingerprintText ?? descriptor.message}`,
      ),
    };
    if (descriptor.kind) finding.kind = descriptor.kind;
    if (descriptor.platform) finding.platform = descriptor.platform;
    if (descriptor.suggestion) finding.suggestion = descriptor.suggestion;
    if (rule.meta.docsUrl) finding.docsUrl = rule.meta.docsUrl;
    compactTexts(finding);
    findings.push(finding);
  };
  try {
    rule.check({ drafts: run.drafts, options: run.configured.options, settings, today, report });
  } catch (error) {
    const first = run.drafts.find((draft) => draft.reported);
    if (first) findings.push(internalError(first, rule.meta.id, error));
  }
  return findings;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
    || (a.platform ?? '').localeCompare(b.platform ?? '') || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
