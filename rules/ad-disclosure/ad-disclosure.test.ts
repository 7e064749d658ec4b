// ad-disclosure: sponsored drafts and paid partnerships need a clear label before the fold, in en/es/it.
import { expect } from 'vitest';
import { RuleTester, lintDraftWithRule } from '../../src/rule-tester.js';
import rule, { isAffiliateLink } from './index.js';

const draft = (lang: string, body: string, extra = '', platform = 'instagram') => `---\nplatform: ${platform}\nlang: ${lang}\n${extra}---\n${body}\n`;
const filler = 'Our hygienists tested many brushes this year and this is the one we keep recommending to patients with plaque along the gum line. ';

new RuleTester().run(rule, {
  valid: [
    { name: 'en: #ad at the start', code: draft('en', '#ad Our team tried the new @philipssonicare brush for a month 🦷', 'sponsored: true\n') },
    { name: 'en: Paid partnership at the start', code: draft('en', 'Paid partnership with @itero: our new scanner is here.', 'sponsored: true\n', 'linkedin') },
    { name: 'es: Publicidad at the start', code: draft('es', 'Publicidad | Probamos el nuevo cepillo de @oralb_es 🦷', 'sponsored: true\n') },
    { name: 'es: Patrocinado por at the start', code: draft('es', 'Patrocinado por @isdin. Mi fotoprotector favorito para este verano.') },
    { name: 'it: Pubblicità at the start', code: draft('it', 'Pubblicità – Sponsorizzato da @curasept: il collutorio che uso.') },
    { name: "a clinic's own service post with its own discount code is not a partnership", code: draft('en', 'Back-to-school check-ups 🎒 Use code SCHOOL10 when you book online for 10% off.', 'type: promo\n') },
    { name: 'a campaign in collaboration with a health authority is not a partnership', code: draft('es', 'En colaboración con la Consejería de Sanidad, jornada de vacunación el sábado.') },
    { name: 'it: in collaborazione con l\'ASL', code: draft('it', "In collaborazione con l'ASL Roma 1, sabato giornata di vaccinazione.") },
    { name: '#thanks to volunteers does not make a post sponsored', code: draft('en', 'Thank you to our blood drive volunteers 🩸 #thanks #community') },
    { name: '"we sponsored" is not a label, and no partnership is shown', code: draft('en', 'Our nurses ran the 10K our practice sponsored this year 🏃') },
    { name: 'sponsored: false is trusted', code: draft('en', 'Loving my new brush from @oralb! Use my code DRJEN15 for 15% off.', 'sponsored: false\n') },
    { name: 'a discount code with the own handle only', code: draft('en', 'Follow @smileclinic and use code SMILE10 at booking.'), settings: { ownHandles: ['smileclinic'] } },
    { name: 'foldLength: a longer fold accepts a later label', code: draft('en', `${filler}#ad`, 'sponsored: true\n', 'x'), options: { foldLength: 400 } },
    { name: 'allowedPhrases: a known non-commercial collaboration', code: draft('en', 'In collaboration with St Mary Hospice, a free talk on grief.'), options: { allowedPhrases: { en: ['in collaboration with St Mary Hospice'] } } },
  ],
  invalid: [
    {
      name: 'en: sponsored: true without any label',
      code: draft('en', 'We tried the new @philipssonicare brush for a month 🦷 #oralhealth', 'sponsored: true\n'),
      errors: [{ kind: 'missing-label', line: 4, message: /^the draft is marked sponsored: true, but the post carries no ad label/ }],
    },
    {
      name: 'en: #ad after the Instagram fold (125)',
      code: draft('en', `${filler}\n\n#ad`, 'sponsored: true\n'),
      errors: [{ kind: 'label-after-fold', message: /comes after the first 125 characters/ }],
    },
    {
      name: 'en: LinkedIn fold is 210, from data/platforms.yaml',
      code: draft('en', `${filler}${filler}Sponsored by @itero`, 'sponsored: true\n', 'linkedin'),
      errors: [{ kind: 'label-after-fold', message: /first 210 characters/ }],
    },
    {
      name: 'en: #ad buried among trailing hashtags, even in a short post',
      code: draft('en', 'Loving the strips from @brightsmile 😁 Use my code DRAMY20!\n#teeth #smile #ad #dentist'),
      errors: [{ kind: 'label-after-fold', message: /buried among the 4 hashtags at the end/ }],
    },
    {
      name: 'en: #sp is ambiguous',
      code: draft('en', 'My go-to mouthwash, thanks @listerine! #sp'),
      errors: [{ kind: 'ambiguous-label', message: /^"#sp" does not tell readers/ }],
    },
    {
      name: 'en: affiliate link',
      code: draft('en', 'The BP monitor I use with my parents: https://amzn.to/3xYz123', '', 'facebook'),
      errors: [{ kind: 'missing-label', message: /affiliate link \(amzn\.to\)/ }],
    },
    {
      name: 'es: código de descuento de una marca',
      code: draft('es', 'Mi fotoprotector favorito de @isdin. Usa el código DERMAPAU15 para un 15% de descuento.'),
      errors: [{ kind: 'missing-label', message: /discount code with @isdin/ }],
    },
    {
      name: 'es: #colab is ambiguous',
      code: draft('es', '¡Gracias @listerine_es por cuidar el aliento de mis pacientes! #colab'),
      errors: [{ kind: 'ambiguous-label' }],
    },
    {
      name: 'es: #publi at the end after the fold, with the Spanish jurisdiction basis',
      code: draft('es', `Nuestras higienistas han probado muchos cepillos este año y este es el que seguimos recomendando a los pacientes con placa en la encía.\n\n¿Lo habéis probado?\n\n#publi`, 'sponsored: true\n'),
      settings: { jurisdictions: ['es'] },
      errors: [{ kind: 'label-after-fold', message: /RD 444\/2024/ }],
    },
    {
      name: 'it: in collaborazione con un marchio',
      code: draft('it', 'In collaborazione con @medtronic_italia, workshop sui nuovi pacemaker.', '', 'linkedin'),
      settings: { jurisdictions: ['it'] },
      errors: [{ kind: 'missing-label', message: /AGCOM/ }],
    },
    {
      name: 'it: #adv tra gli hashtag finali',
      code: draft('it', 'Adoro le strisce di @biorepair_it 😁 Con il mio codice GIULIA20 hai lo sconto!\n#denti #sorriso #adv #dentista'),
      errors: [{ kind: 'label-after-fold' }],
    },
    {
      name: 'extraTerms: a team-specific ambiguous tag',
      code: draft('en', 'Our favourite floss, thanks @glide! #sp #teamglide'),
      options: { extraTerms: { en: { ambiguousTags: ['teamglide'] } } },
      errors: [{ kind: 'ambiguous-label' }],
    },
  ],
});

