// The fixture calendar under fixtures/calendar/clinica-sonrisa-2026: every finding is known by construction
// (see its README.md), and nothing else may be reported.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { lintCalendar, readCalendar, describeFinding } from '../helpers/lint-calendar.js';
import promoRatio from '../../rules/promo-ratio/index.js';
import cadence from '../../rules/cadence/index.js';
import crossPostDuplicate from '../../rules/cross-post-duplicate/index.js';

const calendar = readCalendar(join(import.meta.dirname, '..', '..', 'fixtures', 'calendar', 'clinica-sonrisa-2026'));

describe('fixture calendar clinica-sonrisa-2026', () => {
  it('has the 25 drafts the README describes', () => {
    expect(calendar).toHaveLength(25);
  });

  it('finds exactly the ratio, gap, burst, past and duplicate problems built into it', async () => {
    const findings = await lintCalendar([promoRatio, cadence, crossPostDuplicate], calendar, { today: '2026-03-01' });
    const found = findings.map((finding) => `${finding.file} ${finding.ruleId}/${finding.kind}`).sort();
    expect(found, findings.map(describeFinding).join('\n')).toEqual([
      'facebook/2026-03-10-carillas.md cross-post-duplicate/copy',
      'facebook/2026-03-12-semana-santa.md cross-post-duplicate/copy',
      'facebook/2026-03-20-facebook-linkedin.md cross-post-duplicate/multi-platform',
      'instagram/2026-02-24-info.md cadence/gap',
      'instagram/2026-02-24-info.md cadence/past-unpublished',
      'instagram/2026-03-10-info-tarde.md cadence/day',
      'instagram/2026-03-10-promo-b-carillas.md cross-post-duplicate/copy',
      'instagram/2026-03-12-info-semana-santa.md cross-post-duplicate/copy',
      'instagram/2026-03-13-promo-c-implantes.md promo-ratio/month',
      'instagram/2026-03-15-promo-d-pack.md cadence/week',
      'instagram/2026-03-15-promo-d-pack.md promo-ratio/month',
      'instagram/sin-fecha-sorteo.md promo-ratio/whole-run',
    ]);
    const month = findings.find((finding) => finding.kind === 'month')!;
    expect(month.message).toBe('March 2026 on instagram: 4 of 11 drafts are promotional (36%, limit 20%)');
    expect(month.platform).toBe('instagram');
    const wholeRun = findings.find((finding) => finding.kind === 'whole-run')!;
    expect(wholeRun.message).toMatch(/7 of 22 drafts are promotional \(32%, limit 20%\).*1 undated draft/);
    const nearCopy = findings.find((finding) => finding.file === 'facebook/2026-03-12-semana-santa.md')!;
    expect(nearCopy.message).toMatch(/instagram\/2026-03-12-info-semana-santa\.md \(instagram, 9\d% similar\)/);
  });

  it('judges weekly windows when asked, and nothing when the limit is generous', async () => {
    const weekly = await lintCalendar([promoRatio], calendar, { options: { 'promo-ratio': { window: 'week', wholeRun: false } } });
    // Week of 9 March: 8 drafts, 3 promotional (B, C, D); floor(0.2 × 8) = 1 allowed, so C and D take it over.
    expect(weekly.map((finding) => finding.file).sort()).toEqual([
      'instagram/2026-03-13-promo-c-implantes.md', 'instagram/2026-03-15-promo-d-pack.md',
    ]);
    expect(weekly[0].message).toMatch(/^The week of 2026-03-09 on instagram: 3 of 8 drafts are promotional \(38%, limit 20%\)/);
    const generous = await lintCalendar([promoRatio], calendar, { options: { 'promo-ratio': { maxPromoShare: 0.4 } } });
    expect(generous).toEqual([]);
  });

  it('reports in rolling 30-day windows at the promotional drafts that land while over the limit', async () => {
    const rolling = await lintCalendar([promoRatio], calendar, { options: { 'promo-ratio': { window: 'rolling-30d', wholeRun: false } } });
    const files = rolling.map((finding) => finding.file).sort();
    // 30 days to 13 March: 26 Feb promo + A + B + C among 14 drafts (Feb 24 .. Mar 13): allowed 2 -> C over; D too.
    expect(files).toContain('instagram/2026-03-13-promo-c-implantes.md');
    expect(files).toContain('instagram/2026-03-15-promo-d-pack.md');
    expect(files).not.toContain('instagram/2026-01-19-promo-blanqueamiento.md');
    expect(rolling.find((finding) => finding.file.includes('promo-d'))!.message).toMatch(/^The 30 days from 2026-02-14 to 2026-03-15 on instagram:/);
  });

  it('reports only the drafts named on the command line; the others are context', async () => {
    const named = calendar.map((draft) => ({ ...draft, reported: draft.path.startsWith('facebook/') }));
    const findings = await lintCalendar([promoRatio, cadence, crossPostDuplicate], named, { today: '2026-03-01' });
    expect(new Set(findings.map((finding) => finding.file.split('/')[0]))).toEqual(new Set(['facebook']));
    expect(findings).toHaveLength(3);
  });
});
