import { describe, it, expect } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import rule, { limitsFor } from './index.js';

const draft = (platform: string, date: string, body = 'Consejo del día: bebe agua a lo largo de la jornada.', extra = '') =>
  `---\nplatform: ${platform}\ndate: ${date}\n${extra}---\n${body}\n`;
const other = (name: string, platform: string, date: string, extra = '') => ({ filename: name, code: draft(platform, date, 'Another informational post for the calendar.', extra) });

describe('cadence limits', () => {
  it('come from cadence.yaml per platform, then the options', () => {
    expect(limitsFor('linkedin', {})).toEqual({ maxGapDays: 14, maxPerDay: 1, maxPerWeek: 5 });
    expect(limitsFor('mastodon', {})).toEqual({ maxGapDays: 14, maxPerDay: 2, maxPerWeek: 10 });
    expect(limitsFor('instagram', { maxGapDays: 21, platforms: { instagram: { maxPerWeek: 4 } } })).toEqual({ maxGapDays: 21, maxPerDay: 2, maxPerWeek: 4 });
  });
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a steady weekly rhythm', code: draft('instagram', '2026-03-16'), today: '2026-03-01', others: [other('a.md', 'instagram', '2026-03-02'), other('b.md', 'instagram', '2026-03-09')] },
    { name: 'exactly the gap limit (14 days) is fine', code: draft('facebook', '2026-03-15'), today: '2026-03-01', others: [other('a.md', 'facebook', '2026-03-01')] },
    { name: 'a long gap on another platform is that platform\'s business', code: draft('x', '2026-03-30'), today: '2026-03-01', others: [other('a.md', 'linkedin', '2026-03-01')] },
    { name: 'past and published', code: draft('x', '2026-01-10', 'Happy new year from all of us!', 'published: true\n'), today: '2026-03-01' },
    { name: 'undated drafts are not judged', code: '---\nplatform: x\n---\nEvergreen tip: wear sunscreen.\n', today: '2026-03-01' },
    { name: 'replies do not count for bursts', code: draft('linkedin', '2026-03-10', 'Thank you for the kind words!', 'type: reply\n'), today: '2026-03-01', others: [other('a.md', 'linkedin', '2026-03-10')] },
    { name: 'past check can be turned off', code: draft('x', '2026-01-10'), today: '2026-03-01', options: { checkPast: false } },
  ],
  invalid: [
    {
      name: 'en: a three-week silence',
      code: draft('instagram', '2026-03-25', 'Five signs your child needs a dental check-up.'),
      today: '2026-03-01',
      others: [other('a.md', 'instagram', '2026-03-04')],
      errors: [{ kind: 'gap', platform: 'instagram', line: 3, column: 7, message: 'instagram: no draft for 21 days, from 2026-03-04 to 2026-03-25 (limit 14): a silent profile looks abandoned' }],
    },
    {
      name: 'it: two LinkedIn posts on the same day (limit 1)',
      code: draft('linkedin', '2026-03-10T16:00', 'Giornata mondiale del rene: i fattori di rischio da conoscere.'),
      today: '2026-03-01',
      others: [other('a.md', 'linkedin', '2026-03-10T09:00')],
      errors: [{ kind: 'day', platform: 'linkedin', message: /^linkedin: 2 drafts on 2026-03-10 \(limit 1 a day\)/ }],
    },
    {
      name: 'en: six LinkedIn drafts in one week (limit 5)',
      code: draft('linkedin', '2026-03-14', 'Weekend reading: our summary of the new hypertension guideline.'),
      today: '2026-03-01',
      others: ['09', '10', '11', '12', '13'].map((day) => other(`${day}.md`, 'linkedin', `2026-03-${day}`)),
      errors: [{ kind: 'week', message: /^linkedin: 6 drafts in the week of 2026-03-09 \(limit 5 a week\)/ }],
    },
    {
      name: 'es: dated last month and never marked published',
      code: draft('facebook', '2026-02-10', 'Recordatorio: la campaña de vacunación de la gripe termina el viernes.', 'published: false\n'),
      today: '2026-03-01',
      errors: [{ kind: 'past-unpublished', line: 3, message: 'dated 2026-02-10, 19 days before today (2026-03-01), and not marked as published' }],
    },
  ],
});