describe('ad-disclosure helpers and large input', () => {
  it('recognises affiliate links by host, parameter and Amazon tag, not ordinary links', () => {
    expect(isAffiliateLink('https://amzn.to/abc')).toBe(true);
    expect(isAffiliateLink('https://shop.example.com/p?aff=123')).toBe(true);
    expect(isAffiliateLink('https://shop.example.com/p?utm_medium=influencer')).toBe(true);
    expect(isAffiliateLink('https://www.amazon.es/dp/B01?tag=dr-21')).toBe(true);
    expect(isAffiliateLink('https://www.example.com/blog?tag=health')).toBe(false);
    expect(isAffiliateLink('https://www.who.int/news')).toBe(false);
    expect(isAffiliateLink('mailto:info@example.com')).toBe(false);
  });

  it('completes on ~100 KB of repeated near-matches', async () => {
    const piece = 'in collaboration with the ministry @brand use code ABC #thanks #sp sponsored the #ad ';
    const body = piece.repeat(Math.ceil(100_000 / piece.length));
    for (const lang of ['en', 'es', 'it']) {
      const findings = await lintDraftWithRule(rule, { code: draft(lang, body, 'sponsored: true\n') });
      expect(Array.isArray(findings)).toBe(true);
    }
  });

  it('completes on 100 KB of hashtags and mentions', async () => {
    const body = 'text ' + '#tag @user . '.repeat(8000) + '#ad';
    const findings = await lintDraftWithRule(rule, { code: draft('en', body, 'sponsored: true\n') });
    expect(findings.map((finding) => finding.kind)).toEqual(['label-after-fold']);
  });
});
