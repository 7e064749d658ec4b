// `medpost stats` for the terminal: one block per platform, one line per month, the promotional share as a bar.
import type { CalendarStats, Counts, Gap } from './index.js';

const BAR_CELLS = 10;

function paint(enabled: boolean, code: number, text: string): string {
  return enabled ? `\u001b[${code}m${text}\u001b[39m` : text;
}

export function shareBar(share: number | null): string {
  if (share === null) return '·'.repeat(BAR_CELLS);
  const filled = Math.min(BAR_CELLS, Math.round(share * BAR_CELLS));
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

function languages(counts: Counts): string {
  return Object.entries(counts.languages).sort(([, a], [, b]) => b - a).map(([language, drafts]) => `${language} ${drafts}`).join(', ') || '–';
}

function gap(value: Gap | null): string {
  return value ? `${value.days} d` : '–';
}

export function renderStatsText(stats: CalendarStats, options: { color: boolean }): string {
  const { color } = options;
  const lines: string[] = [];
  const { totals } = stats;
  lines.push(`${totals.drafts} draft${totals.drafts === 1 ? '' : 's'} on ${totals.platforms} platform${totals.platforms === 1 ? '' : 's'}`
    + `${totals.undated ? ` (${totals.undated} undated)` : ''}; promotional ${percent(totals.promoShare)} (limit ${percent(stats.limit)}); today ${stats.today}`);
  for (const platform of stats.platforms) {
    lines.push('');
    const share = paint(color && platform.overLimit, 31, `${percent(platform.promoShare)} promotional`);
    const last = platform.lastDate ? `, last ${platform.lastDate}` : '';
    const longest = platform.longestGap ? `, longest gap ${platform.longestGap.days} days (${platform.longestGap.from} → ${platform.longestGap.to})` : '';
    lines.push(`${paint(color, 1, platform.platform)}  ${platform.drafts} draft${platform.drafts === 1 ? '' : 's'}${platform.undated ? ` (${platform.undated} undated)` : ''}, ${share}${last}${longest}`);
    // The languages column is as wide as its widest entry, so it never runs into the gap column.
    const languagesWidth = Math.max('languages'.length, ...platform.months.map((month) => languages(month).length)) + 2;
    lines.push(paint(color, 2, `  ${'month'.padEnd(9)}${'drafts'.padStart(6)}  ${'promotional'.padEnd(BAR_CELLS + 6)}  ${'languages'.padEnd(languagesWidth)}longest gap`));
    for (const month of platform.months) {
      const bar = paint(color, month.overLimit ? 31 : 32, shareBar(month.promoShare));
      const figure = `${percent(month.promoShare).padStart(4)}${month.overLimit ? '!' : ' '}`;
      lines.push(`  ${month.month.padEnd(9)}${String(month.drafts).padStart(6)}  ${bar} ${figure}  ${languages(month).padEnd(languagesWidth)}${gap(month.longestGap)}`);
    }
  }
  lines.push('');
  lines.push(paint(color, 2, `! over the ${percent(stats.limit)} promotional limit; share = promotional / (promotional + informational); neutral and reply drafts are not counted`));
  return `${lines.join('\n')}\n`;
}
