import { RuleTester } from '../../../src/rule-tester.js';
import rule from './index.js';

const draft = (platforms: string, body: string) => `---\nplatforms: [${platforms}]\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'X with two hashtags', code: draft('x', 'Hoy es el Día Mundial de la Salud Bucodental. Revisa tus encías cada seis meses. #SaludBucodental #DíaMundial') },
    { name: 'Instagram with five hashtags', code: draft('instagram', 'Cinque abitudini per denti sani 🦷\n\n#denti #igieneorale #prevenzione #sorriso #dentista') },
    { name: 'LinkedIn with four hashtags', code: draft('linkedin', 'We are hiring a paediatric nurse for our Madrid clinic. #Nursing #Paediatrics #Hiring #Healthcare') },
    { name: 'Mastodon has no norm', code: draft('mastodon', 'Flu shots are available from Monday. #FluSeason #Vaccines #PublicHealth #Madrid #Clinic #Nurses') },
    { name: 'a # that is not a hashtag (issue number, channel 5, C#)', code: draft('x', 'Room #4, call #5 and the C# course: see issue #12 and #13.') },
    { name: 'no hashtags on Facebook, as configured, and none written', code: draft('facebook', 'Cerramos el 15 de agosto. ¡Feliz verano!'), settings: { noHashtagPlatforms: ['facebook'] } },
    { name: 'duplicates counted once when asked', code: draft('x', '#Salud y más #salud y #SALUD'), options: { countDuplicatesOnce: true } },
  ],
  invalid: [
    {
      name: 'X: three hashtags is over the norm of two',
      code: draft('x', 'Consejos para el verano ☀️ #Salud #Verano #Hidratación'),
      errors: [{ message: /3 hashtags for X \(Twitter\), where the norm is at most 2/, kind: 'over-norm', platform: 'x', severity: 'warn', line: 4, column: 43 }],
    },
    {
      name: 'Instagram: six hashtags is over the hard limit of five (error)',
      code: draft('instagram', 'Prevenzione cardiovascolare: misura la pressione! #cuore #salute #prevenzione #pressione #cardiologia #benessere'),
      errors: [{ message: /6 hashtags for Instagram, which accepts at most 5/, kind: 'over-limit', platform: 'instagram', severity: 'error' }],
    },
    {
      name: 'Threads: one topic tag',
      code: draft('threads', 'New opening hours from March. #Clinic #Madrid'),
      errors: [{ message: /2 hashtags for Threads, where the norm is at most 1/, platform: 'threads' }],
    },
    {
      name: 'Facebook, configured as a no-hashtag network',
      code: draft('facebook', 'Nuevo horario de tarde en la clínica. #Clínica'),
      settings: { noHashtagPlatforms: ['facebook'] },
      errors: [{ message: /hashtags on Facebook, where your organisation does not use them \(#Clínica\)/, kind: 'not-used', platform: 'facebook' }],
    },
    {
      name: 'several platforms: each judged by its own facts',
      code: draft('x, linkedin, instagram', 'Cinque consigli per la schiena #postura #schiena #lavoro #salute #fisioterapia #ergonomia'),
      errors: [
        { platform: 'x', kind: 'over-norm' },
        { platform: 'instagram', kind: 'over-limit', severity: 'error' },
        { platform: 'linkedin', kind: 'over-norm' },
      ],
    },
    {
      name: 'the user overrides the norm in config',
      code: draft('linkedin', 'Join our webinar on sleep. #Sleep #Health #Webinar'),
      settings: { platforms: { linkedin: { hashtags: { norm: 2 } } } },
      errors: [{ platform: 'linkedin', message: /norm is at most 2/ }],
    },
  ],
});
