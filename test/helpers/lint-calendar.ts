// Lints a whole calendar (a folder of drafts, or drafts in memory) with chosen rules, as `medpost lint` would.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintDrafts, type DraftInput } from '../../src/lint-core.js';
import { defaultSettings, mergeSettings } from '../../src/settings.js';
import type { Finding, OrganisationSettings, Rule } from '../../src/types.js';

export interface CalendarDraft {
  path: string;
  code: string;
  /** Default true */
  reported?: boolean;
}

export function readCalendar(directory: string): CalendarDraft[] {
  const drafts: CalendarDraft[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') drafts.push({ path: relative(directory, path), code: readFileSync(path, 'utf8') });
    }
  };
  walk(directory);
  return drafts;
}

export async function lintCalendar(
  rules: Rule[],
  drafts: CalendarDraft[],
  options: { today?: string; options?: Record<string, Record<string, unknown>>; settings?: Partial<OrganisationSettings> } = {},
): Promise<Finding[]> {
  const settings = mergeSettings(defaultSettings(), options.settings);
  const configured = rules.map((rule) => ({
    rule,
    severity: (rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity) as 'warn' | 'error',
    options: {
      ...Object.fromEntries(Object.entries(rule.meta.optionsSchema?.properties ?? {}).filter(([, schema]) => schema.default !== undefined).map(([key, schema]) => [key, structuredClone(schema.default)])),
      ...(options.options?.[rule.meta.id] ?? {}),
    },
  }));
  const inputs: DraftInput[] = drafts.map((draft) => ({
    path: `/calendar/${draft.path}`, displayPath: draft.path, source: draft.code, reported: draft.reported ?? true, config: { settings, rules: configured },
  }));
  const results = await lintDrafts(inputs, { today: options.today ?? '2026-01-01', knownRuleIds: new Set(rules.map((rule) => rule.meta.id)) });
  return results.flatMap((result) => result.findings);
}

export const describeFinding = (finding: Finding) =>
  `${finding.file}:${finding.line} ${finding.ruleId}/${finding.kind ?? ''}${finding.platform ? ` [${finding.platform}]` : ''} ${finding.message}`;
