// promo-ratio: at most ~20% of a platform's drafts promote the clinic (the 80/20 rule of seed 000), per calendar
// window and over the whole run. Findings land on the promotional drafts that take a window over the limit.
import type { CollectionRule, CollectionRuleContext } from '../../src/types.js';
import { explainClassification, type DraftCategory } from './classify.js';
import { dayNumber, monthKey, monthLabel, weekStart, addDays } from '../../src/stats/dates.js';

export { explainClassification, classifyPost, formatClassification } from './classify.js';

type WindowKind = 'month' | 'week' | 'rolling-30d' | 'all';

interface Options {
  maxPromoShare: number;
  window: WindowKind;
  wholeRun: boolean;
  minDrafts: number;
}

export interface PromoSummary {
  platforms: string[];
  date?: string;
  dateTime?: string;
  category: DraftCategory;
  line: number;
  column: number;
}

/** Drafts without a platform are still counted, under this name. */
const NO_PLATFORM = '(no platform)';
const EPSILON = 1e-9;

interface Entry {
  path: string;
  date?: string;
  sortKey: string;
  promotional: boolean;
  line: number;
  column: number;
}

const rule: CollectionRule<Options, PromoSummary> = {
  meta: {
    id: 'promo-ratio',
    description: 'At most a fifth of the drafts per platform promote the clinic (80/20 rule), per month and over the whole calendar.',
    defaultSeverity: 'warn',
    tags: ['calendar', 'promotion'],
    scope: 'collection',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxPromoShare: { type: 'number', minimum: 0, maximum: 1, default: 0.2, description: 'Highest share of promotional drafts per platform and window.' },
        window: { type: 'string', enum: ['month', 'week', 'rolling-30d', 'all'], default: 'month', description: 'The calendar window the share is computed over.' },
        wholeRun: { type: 'boolean', default: true, description: 'Also check the share over all drafts linted together (undated drafts count only here).' },
        minDrafts: { type: 'integer', minimum: 1, default: 5, description: 'Windows with fewer promotional + informational drafts than this are not judged.' },
      },
    },
  },

  summarize({ post }) {
    const classification = explainClassification(post);
    let line = 1;
    let column = 1;
    const firstPromoCue = classification.cues.find((cue) => cue.side === 'promotional');
    if (classification.decidedBy === 'type') {
      const range = post.frontMatterRange('type');
      if (range) ({ line, column } = post.pointAt(range.start));
    } else if (firstPromoCue) {
      ({ line, column } = firstPromoCue);
    }
    const summary: PromoSummary = { platforms: [...post.meta.platforms], category: classification.category, line, column };
    if (post.meta.date) summary.date = post.meta.date;
    if (post.meta.dateTime) summary.dateTime = post.meta.dateTime;
    return summary;
  },

  check(context) {
    const { drafts, options } = context;
    const byPlatform = new Map<string, Entry[]>();
    for (const draft of drafts) {
      const { summary } = draft;
      if (summary.category !== 'promotional' && summary.category !== 'informational') continue;
      const entry: Entry = {
        path: draft.path,
        date: summary.date,
        sortKey: `${summary.dateTime ?? summary.date ?? '9999'}\0${draft.displayPath}`,
        promotional: summary.category === 'promotional',
        line: summary.line,
        column: summary.column,
      };
      for (const platform of summary.platforms.length > 0 ? summary.platforms : [NO_PLATFORM]) {
        const list = byPlatform.get(platform) ?? [];
        list.push(entry);
        byPlatform.set(platform, list);
      }
    }
    const flagged = new Set<string>();
    for (const [platform, entries] of [...byPlatform].sort(([a], [b]) => a.localeCompare(b))) {
      entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      const dated = entries.filter((entry) => entry.date !== undefined);
      if (options.window === 'month' || options.window === 'week') {
        const windows = new Map<string, Entry[]>();
        for (const entry of dated) {
          const key = options.window === 'month' ? monthKey(entry.date!) : weekStart(entry.date!);
          const members = windows.get(key);
          if (members) members.push(entry);
          else windows.set(key, [entry]);
        }
        for (const [key, members] of windows) {
          const label = options.window === 'month' ? monthLabel(key) : `The week of ${key}`;
          judgeWindow(context, platform, label, options.window, members, members, 0, flagged);
        }
      } else if (options.window === 'rolling-30d') {
        judgeRolling(context, platform, dated, flagged);
      }
      if (options.window === 'all' || options.wholeRun) {
        const undated = entries.length - dated.length;
        judgeWindow(context, platform, 'The whole calendar', 'all', entries, entries, undated, flagged);
      }
    }
  },
};

