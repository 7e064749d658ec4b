import { RuleTester } from '../../src/rule-tester.js';
import rule from './index.js';

const draft = (platform: string, body: string, extra = '') => `---\nplatform: ${platform}\n${extra}---\n${body}\n`;

const flu = 'Flu season is here. The flu vaccine is the best protection for people over 65, pregnant women and anyone with a chronic condition. It takes about two weeks to work, so October is a good time to get it.';
const fluX = 'Flu season is here! The flu vaccine is the best protection for people over 65, pregnant women & anyone with a chronic condition. It takes about 2 weeks to work, so October is a good time to get it. #FluShot https://www.nhs.uk/vaccinations/flu-vaccine/';
const fluRewritten = 'October is a good month for your flu jab 💉 Over 65, pregnant or living with a long-term condition? You are first in line. It takes two weeks to build protection. Details: nhs.uk/flu #FluSeason';
const denti = 'Lo spazzolino va cambiato ogni tre mesi, o prima se le setole sono aperte. Uno spazzolino consumato pulisce peggio e trattiene più batteri.';

new RuleTester().run(rule, {
  valid: [
    { name: 'en: the same topic rewritten for another network', code: draft('x', fluRewritten), others: [{ filename: 'facebook/flu.md', code: draft('facebook', flu) }] },
    { name: 'en: a repeat on the same platform is not a cross-post', code: draft('facebook', flu, 'date: 2026-10-01\n'), others: [{ filename: 'facebook/flu-again.md', code: draft('facebook', flu, 'date: 2026-11-01\n') }] },
    { name: 'it: short texts are not compared', code: draft('instagram', 'Buone feste da tutto lo studio!'), others: [{ filename: 'fb.md', code: draft('facebook', 'Buone feste da tutto lo studio!') }] },
    { name: 'es: different posts sharing a signature line', code: draft('instagram', 'Cinco hábitos que protegen tus encías: cepillado de dos minutos, hilo dental cada noche y menos azúcar entre horas.\n\nClínica Dental Sonrisa · Pide cita en el enlace de la bio'), others: [{ filename: 'fb.md', code: draft('facebook', 'La sensibilidad al frío no siempre es caries: puede deberse a encías retraídas o desgaste del esmalte.\n\nClínica Dental Sonrisa · Pide cita en el enlace de la bio') }] },
    { name: 'a reply for several platforms is not a multi-platform draft', code: '---\nplatforms: [facebook, instagram]\ntype: reply\n---\nGracias por tu mensaje, te escribimos por privado.\n' },
    { name: 'multi-platform check can be turned off', code: '---\nplatforms: [x, linkedin]\n---\nOur new paediatric wing opens on Monday.\n', options: { flagMultiPlatform: false } },
  ],
  invalid: [
    {
      name: 'en: the X version is the Facebook text plus hashtags and a link',
      code: draft('x', fluX),
      filename: 'x/flu.md',
      others: [{ filename: 'facebook/flu.md', code: draft('facebook', flu) }],
      errors: [{ kind: 'copy', platform: 'x', line: 4, column: 1, message: /^the same text as facebook\/flu\.md \(facebook, \d\d% similar\): copy-pasting one text to x and facebook looks careless$/ }],
    },
    {
      name: 'it: near copy with one word changed, matched against two others',
      code: draft('instagram', denti),
      others: [
        { filename: 'facebook/spazzolino.md', code: draft('facebook', denti.replace('peggio', 'male')) },
        { filename: 'linkedin/spazzolino.md', code: draft('linkedin', denti) },
      ],
      errors: [{ kind: 'copy', message: /^the same text as linkedin\/spazzolino\.md \(linkedin, identical\), facebook\/spazzolino\.md \(facebook, \d\d% similar\)/ }],
    },
    {
      name: 'es: one draft for three networks',
      code: '---\nplatforms: [x, instagram, facebook]\nlang: es\n---\nNuevo horario de verano a partir del 1 de julio.\n',
      errors: [{ kind: 'multi-platform', line: 2, column: 12, message: /^one text for x, instagram and facebook:/ }],
    },
  ],
});
