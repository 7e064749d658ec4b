// Test a rule with drafts that must pass and drafts that must fail, as ESLint's RuleTester does.
// Works under vitest, mocha or jest (uses their global describe/it, or the ones you set), or alone.
import { resolve } from 'node:path';
import type { Finding, OrganisationSettings, Rule, Severity } from './types.js';
import { parsePost } from './post.js';
import { runPostRules, runCollectionRule, isCollectionRule, compareFindings, type ConfiguredRule } from './engine.js';
import { defaultSettings, mergeSettings } from './settings.js';
import { platformRegistry } from './platforms.js';
import { applyFixes } from './fix.js';
import { schemaDefaults } from './schema.js';

export interface DraftCase {
  /** The whole draft, front matter included. */
  code: string;
  /** Default: draft.md */
  filename?: string;
  options?: Record<string, unknown>;
  settings?: Partial<OrganisationSettings>;
  /** A name for the test. */
  name?: string;
  /** For collection rules: the other drafts of the set (they are not reported on). */
  others?: Array<{ code: string; filename: string }>;
  today?: string;
}

export interface ExpectedFinding {
  message?: string | RegExp;
  /** What the finding suggests doing instead (a string: exactly; a RegExp: matching). */
  suggestion?: string | RegExp;
  kind?: string;
  platform?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
}

export interface InvalidCase extends DraftCase {
  /** The findings expected, in order (line, column), or just how many. */
  errors: number | ExpectedFinding[];
  /** The draft after --fix; omit when the rule has no fix for this case. */
  output?: string;
}

type TestFunction = (name: string, body: () => unknown) => unknown;

export async function lintDraftWithRule(rule: Rule, draft: DraftCase): Promise<Finding[]> {
  const settings = mergeSettings(defaultSettings(), draft.settings);
  const configured: ConfiguredRule = {
    rule,
    severity: rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity,
    options: { ...defaultOptions(rule), ...(draft.options ?? {}) },
  };
  const registry = platformRegistry(settings);
  const parse = (code: string, filename: string) =>
    parsePost(code, { path: resolve(filename), displayPath: filename, settings, platformAliases: registry.aliases });
  const filename = draft.filename ?? 'draft.md';
  const { post } = await parse(draft.code, filename);
  const { findings, summaries } = runPostRules(post, [configured], settings);
  if (isCollectionRule(rule)) {
    const drafts = [{ path: post.path, displayPath: post.displayPath, reported: true, summary: summaries.get(rule.meta.id) }];
    for (const other of draft.others ?? []) {
      const parsed = await parse(other.code, other.filename);
      const result = runPostRules(parsed.post, [configured], settings);
      drafts.push({ path: parsed.post.path, displayPath: parsed.post.displayPath, reported: false, summary: result.summaries.get(rule.meta.id) });
    }
    const present = drafts.filter((entry) => entry.summary !== undefined);
    findings.push(...runCollectionRule({ configured, drafts: present }, settings, draft.today ?? new Date().toISOString().slice(0, 10)));
  }
  return findings.sort(compareFindings);
}

function defaultOptions(rule: Rule): Record<string, unknown> {
  return schemaDefaults(rule.meta.optionsSchema);
}

function describeFinding(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.ruleId}${finding.kind ? `/${finding.kind}` : ''}${finding.platform ? ` [${finding.platform}]` : ''} ${finding.message}`;
}

function checkExpected(finding: Finding, expected: ExpectedFinding, index: number): void {
  const problems: string[] = [];
  // The texts a case may give as a string (exactly) or a pattern (matching).
  for (const key of ['message', 'suggestion'] as const) {
    const wanted = expected[key];
    if (wanted === undefined) continue;
    const actual = finding[key] ?? '';
    if (typeof wanted === 'string' ? actual !== wanted : !wanted.test(actual)) {
      problems.push(`${key} ${JSON.stringify(finding[key])} does not match ${String(wanted)}`);
    }
  }
  for (const key of ['kind', 'platform', 'line', 'column', 'endLine', 'endColumn', 'severity'] as const) {
    if (expected[key] !== undefined && finding[key] !== expected[key]) {
      problems.push(`${key} is ${JSON.stringify(finding[key])}, expected ${JSON.stringify(expected[key])}`);
    }
  }
  if (problems.length > 0) throw new Error(`finding ${index + 1} (${describeFinding(finding)}): ${problems.join('; ')}`);
}

export class RuleTester {
  static describe: ((name: string, body: () => void) => unknown) | undefined;
  static it: TestFunction | undefined;

  run(rule: Rule, cases: { valid: Array<DraftCase | string>; invalid: InvalidCase[] }): void {
    const globals = globalThis as unknown as { describe?: typeof RuleTester.describe; it?: TestFunction };
    const describe = RuleTester.describe ?? globals.describe ?? ((_name: string, body: () => void) => body());
    const it = RuleTester.it ?? globals.it ?? ((_name: string, body: () => unknown) => body());
    describe(rule.meta.id, () => {
      describe('valid', () => {
        for (const [index, raw] of cases.valid.entries()) {
          const draft = typeof raw === 'string' ? { code: raw } : raw;
          it(draft.name ?? `valid #${index + 1}: ${firstLine(draft.code)}`, async () => {
            const findings = await lintDraftWithRule(rule, draft);
            if (findings.length > 0) {
              throw new Error(`expected no findings, got ${findings.length}:\n${findings.map(describeFinding).join('\n')}`);
            }
          });
        }
      });
      describe('invalid', () => {
        for (const [index, draft] of cases.invalid.entries()) {
          it(draft.name ?? `invalid #${index + 1}: ${firstLine(draft.code)}`, async () => {
            const findings = await lintDraftWithRule(rule, draft);
            const expectedCount = typeof draft.errors === 'number' ? draft.errors : draft.errors.length;
            if (findings.length !== expectedCount) {
              throw new Error(`expected ${expectedCount} finding(s), got ${findings.length}:\n${findings.map(describeFinding).join('\n')}`);
            }
            if (Array.isArray(draft.errors)) draft.errors.forEach((expected, position) => checkExpected(findings[position], expected, position));
            if (draft.output !== undefined) {
              const { output } = applyFixes(draft.code, findings);
              if (output !== draft.output) throw new Error(`fixed output differs:\n--- got\n${output}\n--- expected\n${draft.output}`);
            }
          });
        }
      });
    });
  }
}

function firstLine(code: string): string {
  const body = code.replace(/^---[\s\S]*?\n---\r?\n/, '');
  return (body.split('\n').find((line) => line.trim()) ?? '').slice(0, 60);
}
