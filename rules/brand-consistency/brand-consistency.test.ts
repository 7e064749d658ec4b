import { RuleTester } from '../../src/rule-tester.js';
import rule from './index.js';

const sonrisa = { brandName: 'Clínica Dental Sonrisa', brandAliases: ['Sonrisa Dental'] };
const rossi = { brandName: 'Studio Dentistico Rossi' };
const bright = { brandName: 'Bright Smile Dental Clinic' };
const es = (body: string) => `---\nplatform: instagram\nlang: es\n---\n${body}\n`;
const it_ = (body: string) => `---\nplatform: facebook\nlang: it\n---\n${body}\n`;
const en = (body: string, platform = 'instagram') => `---\nplatform: ${platform}\nlang: en\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'no brand configured: nothing to check', code: es('En la clinica dental sonrisa te esperamos.') },
    { name: 'es: the brand written right', code: es('En Clínica Dental Sonrisa cuidamos de tu salud bucal desde 1998.'), settings: sonrisa },
    { name: 'es: an accepted alias', code: es('Sonrisa Dental te desea felices fiestas.'), settings: sonrisa },
    { name: 'es: the everyday word "sonrisa" is not the brand', code: es('Una sonrisa sana empieza con un buen cepillado. Sonrisa dental perfecta: ¿mito o realidad?'), settings: sonrisa },
    { name: 'es: a hashtag is left alone', code: es('Feliz lunes #ClinicaSonrisa #sonrisa'), settings: sonrisa },
    { name: 'en: ordinary words that happen to be brand words', code: en('A bright smile starts with good habits at home.'), settings: bright },
    { name: 'it: correct name', code: it_('Lo Studio Dentistico Rossi resterà chiuso il 15 agosto.'), settings: rossi },
    { name: 'required hashtag present', code: en('Spring tips for healthy gums. #BrightSmile #oralhealth'), settings: bright, options: { requiredHashtags: { instagram: ['BrightSmile'] } } },
    { name: 'required hashtag on another platform only', code: en('Spring tips for healthy gums.', 'linkedin'), settings: bright, options: { requiredHashtags: { instagram: ['BrightSmile'] } } },
    { name: 'replies need no brand hashtag', code: '---\nplatform: instagram\ntype: reply\n---\nThank you, Anna!\n', options: { requiredHashtags: { '*': ['BrightSmile'] } } },
    { name: 'signature present (accents and spacing aside)', code: en('New parking spaces behind the clinic.\n\n— The  Bright Smile team', 'linkedin'), options: { signature: { linkedin: '— The Bright Smile team' } } },
  ],
  invalid: [
    {
      name: 'es: all lower case, no accent',
      code: es('Te esperamos en la clinica dental sonrisa de la calle Mayor.'),
      settings: sonrisa,
      errors: [{ kind: 'name', line: 5, column: 20, message: /^'clinica dental sonrisa' is written differently from the brand name 'Clínica Dental Sonrisa'/ }],
      output: es('Te esperamos en la Clínica Dental Sonrisa de la calle Mayor.'),
    },
    {
      name: 'es: a word missing',
      code: es('Gracias a todo el equipo de Clinica Sonrisa por este año.'),
      settings: sonrisa,
      errors: [{ kind: 'name', message: /^'Clinica Sonrisa' looks like the brand name, which is written 'Clínica Dental Sonrisa'/ }],
      output: es('Gracias a todo el equipo de Clínica Dental Sonrisa por este año.'),
    },
    {
      name: 'it: wrong capitals',
      code: it_('Lo studio dentistico rossi augura buone feste a tutti i pazienti.'),
      settings: rossi,
      errors: [{ kind: 'name' }],
      output: it_('Lo Studio Dentistico Rossi augura buone feste a tutti i pazienti.'),
    },
    {
      name: 'es: alias in capitals is fixed to the alias; the everyday phrase is not',
      code: es('¡Felices fiestas de parte de todo el equipo de SONRISA DENTAL! Una sonrisa dental sana es el mejor regalo.'),
      settings: sonrisa,
      errors: [{ kind: 'name', message: /brand name 'Sonrisa Dental'/ }],
      output: es('¡Felices fiestas de parte de todo el equipo de Sonrisa Dental! Una sonrisa dental sana es el mejor regalo.'),
    },
    {
      name: 'brand hashtag missing and another in the wrong case',
      code: en('Spring tips for healthy gums. #brightsmile'),
      options: { requiredHashtags: { instagram: ['BrightSmile'], '*': ['DentalTips'] } },
      errors: [
        { kind: 'hashtag', message: 'the brand hashtag #DentalTips is missing' },
        { kind: 'hashtag-case', platform: 'instagram', message: 'the brand hashtag is written #brightsmile; the team writes it #BrightSmile' },
      ],
      output: en('Spring tips for healthy gums. #BrightSmile'),
    },
    {
      name: 'signature missing on LinkedIn',
      code: en('Our hygienists now work Saturdays.', 'linkedin'),
      options: { signature: { linkedin: '— The Bright Smile team' } },
      errors: [{ kind: 'signature', platform: 'linkedin' }],
    },
  ],
});

describe('mayHoldWord (the first pass over a draft)', () => {
  it('is true whenever a word of the text folds to one of the words', async () => {
    const { default: fc } = await import('fast-check');
    const { mayHoldWord } = await import('./index.js');
    const { foldText } = await import('../../src/rule-helpers.js');
    const pieces = ['Sonrisa', 'SONRISA', 'sonrisa', 'Sonrísa', 'So\u0301nrisa', 'sonri', 'sa', 'Clínica', 'CLINICA', 'clínica', 'ΣΟΦΊΑ', 'σοφία', 'σοφίας', 'ΣΟΦΊΑΣ', 'İstanbul', 'ﬁ', 'ſonrisa', ' ', '-', '\n', '.', '\u0301', 'Dental', 'DENTAL'];
    const words = new Set(['sonrisa', 'clinica', 'σοφιας', 'istanbul']);
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      const holds = (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).some((word) => words.has(foldText(word)));
      if (holds) expect(mayHoldWord(text, words), JSON.stringify(text)).toBe(true);
    }), { numRuns: 5000 });
    expect(mayHoldWord('Una sonrisa sana', new Set(['sonrisa']))).toBe(true);
    expect(mayHoldWord('Una boca sana', new Set(['sonrisa']))).toBe(false);
  });
});