/** Percent without decimals, as people read shares. */
function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** How many more informational drafts would bring `promotional` of `total` to the limit. */
function informationalNeeded(promotional: number, total: number, limit: number): number {
  if (limit <= 0) return Infinity;
  return Math.max(0, Math.ceil(promotional / limit - total - EPSILON));
}

/**
 * Judges one window: when its share is over the limit, reports the promotional drafts beyond the allowed number
 * (in calendar order) among `candidates` — those are the ones that take the window over.
 */
function judgeWindow(
  context: CollectionRuleContext<Options, PromoSummary>,
  platform: string,
  label: string,
  kind: WindowKind,
  members: Entry[],
  candidates: Entry[],
  undated: number,
  flagged: Set<string>,
): void {
  const { maxPromoShare, minDrafts } = context.options;
  const total = members.length;
  const promotional = members.filter((entry) => entry.promotional);
  if (total < minDrafts || promotional.length / total <= maxPromoShare + EPSILON) return;
  const allowed = Math.floor(maxPromoShare * total + EPSILON);
  const beyond = promotional.slice(allowed);
  const tipping = candidates === members ? beyond : beyond.filter((entry) => candidates.includes(entry));
  const undatedNote = undated > 0 ? ` (${undated} undated draft${undated === 1 ? '' : 's'} counted here, in the whole run only)` : '';
  const where = platform === NO_PLATFORM ? 'for drafts without a platform' : `on ${platform}`;
  const message = `${label} ${where}: ${promotional.length} of ${total} drafts are promotional (${percent(promotional.length / total)}, limit ${percent(maxPromoShare)})${undatedNote}`;
  const needed = informationalNeeded(promotional.length, total, maxPromoShare);
  const suggestion = `make this draft informational (a tip, a guide, a public-health reminder) or move it${kind === 'all' ? '' : ' to a quieter window'}; ${Number.isFinite(needed) ? `${needed} more informational draft${needed === 1 ? '' : 's'} would also bring the share within the limit` : 'the limit allows no promotional drafts'}`;
  for (const entry of tipping) {
    const key = `${platform}\0${entry.path}`;
    if (kind === 'all' && flagged.has(key)) continue; // already told about its own window
    flagged.add(key);
    context.report({
      path: entry.path, line: entry.line, column: entry.column, kind: kind === 'all' ? 'whole-run' : kind,
      platform: platform === NO_PLATFORM ? undefined : platform, message, suggestion,
    });
  }
}

/** Rolling 30-day windows: each promotional draft is judged with the 30 days that end on its date. */
function judgeRolling(context: CollectionRuleContext<Options, PromoSummary>, platform: string, dated: Entry[], flagged: Set<string>): void {
  const days = dated.map((entry) => dayNumber(entry.date!));
  let left = 0;
  let right = 0;
  for (let index = 0; index < dated.length; index += 1) {
    const entry = dated[index];
    const day = days[index];
    while (days[left] < day - 29) left += 1;
    while (right < dated.length && days[right] <= day) right += 1;
    if (!entry.promotional) continue;
    const members = dated.slice(left, right);
    const label = `The 30 days from ${addDays(entry.date!, -29)} to ${entry.date}`;
    judgeWindow(context, platform, label, 'rolling-30d', members, [entry], 0, flagged);
  }
}

export default rule;
