import { RuleTester } from '../../src/rule-tester.js';
import rule from '../../rules/no-competitor-links/index.js';

const settings = {
  competitorDomains: ['dentalrival.es', 'sorrisiperfetti.it'],
  competitorHandles: ['dentalrival'],
  ownDomains: ['sonrisa.es'],
};
const draft = (body: string, frontMatter = 'platform: instagram') => `---\n${frontMatter}\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { code: draft('Más información en https://www.who.int/es/news-room/fact-sheets/detail/oral-health'), settings },
    { code: draft('Pide cita en [nuestra web](https://sonrisa.es/cita) o en sonrisa.es'), settings },
    { name: 'a domain that only contains the competitor name', code: draft('Visit https://dentalrival.es.example.com/x and notdentalrival.es'), settings },
    { name: 'an e-mail address is not a link', code: draft('Escribe a fans@dentalrival-club.com'), settings },
    { name: 'a handle that only starts like the competitor', code: draft('Gracias @dentalrival_fan y @DentalRivalry'), settings },
    { name: 'no competitors configured', code: draft('https://dentalrival.es') },
    { name: 'shorteners can be switched off', code: draft('https://bit.ly/abc'), settings, options: { flagShorteners: false } },
    { name: 'a word with a dot is not a domain', code: draft('Dr.House and e.g. 3.5 mg, notes.md'), settings: { ...settings, competitorDomains: ['house', 'md'] } },
    { name: 'inline code is shown, but a handle in an e-mail is not a mention', code: draft('hola@dentalrival'), settings },
  ],
  invalid: [
    {
      name: 'bare domain in a reply (en)',
      code: draft("If it's still bad, dentalrival.es has weekend hours.", 'platform: x'),
      settings,
      errors: [{ message: 'link to a competitor (dentalrival.es): it sends your audience to another clinic', kind: 'domain', line: 4, column: 20, endColumn: 34 }],
    },
    {
      name: 'Markdown link with www, case and trailing dot (es)',
      code: draft('Más info en [su web](https://WWW.DentalRival.ES./ortodoncia)'),
      settings,
      errors: [{ kind: 'domain', line: 4, column: 13 }],
    },
    {
      name: 'autolink and subdomain (it)',
      code: draft('Guardate <https://blog.sorrisiperfetti.it/prezzi>'),
      settings,
      errors: [{ kind: 'domain', column: 10 }],
    },
    {
      name: 'HTML link',
      code: draft('<a href="https://dentalrival.es/ofertas">aquí</a>'),
      settings,
      errors: [{ kind: 'domain' }],
    },
    {
      name: 'internationalised domain written in Unicode and configured in punycode',
      code: draft('Ver https://www.clínica-rival.es/x'),
      settings: { competitorDomains: ['xn--clnica-rival-tfb.es'] },
      errors: [{ kind: 'domain' }],
    },
    {
      name: 'mention and profile link of a competitor',
      code: draft('Gracias a @DentalRival por la charla. Seguidles en instagram.com/dentalrival'),
      settings,
      errors: [{ kind: 'mention', message: /@dentalrival/ }, { kind: 'profile', message: /instagram\.com profile \(@dentalrival\)/ }],
    },
    {
      name: 'shortened link is unverifiable (a warning)',
      code: draft('Details: https://bit.ly/3xSonrisa'),
      settings,
      errors: [{ kind: 'shortener', severity: 'warn', message: /shortened link \(bit\.ly\)/ }],
    },
    {
      name: 'reference-style link definition',
      code: draft('Ver [aquí][1]\n\n[1]: https://dentalrival.es'),
      settings,
      errors: [{ kind: 'domain', line: 6 }],
    },
  ],
});
