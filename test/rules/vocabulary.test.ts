import { RuleTester } from '../../src/rule-tester.js';
import rule from '../../rules/vocabulary/index.js';

const settings = { vocabulary: { accept: {}, reject: { en: ['cheap -> affordable', 'pain-free'], es: ['clinica -> clínica'], all: ['low cost'] } } };
const draft = (lang: string, body: string) => `---\nplatform: facebook\nlang: ${lang}\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { code: draft('en', 'Our cheapest option is the check-up.'), settings },
    { code: draft('es', 'La clínica abre el lunes.'), settings },
    { code: draft('it', 'Cheap in English is not rejected in Italian'), settings },
    draft('en', 'cheap without any vocabulary configured'),
  ],
  invalid: [
    {
      code: draft('en', 'Cheap check-ups, pain-free and LOW  COST.'),
      settings,
      errors: [
        { message: "'Cheap' is on the team's reject list: write 'affordable'", line: 5, column: 1 },
        { message: "'pain-free' is on the team's reject list" },
        { message: "'LOW  COST' is on the team's reject list" },
      ],
      output: draft('en', 'affordable check-ups, pain-free and LOW  COST.'),
    },
    {
      code: draft('es', 'La clinica de Madrid'),
      settings,
      errors: [{ message: /write 'clínica'/ }],
      output: draft('es', 'La clínica de Madrid'),
    },
  ],
});
