import { RuleTester } from '../../../src/rule-tester.js';
import rule from './index.js';

const draft = (platform: string, lang: string, body: string) => `---\nplatform: ${platform}\nlang: ${lang}\n---\n${body}\n`;
const padding = {
  en: 'Brushing twice a day with fluoride toothpaste protects the enamel. Flossing reaches where the brush cannot. Change your brush every three months. ',
  es: 'Cepillarse dos veces al día con pasta con flúor protege el esmalte. El hilo dental llega donde el cepillo no llega. Cambia el cepillo cada tres meses. ',
  it: 'Lavare i denti due volte al giorno con un dentifricio al fluoro protegge lo smalto. Il filo interdentale arriva dove lo spazzolino non arriva. ',
};

new RuleTester().run(rule, {
  valid: [
    {
      name: 'Instagram: short hook and call to action before the fold',
      code: draft('instagram', 'es', `¿Te sangran las encías? Pide tu cita de revisión 🦷\n\n${padding.es.repeat(3)}`),
    },
    {
      name: 'LinkedIn: hook under 210 characters, CTA early, more after',
      code: draft('linkedin', 'en', `We are opening a sleep clinic in Valencia this spring. Book a consultation through the link below.\n\n${padding.en.repeat(3)}`),
    },
    {
      name: 'a short post has no fold',
      code: draft('instagram', 'it', 'Da lunedì siamo aperti anche il sabato mattina. Prenota la tua visita chiamando in studio!'),
    },
    {
      name: 'X has no fold',
      code: draft('x', 'en', `${padding.en}Book your appointment today.`),
    },
    {
      name: 'no call to action at all, short first sentence: nothing to say about CTAs',
      code: draft('instagram', 'it', `Settimana della prevenzione.\n\n${padding.it.repeat(2)}`),
    },
    {
      name: 'a mention of the verb that is not a call to action (los pacientes ven mejor)',
      code: draft('instagram', 'es', `Operación de cataratas.\n\n${padding.es.repeat(2)} Tras la operación los pacientes ven mejor.`),
    },
  ],
  invalid: [
    {
      name: 'Instagram: the call to action only after the fold (Italian)',
      code: draft('instagram', 'it', `Prevenzione.\n\n${padding.it}Prenota la tua visita di controllo!`),
      errors: [{ message: /call to action 'Prenota la tua visita' comes after the 'see more' fold on Instagram/, kind: 'call-to-action', platform: 'instagram', severity: 'warn' }],
    },
    {
      name: 'LinkedIn: the first sentence is longer than the fold (English)',
      code: draft('linkedin', 'en', `After fifteen years of treating patients with chronic back pain in our physiotherapy unit we have learned that the most important part of recovery is not the exercises themselves but the consistency with which people do them at home. ${padding.en}`),
      errors: [{ message: /first sentence runs past the 'see more' fold on LinkedIn \(~210 characters\)/, kind: 'first-sentence', platform: 'linkedin', line: 5, column: 211 }],
    },
    {
      name: 'Instagram (Spanish): both the first sentence and the CTA after the fold',
      code: draft('instagram', 'es', `En nuestra clínica de fisioterapia de Sevilla llevamos más de veinte años ayudando a personas con dolor de espalda crónico a recuperar su movilidad. ${padding.es}Llámanos al 954 000 000.`),
      errors: [{ kind: 'first-sentence', platform: 'instagram' }, { kind: 'call-to-action', platform: 'instagram' }],
    },
    {
      name: 'the user moves the fold in config',
      code: draft('linkedin', 'en', `Our new paediatric unit opens on Monday with four consultants and a play area for the youngest patients. ${padding.en}`),
      settings: { platforms: { linkedin: { fold: { at: 80 } } } },
      errors: [{ kind: 'first-sentence', platform: 'linkedin', message: /~80 characters/ }],
    },
  ],
});
