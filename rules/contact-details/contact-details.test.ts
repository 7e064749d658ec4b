import { RuleTester } from '../../src/rule-tester.js';
import rule from './index.js';

const contact = {
  phones: ['+34 912 345 678'],
  emails: ['citas@clinicasonrisa.es'],
  websites: ['https://www.clinicasonrisa.es'],
  openingHours: ['L-V 9:00-20:00', 'S 10:00-14:00'],
  addresses: ['Calle Mayor 12, 28013 Madrid'],
};
const settings = { contact, ownDomains: ['clinicasonrisa.es'] };
const es = (body: string) => `---\nplatform: facebook\nlang: es\n---\n${body}\n`;
const en = (body: string) => `---\nplatform: facebook\nlang: en\n---\n${body}\n`;
const it_ = (body: string) => `---\nplatform: facebook\nlang: it\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'nothing configured: the rule is off', code: es('Llámanos al 911 111 111.') },
    { name: 'es: the configured number, written another way', code: es('¿Dudas? Llámanos al 912 34 56 78 o escríbenos a citas@clinicasonrisa.es.'), settings },
    { name: 'en: international form of the configured number', code: en('Call us on +34 912345678 to book.'), settings },
    { name: "es: a number that is not presented as the clinic's is left to no-patient-data", code: es('El teléfono de emergencias es el 112; el de información toxicológica, el 915 620 420.'), settings },
    { name: 'en: an e-mail at another domain without a cue', code: en('The society publishes its guide; questions go to info@sepa.es.'), settings },
    { name: 'es: the configured website', code: es('Toda la información en nuestra web: https://www.clinicasonrisa.es/blog'), settings },
    { name: 'en: a public-health source after a cue word is allowed', code: en('Visit us at our open day, and read https://www.who.int/health-topics/oral-health first.'), settings },
    { name: 'es: the configured opening hours', code: es('Nuestro horario: de lunes a viernes de 9:00 a 20:00 y sábados de 10 a 14 h.'), settings },
    { name: 'it: hours of something else', code: it_('Il farmaco va preso ogni 8 ore, dalle 8 alle 20, come indicato dal medico.'), settings },
    { name: 'es: the configured address in another form', code: es('Nos encontrarás en C/ Mayor, 12 (Madrid).'), settings },
  ],
  invalid: [
    {
      name: 'es: an old number after "llámanos"',
      code: es('Para pedir cita, llámanos al 913 000 111.'),
      settings,
      errors: [{ kind: 'phone', line: 5, column: 30, message: /^the phone number 913 ••• •11 is presented as the clinic's but is not one of the configured ones \(\+34 912 345 678\)$/ }],
    },
    {
      name: 'it: "chiamaci" with a wrong number',
      code: it_('Per informazioni chiamaci allo 06 1234 5678.'),
      settings: { ...settings, phoneRegions: ['IT'] },
      errors: [{ kind: 'phone' }],
    },
    {
      name: "en: an e-mail at the clinic's own domain that is not the configured one",
      code: en('Questions about your bill? info@clinicasonrisa.es'),
      settings,
      errors: [{ kind: 'email', message: /^the e-mail address inf•@••••••••••••••\.es is presented/ }],
    },
    {
      name: 'es: "escríbenos a" another address',
      code: es('Escríbenos a clinica.sonrisa@gmail.com y te respondemos.'),
      settings,
      errors: [{ kind: 'email' }],
    },
    {
      name: 'en: "our new website" pointing elsewhere',
      code: en('Have a look at [our new website](https://sonrisa-dental.com) for prices and team bios.'),
      settings,
      errors: [{ kind: 'website', message: /https:\/\/sonrisa-dental\.com is presented as the clinic's/ }],
    },
    {
      name: 'es: opening hours that changed',
      code: es('Horario de atención: de lunes a viernes de 9:00 a 21:00.'),
      settings,
      errors: [{ kind: 'hours', message: /^opening hours 9:00–21:00 differ from the configured ones/ }],
    },
    {
      name: 'en: pm hours',
      code: en("We're open Monday to Friday, 8am-6pm."),
      settings,
      errors: [{ kind: 'hours', message: /^opening hours 8:00–18:00/ }],
    },
    {
      name: 'it: the old address',
      code: it_('Ci trovi in Via Roma 5, al secondo piano.'),
      settings,
      errors: [{ kind: 'address', message: /^the address 'Via Roma 5[^']*' is presented as the clinic's/ }],
    },
  ],
});
