// `medpost stats --format html`: one self-contained page (inline CSS and SVG, no script, no network) with, per
// platform, a calendar heatmap of drafts per day and the promotional share per month against the limit line.
// Elements carry stable data-testid attributes for browser tests:
//   stats-page, stats-summary, platform-section[data-platform], heatmap, heatmap-cell[data-date][data-count],
//   promo-chart, promo-bar[data-month][data-share], promo-limit-line[data-limit], month-table.
import type { CalendarStats, PlatformStats } from './index.js';
import { addDays, dayNumber, isoDateOfDay, weekStart, shortMonthLabel } from './dates.js';
import { percent } from './render-text.js';

/** The heatmap shows at most this many weeks (the latest ones) so a years-long calendar stays readable. */
export const MAX_HEATMAP_WEEKS = 106;
const CELL = 12;
const GAP = 2;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}

/** 0 = none, 1..4 by drafts that day (1, 2, 3, 4+). */
function level(count: number): number {
  return Math.min(4, count);
}

function heatmapRange(stats: CalendarStats): { start: string; end: string; truncated: boolean } | undefined {
  const dates = stats.platforms.flatMap((platform) => [platform.firstDate, platform.lastDate]).filter((date): date is string => date !== null).sort();
  if (dates.length === 0) return undefined;
  const end = addDays(weekStart(dates[dates.length - 1]), 6);
  let start = weekStart(dates[0]);
  const weeks = (dayNumber(end) - dayNumber(start) + 1) / 7;
  const truncated = weeks > MAX_HEATMAP_WEEKS;
  if (truncated) start = addDays(end, -(MAX_HEATMAP_WEEKS * 7) + 1);
  return { start, end, truncated };
}

