// cadence: a platform's drafts keep a steady rhythm (seeds 000, 002, 003): no long silences (an abandoned profile
// harms more than none), no bursts (over-posting drives followers away), and nothing dated in the past still unpublished.
import type { CollectionRule, CollectionRuleContext } from '../../src/types.js';
import { ruleData } from '../../src/data-files.js';
import { daysBetween, weekStart } from '../../src/stats/dates.js';

interface Limits {
  maxGapDays: number;
  maxPerDay: number;
  maxPerWeek: number;
}

interface Options extends Partial<Limits> {
  platforms?: Record<string, Partial<Limits>>;
  checkPast: boolean;
}

export interface CadenceSummary {
  platforms: string[];
  date?: string;
  dateTime?: string;
  published: boolean;
  reply: boolean;
  line: number;
  column: number;
}

interface CadenceData {
  default: Limits;
  platforms?: Record<string, Partial<Limits>>;
}

const limitSchema = {
  maxGapDays: { type: 'integer', minimum: 1, description: 'Longest silence, in days, between two drafts on a platform.' },
  maxPerDay: { type: 'integer', minimum: 1, description: 'Most drafts on one platform on one day.' },
  maxPerWeek: { type: 'integer', minimum: 1, description: 'Most drafts on one platform in one week (Monday to Sunday).' },
} as const;

/** The limits for a platform: cadence.yaml defaults, its platform entry, then the options. */
export function limitsFor(platform: string, options: Partial<Options>): Limits {
  const data = ruleData<CadenceData>(import.meta.url, 'cadence.yaml');
  const base: Limits = { maxGapDays: 14, maxPerDay: 2, maxPerWeek: 10, ...(data?.default ?? {}) };
  const pick = (source: Partial<Limits> | undefined) =>
    Object.fromEntries(Object.entries(source ?? {}).filter(([key, value]) => key in base && typeof value === 'number'));
  return { ...base, ...pick(data?.platforms?.[platform]), ...pick(options), ...pick(options.platforms?.[platform]) } as Limits;
}

interface Entry {
  path: string;
  date: string;
  sortKey: string;
  line: number;
  column: number;
}

const rule: CollectionRule<Options, CadenceSummary> = {
  meta: {
    id: 'cadence',
    description: 'Per platform, dated drafts keep a steady rhythm: no long gaps, no bursts, nothing past-dated left unpublished.',
    defaultSeverity: 'warn',
    tags: ['calendar'],
    scope: 'collection',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...limitSchema,
        platforms: {
          type: 'object',
          description: 'Limits per platform id, over the defaults of rules/cadence/cadence.yaml.',
          additionalProperties: { type: 'object', additionalProperties: false, properties: { ...limitSchema } },
        },
        checkPast: { type: 'boolean', default: true, description: "Report drafts dated before today that are not marked 'published: true'." },
      },
    },
  },

  summarize({ post }) {
    const range = post.frontMatterRange('date');
    const point = range ? post.pointAt(range.start) : { line: 1, column: 1 };
    const summary: CadenceSummary = {
      platforms: [...post.meta.platforms],
      published: post.meta.published === true,
      reply: post.meta.type === 'reply' || post.meta.replyTo !== undefined,
      line: point.line,
      column: point.column,
    };
    if (post.meta.date) summary.date = post.meta.date;
    if (post.meta.dateTime) summary.dateTime = post.meta.dateTime;
    return summary.date ? summary : undefined;
  },

  check(context) {
    const { drafts, options, today } = context;
    if (options.checkPast !== false) {
      for (const draft of drafts) {
        const { summary } = draft;
        if (!summary.date || summary.published || summary.date >= today) continue;
        const days = daysBetween(summary.date, today);
        context.report({
          path: draft.path, line: summary.line, column: summary.column, kind: 'past-unpublished',
          message: `dated ${summary.date}, ${days} day${days === 1 ? '' : 's'} before today (${today}), and not marked as published`,
          suggestion: "publish it and add 'published: true', or give it a new date",
        });
      }
    }
    const byPlatform = new Map<string, Entry[]>();
    for (const draft of drafts) {
      const { summary } = draft;
      if (!summary.date || summary.reply) continue; // replies answer someone: they do not make the profile's rhythm
      const entry: Entry = { path: draft.path, date: summary.date, sortKey: `${summary.dateTime ?? summary.date}\0${draft.displayPath}`, line: summary.line, column: summary.column };
      for (const platform of summary.platforms) {
        const list = byPlatform.get(platform);
        if (list) list.push(entry);
        else byPlatform.set(platform, [entry]);
      }
    }
    for (const [platform, entries] of byPlatform) {
      entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      const limits = limitsFor(platform, options);
      reportGaps(context, platform, entries, limits);
      reportBursts(context, platform, entries, (entry) => entry.date, limits.maxPerDay, 'day', (date) => `on ${date}`, 'a day');
      reportBursts(context, platform, entries, (entry) => weekStart(entry.date), limits.maxPerWeek, 'week', (monday) => `in the week of ${monday}`, 'a week');
    }
  },
};

function reportGaps(context: CollectionRuleContext<Options, CadenceSummary>, platform: string, entries: Entry[], limits: Limits): void {
  for (let index = 1; index < entries.length; index += 1) {
    const previous = entries[index - 1];
    const entry = entries[index];
    const gap = daysBetween(previous.date, entry.date);
    if (gap <= limits.maxGapDays) continue;
    context.report({
      path: entry.path, line: entry.line, column: entry.column, kind: 'gap', platform,
      message: `${platform}: no draft for ${gap} days, from ${previous.date} to ${entry.date} (limit ${limits.maxGapDays}): a silent profile looks abandoned`,
      suggestion: `plan at least one draft every ${limits.maxGapDays} days on ${platform} (an informational post keeps the profile alive)`,
    });
  }
}

function reportBursts(
  context: CollectionRuleContext<Options, CadenceSummary>,
  platform: string,
  entries: Entry[],
  keyOf: (entry: Entry) => string,
  limit: number,
  kind: 'day' | 'week',
  describe: (key: string) => string,
  per: string,
): void {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  for (const [key, group] of groups) {
    if (group.length <= limit) continue;
    for (const entry of group.slice(limit)) {
      context.report({
        path: entry.path, line: entry.line, column: entry.column, kind, platform,
        message: `${platform}: ${group.length} drafts ${describe(key)} (limit ${limit} ${per}): over-posting drives followers away`,
        suggestion: `move this draft to a quieter ${kind === 'day' ? 'day' : 'week'}`,
      });
    }
  }
}

export default rule;
