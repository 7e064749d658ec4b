// no-patient-data on whole drafts: what is reported (with the kind), and the near misses that are not.
import { RuleTester } from '../../src/rule-tester.js';
import rule from './index.js';

const settings = {
  phoneRegions: ['ES', 'IT', 'US', 'GB'],
  ownDomains: ['clinicasalud.es'],
  contact: { phones: ['+34 910 123 456'], emails: [], addresses: ['Calle de Alcalá 120, Madrid'], openingHours: [], websites: [] },
  allowedNames: ['Raquel Ortega'],
};
const draft = (lang: string, body: string, extra = '') => `---\nplatform: instagram\nlang: ${lang}\n${extra}---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: "the clinic's own phone and e-mail", code: draft('es', 'Pide cita en el 910 123 456 o en citas@clinicasalud.es.'), settings },
    { name: 'a DNI look-alike with the wrong letter', code: draft('es', 'Nunca te pediremos datos como 12345678A por WhatsApp.'), settings },
    { name: 'an order number that fails the Luhn check', code: draft('en', 'Your order 4111111111111112 has shipped.'), settings },
    { name: 'prices and an ISBN', code: draft('en', 'Implants from €1.250. Read ISBN 978-84-376-0494-7.'), settings },
    { name: 'a doctor introduced by title and role', code: draft('en', 'Meet Dr. Ana Ruiz, our new cardiologist. She operated on 300 patients last year.'), settings },
    { name: 'staff named in settings.allowedNames', code: draft('es', 'Raquel Ortega, jefa de enfermería, fue operada de menisco y vuelve el lunes.'), settings },
    { name: 'a generic age statement', code: draft('en', 'A 50-year-old woman should book a mammogram even without symptoms.'), settings },
    { name: 'an event room', code: draft('it', 'Il corso sul diabete si tiene nella stanza 3 della biblioteca civica.'), settings },
    { name: 'a testimonial with recorded consent', code: draft('en', '"Best care ever," says our patient.', 'type: testimonial\nconsent: CF-12\n'), settings },
    { name: 'a reply that confirms nothing', code: draft('it', 'Grazie per il commento: per privacy non parliamo di casi qui, ci scriva in privato.', 'type: reply\n'), settings },
    { name: 'toll-free helpline', code: draft('es', '¿Quieres dejar de fumar? Llama gratis al 900 123 123.'), settings },
    { name: 'a year of birth alone is allowed', code: draft('en', 'Our founder was born in 1950 in Leeds.'), settings },
  ],
  invalid: [
    { code: draft('es', 'Llamad a su hija al 612 345 678.'), settings, errors: [{ kind: 'phone', message: /^phone number 612 •••/ }] },
    { code: draft('en', 'Email Tom at tom.baker77@gmail.com'), settings, errors: [{ kind: 'email', line: 5, column: 14 }] },
    { code: draft('es', 'Tu DNI 12345678Z ya consta.', 'type: reply\n'), settings, errors: [{ kind: 'es-dni' }] },
    { code: draft('it', 'CF: RSSMRA85T10A562S'), settings, errors: [{ kind: 'it-fiscal-code' }] },
    { code: draft('en', 'IBAN ES91 2100 0418 4502 0005 1332 for the refund'), settings, errors: [{ kind: 'iban' }] },
    { code: draft('en', 'Card 4012 8888 8888 1881 was declined'), settings, errors: [{ kind: 'payment-card', message: /•••• 1881/ }] },
    { code: draft('en', 'SSN 536-22-8790 on file'), settings, errors: [{ kind: 'us-ssn' }] },
    { code: draft('en', 'NHS number 943 476 5919'), settings, errors: [{ kind: 'uk-nhs' }] },
    { code: draft('es', 'Caso: historia clínica nº 2023-004512.'), settings, errors: [{ kind: 'medical-record' }] },
    { code: draft('it', 'Nata il 3 maggio 1924.'), settings, errors: [{ kind: 'date-of-birth' }] },
    { code: draft('en', 'Our patient Maria López recovered well.'), settings, errors: [{ kind: 'patient-name', message: /^M•••• L•••• is named/ }] },
    { code: draft('es', 'La señora García, operada ayer de cadera, ya camina.'), settings, errors: [{ kind: 'patient-name' }] },
    { code: draft('it', 'Il signor Rossi, ricoverato per polmonite, sta meglio.'), settings, errors: [{ kind: 'patient-name' }] },
    { code: draft('en', 'Get well soon, @lucy_runs!'), settings, errors: [{ kind: 'patient-name' }] },
    { code: draft('en', 'A 45-year-old woman from Getafe with breast cancer came in yesterday.'), settings, errors: [{ kind: 'age-condition-place' }] },
    { code: draft('it', 'Ieri una 70enne è stata ricoverata per polmonite.'), settings, errors: [{ kind: 'age-condition-place' }] },
    { code: draft('es', 'Gracias por los dibujos para el paciente de la habitación 214.'), settings, errors: [{ kind: 'room-bed', message: /^habitación •••/ }] },
    { code: draft('it', 'Visitiamo una paziente che abita in Via Garibaldi 18.'), settings, errors: [{ kind: 'address' }] },
    { code: draft('en', 'Five stars!', 'type: testimonial\n'), settings, errors: [{ kind: 'testimonial-consent', line: 4 }] },
    {
      code: draft('es', 'Mira el resultado.', 'media:\n  - src: antes-despues.jpg\n    alt: Sonrisa\n'),
      settings,
      errors: [{ kind: 'image-consent', line: 5 }],
    },
    { code: draft('en', "We're sorry your visit last Tuesday was long.", 'type: reply\n'), settings, errors: [{ kind: 'reply-confirms-patient' }] },
  ],
});
