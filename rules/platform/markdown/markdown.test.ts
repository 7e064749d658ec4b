import { RuleTester, lintDraftWithRule } from '../../../src/rule-tester.js';
import { applyFixes } from '../../../src/fix.js';
import rule from './index.js';

const draft = (platforms: string, body: string) => `---\nplatforms: [${platforms}]\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'plain text with emoji, a list and a hashtag', code: draft('instagram', '¿Sabías que…?\n\n- Cepíllate 2 veces al día\n- Usa hilo dental\n\n#SaludBucal') },
    { name: 'a hashtag at the start of a line is not a heading', code: draft('x', '#DíaMundialDelCorazón: misura la pressione!') },
    { name: 'snake_case and 5 * 3 are not emphasis', code: draft('linkedin', 'The file_name_here and 5 * 3 * 2 stay as they are.') },
    { name: 'bare URLs are fine', code: draft('x', 'Guía completa: https://clinica.es/guia') },
    { name: 'HTML comments and medpost directives are not published', code: draft('x', '<!-- medpost-disable-next-line platform/hashtags -->\nHola') },
    { name: 'a network configured to render Markdown', code: draft('mastodon', 'Some **bold** text'), settings: { platforms: { mastodon: { markdown: { renders: true } } } } },
    { name: 'allowed kinds', code: draft('x', 'Read [our guide](https://clinic.example.com/guide)'), options: { allow: ['link'] } },
    { name: 'no platform named', code: '# Heading\n\n**bold**' },
  ],
  invalid: [
    {
      name: 'bold markers (Spanish)',
      code: draft('instagram', 'La revisión es **gratuita** para menores de 14 años.'),
      errors: [{ message: /bold\/italic markers \(\*\*…\*\*\) will show as literal characters on Instagram/, kind: 'emphasis', platform: 'instagram', line: 4, column: 16 }],
      output: draft('instagram', 'La revisión es gratuita para menores de 14 años.'),
    },
    {
      name: 'a heading (Italian), on two platforms: one finding naming both',
      code: draft('x, linkedin', '# Giornata mondiale del cuore\n\nMisura la pressione almeno una volta all’anno.'),
      errors: [{ message: /heading marker \(# \) will show as literal characters on X \(Twitter\) and LinkedIn, which do not render Markdown/, platform: 'x,linkedin', kind: 'heading' }],
      output: draft('x, linkedin', 'Giornata mondiale del cuore\n\nMisura la pressione almeno una volta all’anno.'),
    },
    {
      name: 'a Markdown link becomes "text url"',
      code: draft('linkedin', 'Read [our sleep guide](https://clinic.example.com/sleep) before your visit.'),
      errors: [{ kind: 'link', message: /Markdown link syntax/ }],
      output: draft('linkedin', 'Read our sleep guide https://clinic.example.com/sleep before your visit.'),
    },
    {
      name: 'an autolink loses its angle brackets; a link whose text is the URL keeps one copy',
      code: draft('x', 'Web: <https://clinica.es> y [https://clinica.es/cita](https://clinica.es/cita)'),
      errors: [{ kind: 'link' }, { kind: 'link' }],
      output: draft('x', 'Web: https://clinica.es y https://clinica.es/cita'),
    },
    {
      name: 'italic, strikethrough and inline code',
      code: draft('threads', 'Orari *estivi*: ~~sabato~~ domenica chiuso, codice `ESTATE`.'),
      errors: [{ kind: 'emphasis' }, { kind: 'strikethrough' }, { kind: 'code' }],
      output: draft('threads', 'Orari estivi: sabato domenica chiuso, codice ESTATE.'),
    },
    {
      name: 'nested bold and italic: one finding, one fix',
      code: draft('x', 'Es ***muy*** importante y **_también_ esto**.'),
      errors: [{ kind: 'emphasis' }, { kind: 'emphasis' }],
      output: draft('x', 'Es muy importante y también esto.'),
    },
    {
      name: 'a block quote',
      code: draft('facebook', '> Mi hija ya no tiene miedo al dentista.\n> Gracias al equipo.\n\nGracias por confiar en nosotros.'),
      errors: [{ kind: 'blockquote' }],
      output: draft('facebook', 'Mi hija ya no tiene miedo al dentista.\nGracias al equipo.\n\nGracias por confiar en nosotros.'),
    },
    {
      name: 'a table cannot be fixed automatically',
      code: draft('linkedin', '| Day | Hours |\n| --- | --- |\n| Mon | 9–18 |'),
      errors: [{ kind: 'table', message: /table/ }],
      output: draft('linkedin', '| Day | Hours |\n| --- | --- |\n| Mon | 9–18 |'),
    },
    {
      name: 'HTML tags',
      code: draft('instagram', 'Nuevo horario <b>de tarde</b>'),
      errors: [{ kind: 'html' }, { kind: 'html' }],
    },
    {
      name: 'code whose content is itself Markdown is reported but not rewritten',
      code: draft('x', 'Type `*urgent*` in the subject.'),
      errors: [{ kind: 'code' }],
      output: draft('x', 'Type `*urgent*` in the subject.'),
    },
    {
      name: 'a setext heading and a fenced code block',
      code: draft('linkedin', 'Opening hours\n=============\n\n```\nMon-Fri 9-18\n```'),
      errors: [{ kind: 'heading' }, { kind: 'code' }],
      output: draft('linkedin', 'Opening hours\n\nMon-Fri 9-18'),
    },
  ],
});

describe('platform/markdown fixes are idempotent', () => {
  const drafts = [
    draft('x', '# Título\n\n**Negrita**, *cursiva*, `código` y [enlace](https://clinica.es).\n\n> Cita con **énfasis**\n\n## Otro\n\nFin.'),
    draft('instagram', '### Prevenzione\n\n> - punto uno\n> - punto *due*\n\n___Importante___: prenota su <https://studio.it>'),
    draft('linkedin', '**[Guide](https://clinic.example.com)** and ~~old~~ *new* `a*b`'),
  ];
  for (const code of drafts) {
    it(firstBodyLine(code), async () => {
      let current = code;
      for (let pass = 0; pass < 10; pass += 1) {
        const findings = await lintDraftWithRule(rule, { code: current });
        const { output } = applyFixes(current, findings);
        if (output === current) break;
        current = output;
      }
      const again = await lintDraftWithRule(rule, { code: current });
      expect(applyFixes(current, again).output).toBe(current);
      expect(again.filter((finding) => finding.fix)).toEqual([]);
    });
  }
});

function firstBodyLine(code: string): string {
  return code.split('\n')[3];
}