function heatmap(platform: PlatformStats, range: { start: string; end: string }): string {
  const first = dayNumber(range.start);
  const days = dayNumber(range.end) - first + 1;
  const weeks = days / 7;
  const left = 28;
  const top = 16;
  const width = left + weeks * (CELL + GAP);
  const height = top + 7 * (CELL + GAP);
  const parts: string[] = [];
  let lastMonth = '';
  for (let week = 0; week < weeks; week += 1) {
    const monday = isoDateOfDay(first + week * 7);
    const month = monday.slice(0, 7);
    if (month !== lastMonth) {
      parts.push(`<text class="axis" x="${left + week * (CELL + GAP)}" y="10">${shortMonthLabel(month)}${month.endsWith('-01') || lastMonth === '' ? ` ${month.slice(0, 4)}` : ''}</text>`);
      lastMonth = month;
    }
  }
  ['Mon', 'Wed', 'Fri'].forEach((name, index) => parts.push(`<text class="axis" x="0" y="${top + index * 2 * (CELL + GAP) + CELL - 2}">${name}</text>`));
  for (let offset = 0; offset < days; offset += 1) {
    const date = isoDateOfDay(first + offset);
    const drafts = platform.days[date] ?? 0;
    const x = left + Math.floor(offset / 7) * (CELL + GAP);
    const y = top + (offset % 7) * (CELL + GAP);
    parts.push(`<rect data-testid="heatmap-cell" data-date="${date}" data-count="${drafts}" class="cell level-${level(drafts)}" x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2"><title>${date}: ${drafts} draft${drafts === 1 ? '' : 's'}</title></rect>`);
  }
  return `<svg data-testid="heatmap" data-platform="${escapeHtml(platform.platform)}" role="img" aria-label="Drafts per day on ${escapeHtml(platform.platform)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

function promoChart(platform: PlatformStats, limit: number): string {
  const barWidth = 28;
  const barGap = 10;
  const left = 36;
  const top = 8;
  const plotHeight = 120;
  const width = left + Math.max(1, platform.months.length) * (barWidth + barGap) + 8;
  const height = top + plotHeight + 24;
  const y = (share: number) => top + plotHeight - share * plotHeight;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="grid" x1="${left}" x2="${width - 4}" y1="${y(tick)}" y2="${y(tick)}"/><text class="axis" x="0" y="${y(tick) + 4}">${Math.round(tick * 100)}%</text>`);
  }
  platform.months.forEach((month, index) => {
    const x = left + index * (barWidth + barGap) + barGap / 2;
    const share = month.promoShare ?? 0;
    const state = month.promoShare === null ? 'empty' : month.overLimit ? 'over' : 'within';
    const title = month.promoShare === null
      ? `${month.label}: no promotional or informational drafts`
      : `${month.label}: ${month.promotional} of ${month.promotional + month.informational} promotional (${percent(month.promoShare)})`;
    parts.push(`<rect data-testid="promo-bar" data-month="${month.month}" data-share="${month.promoShare === null ? '' : month.promoShare.toFixed(4)}" class="bar ${state}" x="${x}" y="${y(share)}" width="${barWidth}" height="${Math.max(0, plotHeight * share)}"><title>${escapeHtml(title)}</title></rect>`);
    parts.push(`<text class="axis" x="${x}" y="${top + plotHeight + 16}">${shortMonthLabel(month.month)}</text>`);
  });
  parts.push(`<line data-testid="promo-limit-line" data-limit="${limit}" class="limit" x1="${left}" x2="${width - 4}" y1="${y(limit)}" y2="${y(limit)}"><title>limit ${percent(limit)}</title></line>`);
  return `<svg data-testid="promo-chart" data-platform="${escapeHtml(platform.platform)}" role="img" aria-label="Promotional share per month on ${escapeHtml(platform.platform)}, limit ${percent(limit)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

function languages(record: Record<string, number>): string {
  return Object.entries(record).sort(([, a], [, b]) => b - a).map(([language, drafts]) => `${escapeHtml(language)} ${drafts}`).join(', ') || '–';
}

function monthTable(platform: PlatformStats): string {
  const rows = platform.months.map((month) => `<tr class="${month.overLimit ? 'over' : ''}"><th scope="row">${escapeHtml(month.label)}</th><td>${month.drafts}</td><td>${month.promotional}</td><td>${percent(month.promoShare)}</td><td>${languages(month.languages)}</td><td>${month.longestGap ? `${month.longestGap.days} days` : '–'}</td></tr>`);
  return `<table data-testid="month-table"><thead><tr><th scope="col">Month</th><th scope="col">Drafts</th><th scope="col">Promotional</th><th scope="col">Share</th><th scope="col">Languages</th><th scope="col">Longest gap</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.note{color:#57606a}
table{border-collapse:collapse;margin:.75rem 0}th,td{padding:.25rem .6rem;text-align:left;border-bottom:1px solid #d0d7de}td{font-variant-numeric:tabular-nums}
tr.over td,tr.over th{color:#a40e26}
.figures{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
svg text.axis{font-size:10px;fill:#57606a}
.cell.level-0{fill:#ebedf0}.cell.level-1{fill:#9be9a8}.cell.level-2{fill:#40c463}.cell.level-3{fill:#30a14e}.cell.level-4{fill:#216e39}
.bar.within{fill:#2da44e}.bar.over{fill:#cf222e}.bar.empty{fill:none}
line.grid{stroke:#eaeef2}line.limit{stroke:#bf8700;stroke-width:2;stroke-dasharray:6 3}
`;

export function renderStatsHtml(stats: CalendarStats): string {
  const range = heatmapRange(stats);
  const { totals } = stats;
  const summaryRows = stats.platforms.map((platform) => `<tr class="${platform.overLimit ? 'over' : ''}"><th scope="row"><a href="#platform-${encodeURIComponent(platform.platform)}">${escapeHtml(platform.platform)}</a></th><td>${platform.drafts}</td><td>${platform.undated}</td><td>${percent(platform.promoShare)}</td><td>${languages(platform.languages)}</td><td>${platform.longestGap ? `${platform.longestGap.days} days (${platform.longestGap.from} → ${platform.longestGap.to})` : '–'}</td><td>${platform.lastDate ?? '–'}</td></tr>`);
  const sections = stats.platforms.map((platform) => `
<section data-testid="platform-section" data-platform="${escapeHtml(platform.platform)}" id="platform-${encodeURIComponent(platform.platform)}">
<h2>${escapeHtml(platform.platform)}</h2>
<p class="note">${platform.drafts} draft${platform.drafts === 1 ? '' : 's'}${platform.undated ? `, ${platform.undated} undated (not on the heatmap)` : ''}; promotional share ${percent(platform.promoShare)}.</p>
<div class="figures">
${range ? heatmap(platform, range) : '<p class="note">No dated drafts.</p>'}
${platform.months.length > 0 ? promoChart(platform, stats.limit) : ''}
</div>
${platform.months.length > 0 ? monthTable(platform) : ''}
</section>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="medpost stats">
<title>medpost stats: the calendar at a glance</title>
<style>${STYLE}</style>
</head>
<body>
<main data-testid="stats-page">
<h1>The calendar at a glance</h1>
<p class="note">${totals.drafts} drafts on ${totals.platforms} platforms${totals.undated ? ` (${totals.undated} undated)` : ''}; promotional share ${percent(totals.promoShare)} against a limit of ${percent(stats.limit)}; today ${escapeHtml(stats.today)}.${range?.truncated ? ` The heatmaps show the last ${MAX_HEATMAP_WEEKS} weeks.` : ''}</p>
<table data-testid="stats-summary"><thead><tr><th scope="col">Platform</th><th scope="col">Drafts</th><th scope="col">Undated</th><th scope="col">Promotional</th><th scope="col">Languages</th><th scope="col">Longest gap</th><th scope="col">Last draft</th></tr></thead><tbody>${summaryRows.join('')}</tbody></table>
<p class="note">Share = promotional / (promotional + informational); neutral and reply drafts are not counted. The dashed line is the limit.</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
