import { RuleTester } from '../../../src/rule-tester.js';
import rule from './index.js';

const draft = (platforms: string, body: string) => `---\nplatforms: [${platforms}]\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'links are clickable on LinkedIn', code: draft('linkedin', 'Read the full guide: https://clinic.example.com/guides/sleep') },
    { name: 'Instagram: link in bio', code: draft('instagram', 'Prenota la tua visita: trovi il link in bio 👆') },
    { name: 'Instagram: a bare, typeable domain is allowed by default', code: draft('instagram', 'Más información en clinicadental.es o en el 952 000 000.') },
    { name: 'Instagram: www. and a domain, no path, is typeable too', code: draft('instagram', 'Trovi tutti i nostri orari su www.studio-esempio.it') },
    { name: 'Instagram: an e-mail address is not a link to tap', code: draft('instagram', 'Write to us at [info@clinic.com](mailto:info@clinic.com)') },
    { name: 'no platform', code: 'Book at https://clinic.example.com/book' },
  ],
  invalid: [
    {
      name: 'Instagram: a full URL in the caption',
      code: draft('instagram', 'Prenota la tua visita su https://www.studio-esempio.it/prenota e scegli l’orario.'),
      errors: [{ message: /not clickable in Instagram posts.*studio-esempio\.it\/prenota/, kind: 'not-clickable', platform: 'instagram', line: 4, column: 26, severity: 'warn' }],
    },
    {
      name: 'TikTok: a Markdown link',
      code: draft('tiktok', 'Todo sobre la ortodoncia invisible en [nuestro blog](https://clinica.es/blog/ortodoncia).'),
      errors: [{ platform: 'tiktok', message: /TikTok/ }],
    },
    {
      name: 'several platforms: only the ones without clickable links',
      code: draft('x, instagram, tiktok', 'Guide: www.clinic.example.com/sleep'),
      errors: [{ platform: 'instagram' }, { platform: 'tiktok' }],
    },
    {
      name: 'bare domains flagged when asked',
      code: draft('instagram', 'Info: clinicadental.es'),
      options: { flagBareDomains: true },
      errors: [{ platform: 'instagram' }],
    },
    {
      name: 'a network the user marks as not clickable',
      code: draft('youtube', 'Full video: https://clinic.example.com/v/12'),
      settings: { platforms: { youtube: { links: { clickable: false } } } },
      errors: [{ platform: 'youtube' }],
    },
  ],
});
