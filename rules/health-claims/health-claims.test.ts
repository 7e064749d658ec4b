// health-claims: claims flagged in en/es/it, near-misses left alone, jurisdictions turning kinds into errors,
// options, and a ~100 KB draft of near-matches that must complete.
import { expect } from 'vitest';
import { RuleTester, lintDraftWithRule } from '../../src/rule-tester.js';
import rule from './index.js';

const draft = (lang: string, body: string, extra = '') => `---\nplatform: instagram\nlang: ${lang}\n${extra}---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'en: the best time to get vaccinated', code: draft('en', 'The best time to get your flu vaccine is early October, before the virus spreads.') },
    { name: 'en: 100% of our staff are vaccinated (a fact about the clinic, not a treatment promise)', code: draft('en', '100% of our staff are vaccinated against flu this season 💙') },
    { name: 'en: a statistic with a source link', code: draft('en', '1 in 3 adults has high blood pressure. Source: https://www.who.int/news-room/fact-sheets/detail/hypertension') },
    { name: 'en: a statistic attributed in words', code: draft('en', 'According to the CDC, 1 in 5 adults has untreated tooth decay.') },
    { name: 'en: antibiotics do not cure colds', code: draft('en', "Antibiotics don't cure colds or flu: rest and fluids do.") },
    { name: 'en: a painless lump is a symptom, not a promise', code: draft('en', 'A painless lump in the breast should always be checked by your GP.') },
    { name: 'en: before and after your surgery', code: draft('en', 'What to do before and after your surgery: stop eating 6 hours before, keep the dressing dry.') },
    { name: 'en: no miracle diet', code: draft('en', "There's no miracle diet, whatever TikTok says.") },
    { name: 'en: best practices are not a superlative about the clinic', code: draft('en', 'Follow the best practices for hand hygiene at home.') },
    { name: 'en: our top dental care tips', code: draft('en', 'Our top dental care tips for summer 🌞') },
    { name: 'en: lab results in 48 hours', code: draft('en', 'Your blood test results in 48 hours, straight to the app.') },
    { name: 'es: sin dolor de espalda (a heading about back pain)', code: draft('es', '# Sin dolor de espalda: 5 ejercicios\n\n1. Gato-camello\n2. Giro sentado') },
    { name: 'es: garantizamos la confidencialidad', code: draft('es', 'Garantizamos la confidencialidad de tu historia clínica.') },
    { name: 'es: el mejor momento para vacunarse', code: draft('es', 'El mejor momento para vacunarse de la gripe es en octubre.') },
    { name: 'es: los antibióticos no curan la gripe', code: draft('es', 'Los antibióticos no curan la gripe ni el resfriado.') },
    { name: 'es: antes y después de la cirugía', code: draft('es', 'Qué hacer antes y después de la cirugía de rodilla.') },
    { name: 'es: estadística con fuente', code: draft('es', '9 de cada 10 adultos tienen caries, según la encuesta nacional de salud oral.') },
    { name: 'it: il miglior modo per prevenire', code: draft('it', 'Il miglior modo per prevenire la carie è lavarsi i denti due volte al giorno.') },
    { name: 'it: aperti 7 giorni su 7', code: draft('it', 'Il punto prelievi è aperto 7 giorni su 7 e 24 ore su 24.') },
    { name: 'it: nodulo indolore', code: draft('it', "Un nodulo indolore al seno va sempre fatto vedere al medico.") },
    { name: 'it: prima e dopo i pasti', code: draft('it', 'Misura la glicemia prima e dopo i pasti per una settimana.') },
    { name: 'it: an offer is not reported without a jurisdiction that bans it', code: draft('it', 'Sconto del 20% sulla pulizia dei denti a settembre.') },
    { name: 'allowedPhrases silences a phrase', code: draft('en', 'Pain-free Fridays: our relaxation class for nervous patients.'), options: { allowedPhrases: { en: ['pain-free fridays'] } } },
    { name: 'settings.vocabulary.accept silences a phrase', code: draft('es', 'Programa Vive sin dolor lumbar: charla gratuita.'), settings: { vocabulary: { accept: { es: ['vive sin dolor'] }, reject: {} } } },
    { name: 'ignoreKinds turns a kind off', code: draft('en', 'Meet the best dentist in Leeds!'), options: { ignoreKinds: ['superlative'] } },
    { name: 'a language without a lexicon is not checked', code: draft('fr', 'Le meilleur dentiste de Paris, résultats garantis.') },
  ],
  invalid: [
    {
      name: 'en: superlative, guarantee, painless, risk-free in one post',
      code: draft('en', 'The best dentist in Madrid! Guaranteed results, painless and risk-free.'),
      errors: [
        { kind: 'superlative', severity: 'warn', line: 5, column: 1, message: /^"The best dentist" ranks the clinic/ },
        { kind: 'guarantee', message: /^"Guaranteed results" promises a result/ },
        { kind: 'painless' },
        { kind: 'risk-free' },
      ],
    },
    { name: 'en: unsourced statistic', code: draft('en', '9 out of 10 dentists recommend an electric toothbrush.'), errors: [{ kind: 'statistic-unsourced', message: /without a link to its source/ }] },
    { name: 'en: a link to the clinic itself is not a source', code: draft('en', 'Flossing reduces gum disease by 40%. Book at https://smile.example.com', ), settings: { ownDomains: ['smile.example.com'] }, errors: [{ kind: 'statistic-unsourced' }] },
    { name: 'en: before & after', code: draft('en', 'Before & after 😍 eight veneers, two visits. #smilemakeover'), errors: [{ kind: 'before-after' }] },
    { name: 'en: miracle and clinically proven', code: draft('en', 'Our miracle cream is clinically proven to reduce wrinkles.'), errors: [{ kind: 'miracle' }, { kind: 'evidence-unsourced' }] },
    { name: 'es: cura milagrosa, resultados garantizados, sin dolor, el mejor', code: draft('es', 'Una cura milagrosa: resultados garantizados y sin dolor. ¡El mejor dentista de Madrid!'), errors: [{ kind: 'miracle' }, { kind: 'guarantee' }, { kind: 'painless' }, { kind: 'superlative' }] },
    { name: 'es: estadística sin fuente', code: draft('es', 'Caminar 30 minutos al día reduce el riesgo de infarto en un 30%.'), errors: [{ kind: 'statistic-unsourced' }] },
    { name: 'it: risultati garantiti, senza dolore, miracoloso, il migliore', code: draft('it', 'Risultati garantiti e senza dolore con il nostro laser miracoloso: il miglior dentista di Roma.'), errors: [{ kind: 'guarantee' }, { kind: 'painless' }, { kind: 'miracle' }, { kind: 'superlative' }] },
    { name: 'it: prima e dopo', code: draft('it', 'Prima e dopo 😍 faccette in ceramica. #primaedopo'), errors: [{ kind: 'before-after' }, { kind: 'before-after' }] },
    {
      name: 'it jurisdiction: an offer is an error citing L. 145/2018 c.525',
      code: draft('it', 'Sconto del 20% sulla prima visita! Prenota ora.'),
      settings: { jurisdictions: ['it'] },
      errors: [{ kind: 'offer', severity: 'error', message: /L\. 145\/2018 art\. 1 c\.525, as amended by D\.L\. 69\/2023/ }],
    },
    {
      name: 'it jurisdiction applies to an English post of the same clinic',
      code: draft('en', 'Free consultation for new patients this month!'),
      settings: { jurisdictions: ['it'] },
      errors: [{ kind: 'offer', severity: 'error' }],
    },
    {
      name: 'es jurisdiction: a cure claim is an error citing RD 1907/1996 art. 4.4',
      code: draft('es', 'Nuestra fototerapia cura la psoriasis en pocas semanas.'),
      settings: { jurisdictions: ['es'] },
      errors: [{ kind: 'cure-claim', severity: 'error', message: /RD 1907\/1996, art\. 4\.4/ }],
    },
    {
      name: 'es jurisdiction: a patient testimonial is an error; an offer a warning',
      code: draft('es', 'Lo que dicen nuestros pacientes ⭐⭐⭐⭐⭐ Primera visita gratis.'),
      settings: { jurisdictions: ['es'] },
      errors: [{ kind: 'testimonial', severity: 'error', message: /RD 1907\/1996, art\. 4\.7/ }, { kind: 'testimonial', severity: 'error' }, { kind: 'offer', severity: 'warn' }],
    },
    {
      name: 'es jurisdiction: type testimonial in front matter',
      code: draft('es', 'Ana nos cuenta cómo volvió a sonreír tras su tratamiento.', 'type: testimonial\n'),
      settings: { jurisdictions: ['es'] },
      errors: [{ kind: 'testimonial', severity: 'error', line: 4 }],
    },
    {
      name: 'eu jurisdiction: cure claims are always unfair (UCPD Annex I pt 17)',
      code: draft('en', 'Our laser programme cures hair loss for good.'),
      settings: { jurisdictions: ['eu'] },
      errors: [{ kind: 'cure-claim', severity: 'error', message: /Directive 2005\/29\/EC, Annex I pt 17/ }],
    },
    {
      name: 'extraTerms adds a pattern to a kind',
      code: draft('es', 'Somos lo más top en implantes de Sevilla.'),
      options: { extraTerms: { es: { superlative: ['\\blo más top\\b'] } } },
      errors: [{ kind: 'superlative', message: /^"lo más top"/ }],
    },
  ],
});

describe('health-claims on large input', () => {
  it('completes on ~100 KB of repeated near-matches in each language', async () => {
    const pieces: Record<string, string> = {
      en: 'the best time to get vaccinated, not painless lump, before and after your surgery, 9 out of, reduces the risk of by 4 ',
      es: 'el mejor momento para, sin dolor de espalda, no curan la gripe, antes y después de la, 9 de cada, reduce el riesgo en ',
      it: 'il miglior modo per, senza dolore al petto, non curano, prima e dopo i pasti, 7 giorni su 7, riduce il rischio del ',
    };
    for (const [lang, piece] of Object.entries(pieces)) {
      const body = piece.repeat(Math.ceil(100_000 / piece.length));
      const findings = await lintDraftWithRule(rule, { code: draft(lang, body) });
      expect(Array.isArray(findings)).toBe(true);
    }
  });

  it('completes on one 100 KB line of letters and spaces with no punctuation', async () => {
    const body = 'miracle '.repeat(2000) + 'a '.repeat(40_000);
    const findings = await lintDraftWithRule(rule, { code: draft('en', body) });
    expect(findings.every((finding) => finding.kind === 'miracle')).toBe(true);
  });
});
