// `medpost stats` on the fixture calendar (fixtures/calendar/clinica-sonrisa-2026, see its README): the figures
// are known by construction. Then the three renderers, and the structure of the HTML page.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { parsePost } from '../../src/post.js';
import { defaultSettings } from '../../src/settings.js';
import { platformRegistry } from '../../src/platforms.js';
import { buildCalendarStats, renderStats, summarizeDraftForStats, type CalendarStats, type DraftStats } from '../../src/stats/index.js';
import { readCalendar } from '../helpers/lint-calendar.js';

const settings = defaultSettings();
let drafts: DraftStats[];
let stats: CalendarStats;

beforeAll(async () => {
  const calendar = readCalendar(join(import.meta.dirname, '..', '..', 'fixtures', 'calendar', 'clinica-sonrisa-2026'));
  drafts = [];
  for (const draft of calendar) {
    const { post } = await parsePost(draft.code, { path: `/c/${draft.path}`, displayPath: draft.path, settings, platformAliases: platformRegistry(settings).aliases });
    drafts.push(summarizeDraftForStats(post));
  }
  stats = buildCalendarStats(drafts, { today: '2026-03-01' });
});

describe('buildCalendarStats on the fixture calendar', () => {
  it('keeps a small summary per draft', () => {
    const summary = drafts.find((draft) => draft.displayPath === 'instagram/2026-03-13-promo-c-implantes.md')!;
    expect(summary).toEqual({ displayPath: 'instagram/2026-03-13-promo-c-implantes.md', platforms: ['instagram'], date: '2026-03-13', language: 'es', category: 'promotional', published: false });
  });

  it('counts per platform', () => {
    expect(stats.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(stats.platforms.map((platform) => platform.platform)).toEqual(['facebook', 'instagram', 'linkedin']);
    const instagram = stats.platforms.find((platform) => platform.platform === 'instagram')!;
    expect(instagram).toMatchObject({ drafts: 22, undated: 1, promotional: 7, informational: 15, firstDate: '2026-01-05', lastDate: '2026-03-27', languages: { es: 22 }, overLimit: true });
    expect(instagram.promoShare).toBeCloseTo(7 / 22);
    expect(instagram.longestGap).toEqual({ days: 22, from: '2026-02-02', to: '2026-02-24' });
    expect(instagram.days['2026-03-10']).toBe(3);
    const facebook = stats.platforms.find((platform) => platform.platform === 'facebook')!;
    expect(facebook).toMatchObject({ drafts: 3, promotional: 1, informational: 2 });
    expect(stats.totals).toMatchObject({ drafts: 25, undated: 1, platforms: 3 });
  });

  it('counts per month, with the longest gap ending in each month', () => {
    const months = stats.platforms.find((platform) => platform.platform === 'instagram')!.months;
    expect(months.map((month) => [month.month, month.drafts, month.promotional, month.overLimit, month.longestGap?.days])).toEqual([
      ['2026-01', 6, 1, false, 5],
      ['2026-02', 4, 1, true, 22],
      ['2026-03', 11, 4, true, 12],
    ]);
    expect(months[2].promoShare).toBeCloseTo(4 / 11);
    const facebook = stats.platforms.find((platform) => platform.platform === 'facebook')!;
    expect(facebook.months[0]).toMatchObject({ month: '2026-01', drafts: 0, promoShare: null, overLimit: false });
  });
});

describe('renderStats', () => {
  it('json is the stats object', () => {
    expect(JSON.parse(renderStats(stats, 'json', { color: false }))).toEqual(JSON.parse(JSON.stringify(stats)));
  });

  it('text shows a bar and figure per month, colour only when asked', () => {
    const text = renderStats(stats, 'text', { color: false });
    expect(text).toContain('25 drafts on 3 platforms (1 undated); promotional 32% (limit 20%); today 2026-03-01');
    expect(text).toMatch(/ {2}2026-03 {6}11 {2}████░░░░░░ {2}36%! {2}es 11 {2,}12 d/);
    expect(text).toMatch(/longest gap 22 days \(2026-02-02 → 2026-02-24\)/);
    expect(text).not.toContain('\u001b[');
    expect(renderStats(stats, 'text', { color: true })).toContain('\u001b[31m');
  });
});

describe('the HTML page', () => {
  let html: string;
  beforeAll(() => {
    html = renderStats(stats, 'html', { color: false });
  });
  const all = (pattern: RegExp) => [...html.matchAll(pattern)];

  it('is one self-contained document: no script, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link\b|\bsrc=|@import|url\(|https?:\/\//i);
  });

  it('has a section, a heatmap and a promo chart per platform', () => {
    expect(all(/data-testid="platform-section" data-platform="([^"]+)"/g).map((match) => match[1])).toEqual(['facebook', 'instagram', 'linkedin']);
    expect(all(/data-testid="heatmap"/g)).toHaveLength(3);
    expect(all(/data-testid="promo-chart"/g)).toHaveLength(3);
    expect(all(/data-testid="promo-limit-line" data-limit="0.2"/g)).toHaveLength(3);
    expect(html).toContain('data-testid="stats-summary"');
  });

  it('draws one heatmap cell per day, whole weeks from the first Monday to the last Sunday', () => {
    // 2026-01-05 (a Monday) to 2026-03-29 (the Sunday after 27 March): 12 weeks.
    const instagram = html.slice(html.indexOf('data-platform="instagram"'), html.indexOf('data-platform="linkedin"'));
    const cells = [...instagram.matchAll(/data-testid="heatmap-cell" data-date="([\d-]+)" data-count="(\d+)" class="cell level-(\d)"/g)];
    expect(cells).toHaveLength(84);
    expect(cells[0][1]).toBe('2026-01-05');
    expect(cells[83][1]).toBe('2026-03-29');
    expect(cells.find((cell) => cell[1] === '2026-03-10')!.slice(2)).toEqual(['3', '3']);
    expect(cells.reduce((sum, cell) => sum + Number(cell[2]), 0)).toBe(21);
  });

  it('marks months over the limit on the chart', () => {
    const bars = all(/data-testid="promo-bar" data-month="([\d-]+)" data-share="([\d.]*)" class="bar (\w+)"/g).map((match) => match.slice(1));
    expect(bars).toContainEqual(['2026-03', (4 / 11).toFixed(4), 'over']);
    expect(bars).toContainEqual(['2026-01', (1 / 6).toFixed(4), 'within']);
    expect(bars).toContainEqual(['2026-01', '', 'empty']);
  });

  it('escapes what comes from drafts and config', () => {
    const page = renderStats(buildCalendarStats([
      { displayPath: 'a.md', platforms: ['<img onerror=x>'], date: '2026-01-01', language: 'e"s', category: 'informational', published: false },
    ], { today: '2026-01-02' }), 'html', { color: false });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img onerror=x&gt;');
    expect(page).toContain('e&quot;s');
  });

  it('handles a calendar without dated drafts', () => {
    const page = renderStats(buildCalendarStats([{ displayPath: 'a.md', platforms: [], language: 'en', category: 'promotional', published: false }], { today: '2026-01-02' }), 'html', { color: false });
    expect(page).toContain('No dated drafts.');
    expect(page).toContain('data-platform="(no platform)"');
  });
});
