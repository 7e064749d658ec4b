// `medpost stats`: the calendar at a glance. Per platform and month: how many drafts, the promotional share
// (the classifier of rules/promo-ratio), the languages and the longest gap between drafts.
// summarizeDraftForStats keeps a few fields of each draft (no trees), so a calendar of 100,000 drafts fits in memory.
import type { Post } from '../types.js';
import { classifyPost, type DraftCategory } from '../../rules/promo-ratio/classify.js';
import { daysBetween, monthKey, monthLabel } from './dates.js';
import { renderStatsText } from './render-text.js';
import { renderStatsHtml } from './render-html.js';

export interface DraftStats {
  displayPath: string;
  platforms: string[];
  /** YYYY-MM-DD */
  date?: string;
  language: string;
  category: DraftCategory;
  published: boolean;
}

export interface Gap {
  days: number;
  from: string;
  to: string;
}

export interface Counts {
  drafts: number;
  promotional: number;
  informational: number;
  neutral: number;
  reply: number;
  /** promotional / (promotional + informational); null when neither. */
  promoShare: number | null;
  /** Language code -> drafts */
  languages: Record<string, number>;
}

export interface MonthStats extends Counts {
  /** '2026-03' */
  month: string;
  /** 'March 2026' */
  label: string;
  /** The longest gap between consecutive drafts of the platform that ends in this month. */
  longestGap: Gap | null;
  overLimit: boolean;
}

export interface PlatformStats extends Counts {
  platform: string;
  undated: number;
  firstDate: string | null;
  lastDate: string | null;
  longestGap: Gap | null;
  /** Days since the last dated draft, counted from `today` (negative when the last draft is in the future). */
  daysSinceLast: number | null;
  overLimit: boolean;
  months: MonthStats[];
  /** YYYY-MM-DD -> drafts that day */
  days: Record<string, number>;
}

export interface CalendarStats {
  today: string;
  /** The promotional share limit the figures are compared with. */
  limit: number;
  totals: Counts & { undated: number; platforms: number };
  /** Every month from the first to the last dated draft, 'YYYY-MM'. */
  months: string[];
  platforms: PlatformStats[];
}

export type StatsFormat = 'text' | 'json' | 'html';

/** Drafts without a platform are counted under this name. */
export const NO_PLATFORM = '(no platform)';

export function summarizeDraftForStats(post: Post): DraftStats {
  const stats: DraftStats = {
    displayPath: post.displayPath,
    platforms: [...post.meta.platforms],
    language: post.language,
    category: classifyPost(post),
    published: post.meta.published === true,
  };
  if (post.meta.date) stats.date = post.meta.date;
  return stats;
}

function emptyCounts(): Counts {
  return { drafts: 0, promotional: 0, informational: 0, neutral: 0, reply: 0, promoShare: null, languages: {} };
}

function count(counts: Counts, draft: DraftStats): void {
  counts.drafts += 1;
  counts[draft.category] += 1;
  counts.languages[draft.language] = (counts.languages[draft.language] ?? 0) + 1;
}

function finishShare(counts: Counts): void {
  const judged = counts.promotional + counts.informational;
  counts.promoShare = judged === 0 ? null : counts.promotional / judged;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function buildCalendarStats(drafts: readonly DraftStats[], options: { today: string; limit?: number }): CalendarStats {
  const limit = options.limit ?? 0.2;
  const totals = { ...emptyCounts(), undated: 0, platforms: 0 };
  const byPlatform = new Map<string, DraftStats[]>();
  for (const draft of drafts) {
    count(totals, draft);
    if (!draft.date) totals.undated += 1;
    for (const platform of draft.platforms.length > 0 ? draft.platforms : [NO_PLATFORM]) {
      const list = byPlatform.get(platform);
      if (list) list.push(draft);
      else byPlatform.set(platform, [draft]);
    }
  }
  finishShare(totals);
  totals.platforms = byPlatform.size;

  const datedMonths = drafts.filter((draft) => draft.date).map((draft) => monthKey(draft.date!)).sort();
  const months = datedMonths.length > 0 ? monthsBetween(datedMonths[0], datedMonths[datedMonths.length - 1]) : [];

  const platforms: PlatformStats[] = [];
  for (const [platform, list] of [...byPlatform].sort(([a], [b]) => a.localeCompare(b))) {
    const stats: PlatformStats = {
      platform, ...emptyCounts(), undated: 0, firstDate: null, lastDate: null, longestGap: null, daysSinceLast: null,
      overLimit: false, months: [], days: {},
    };
    const monthStats = new Map<string, MonthStats>();
    for (const draft of list) {
      count(stats, draft);
      if (!draft.date) {
        stats.undated += 1;
        continue;
      }
      stats.days[draft.date] = (stats.days[draft.date] ?? 0) + 1;
      const key = monthKey(draft.date);
      let month = monthStats.get(key);
      if (!month) {
        month = { month: key, label: monthLabel(key), ...emptyCounts(), longestGap: null, overLimit: false };
        monthStats.set(key, month);
      }
      count(month, draft);
    }
    const dates = Object.keys(stats.days).sort();
    if (dates.length > 0) {
      stats.firstDate = dates[0];
      stats.lastDate = dates[dates.length - 1];
      stats.daysSinceLast = daysBetween(stats.lastDate, options.today);
    }
    for (let index = 1; index < dates.length; index += 1) {
      const gap: Gap = { days: daysBetween(dates[index - 1], dates[index]), from: dates[index - 1], to: dates[index] };
      if (!stats.longestGap || gap.days > stats.longestGap.days) stats.longestGap = gap;
      const month = monthStats.get(monthKey(gap.to))!;
      if (!month.longestGap || gap.days > month.longestGap.days) month.longestGap = gap;
    }
    finishShare(stats);
    stats.overLimit = stats.promoShare !== null && stats.promoShare > limit + 1e-9;
    // Every month of the calendar, empty ones too: an empty month on a platform is worth seeing.
    stats.months = months.map((key) => monthStats.get(key) ?? { month: key, label: monthLabel(key), ...emptyCounts(), longestGap: null, overLimit: false });
    for (const month of stats.months) {
      finishShare(month);
      month.overLimit = month.promoShare !== null && month.promoShare > limit + 1e-9;
    }
    platforms.push(stats);
  }
  return { today: options.today, limit, totals, months, platforms };
}

export function renderStats(stats: CalendarStats, format: StatsFormat, options: { color: boolean }): string {
  if (format === 'json') return `${JSON.stringify(stats, null, 2)}\n`;
  if (format === 'html') return renderStatsHtml(stats);
  return renderStatsText(stats, options);
}
