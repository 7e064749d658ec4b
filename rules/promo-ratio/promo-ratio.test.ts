import { RuleTester } from '../../src/rule-tester.js';
import rule from './index.js';

const info = (name: string, date: string, platform = 'instagram') => ({
  filename: name,
  code: `---\nplatform: ${platform}\ndate: ${date}\ntype: info\n---\nTip of the week: replace your toothbrush every three months.\n`,
});
const promo = (name: string, date: string, platform = 'instagram') => ({
  filename: name,
  code: `---\nplatform: ${platform}\ndate: ${date}\ntype: promo\n---\nWhitening special this month.\n`,
});
const aprilInfos = ['03', '07', '10', '14', '17', '21', '24', '28'].map((day) => info(`i${day}.md`, `2026-04-${day}`));

new RuleTester().run(rule, {
  valid: [
    {
      name: 'en: 2 promotional of 10 is exactly 20%',
      code: '---\nplatform: instagram\ndate: 2026-04-30\n---\nSpring offer: 20% off teeth whitening until 15 May. Book now!\n',
      others: [...aprilInfos, promo('p.md', '2026-04-02')],
    },
    {
      name: 'it: a tiny window (3 drafts) is not judged',
      code: '---\nplatform: facebook\ndate: 2026-04-30\nlang: it\n---\nSbiancamento a soli 199 €: offerta valida fino al 31 maggio. Prenota ora!\n',
      others: [info('a.md', '2026-04-10', 'facebook'), promo('b.md', '2026-04-20', 'facebook')],
    },
    {
      name: 'promotional drafts on another platform do not count here',
      code: '---\nplatform: linkedin\ndate: 2026-04-30\ntype: promo\n---\nWe are hiring a dental hygienist.\n',
      others: [...aprilInfos, promo('p.md', '2026-04-02'), promo('q.md', '2026-04-05')],
    },
    {
      name: 'neutral and reply drafts are left out of the ratio',
      code: '---\nplatform: instagram\ndate: 2026-04-30\nlang: es\n---\nHorario de verano: del 1 de julio al 31 de agosto permaneceremos cerrados por las tardes.\n',
      others: [...aprilInfos.slice(0, 4), promo('p.md', '2026-04-02')],
    },
  ],
  invalid: [
    {
      name: 'es: the third promotional draft of April tips it over',
      code: '---\nplatform: instagram\ndate: 2026-04-30\nlang: es\n---\nImplantes desde 690 € con financiación sin intereses. ¡Pide tu cita!\n',
      others: [...aprilInfos, promo('p1.md', '2026-04-02'), promo('p2.md', '2026-04-05')],
      errors: [{
        kind: 'month', platform: 'instagram', line: 6, column: 17,
        message: 'April 2026 on instagram: 3 of 11 drafts are promotional (27%, limit 20%)',
      }],
    },
    {
      name: 'en: an undated promotional draft counts in the whole run only, and says so',
      code: '---\nplatform: instagram\ntype: promo\n---\nGift vouchers for a healthy smile: the perfect present.\n',
      others: [...aprilInfos.slice(0, 5), promo('p1.md', '2026-04-02')],
      errors: [{ kind: 'whole-run', line: 3, message: /^The whole calendar on instagram: 2 of 7 drafts are promotional \(29%, limit 20%\) \(1 undated draft counted here, in the whole run only\)$/ }],
    },
    {
      name: 'a stricter limit from options',
      code: '---\nplatform: x\ndate: 2026-04-30\ntype: testimonial\nconsent: true\n---\n"Best care I have had", says one of our patients.\n',
      options: { maxPromoShare: 0.1, minDrafts: 3 },
      others: [info('a.md', '2026-04-01', 'x'), info('b.md', '2026-04-02', 'x'), info('c.md', '2026-04-03', 'x'), info('d.md', '2026-04-04', 'x')],
      errors: [{ kind: 'month', message: 'April 2026 on x: 1 of 5 drafts are promotional (20%, limit 10%)' }],
    },
  ],
});
