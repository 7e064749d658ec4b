import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { compileLexicon, CUE_CATEGORIES, FINDING_KINDS, MARKER_CATEGORIES } from './lexicon.js';
import { RuleTester, lintDraftWithRule } from '../../src/rule-tester.js';

const draft = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n${body}\n`;

new RuleTester().run(rule, {
  valid: [
    // General education, public-health guidance, invitations to consult, service posts.
    draft('platform: instagram\nlang: en\ntype: info', 'Adults need 150 minutes of activity a week 🏃 Take the stairs when you can! #movemore'),
    draft('platform: facebook\nlang: en', 'Get your flu shot this autumn: it is free for over-65s and pregnant women.'),
    draft('platform: x\nlang: en\ntype: news', 'The WHO recommends 400 µg of folic acid daily for pregnant women. Source: who.int'),
    draft('platform: x\nlang: en\ntype: reply', '@jenny_runs sorry to hear that! You should talk to your doctor or book a visit with our physio team.'),
    draft('platform: linkedin\nlang: en', "Statins lower the risk of stroke. If you notice muscle aches, don't stop your medication without talking to your doctor first."),
    draft('platform: instagram\nlang: en', 'Think you have the flu? Here are 5 signs to look out for, and when to call your GP.'),
    draft('platform: tiktok\nlang: en', 'Sunscreen 101 ☀️ Apply SPF 30 twenty minutes before going out and reapply every 2 hours.'),
    draft('platform: x\nlang: en', 'Brush your teeth twice a day and floss once a day 🦷 #dentalcare'),
    draft('platform: facebook\nlang: es', 'El ibuprofeno es un antiinflamatorio. Si tienes dudas sobre si es adecuado para ti, pregunta a tu farmacéutico.'),
    draft('platform: instagram\nlang: es\ntype: reply', '@marta.s gracias por escribirnos 🙏 No podemos valorar síntomas por redes. Pide cita con tu médico y te atenderemos.'),
    draft('platform: x\nlang: es', '¿Cuál es el mejor momento para vacunarse de la gripe? Normalmente en octubre. Pregunta en tu centro de salud.'),
    draft('platform: linkedin\nlang: es', 'Los menores de 16 años no deben tomar aspirina salvo indicación médica.'),
    draft('platform: facebook\nlang: it', 'La vitamina D aiuta le ossa. Consulta il tuo medico prima di prendere integratori.'),
    draft('platform: instagram\nlang: it', 'Protezione solare ☀️ Applica una crema SPF 30 e riapplicala ogni 2 ore. #estate'),
    draft('platform: x\nlang: it', 'Se hai la febbre alta da più di tre giorni, contatta il tuo medico. #salute'),
    draft('platform: facebook\nlang: it\ntype: promo', 'Apre il nostro ambulatorio di dermatologia: controllo dei nei il martedì e il giovedì. Prenota una visita!'),
    { name: 'a language without a lexicon is not judged', code: draft('platform: x\nlang: pt', 'Tome 400 mg de ibuprofeno a cada 6 horas.') },
    {
      name: 'strictReplies off: a softer assessment in a reply passes',
      code: draft('platform: x\nlang: en\ntype: reply', "It's probably just a virus, rest up."),
      options: { strictReplies: false },
    },
    {
      name: 'allowedPhrases blank out a phrase the team accepts',
      code: draft('platform: facebook\nlang: en', 'Take 2 tablets every 8 hours, as the box says.'),
      options: { allowedPhrases: { en: ['Take 2 tablets every 8 hours'] } },
    },
    {
      name: 'settings.vocabulary.accept works like allowedPhrases',
      code: draft('platform: facebook\nlang: es', 'Toma un antibiótico solo si te lo receta tu médico.'),
      settings: { vocabulary: { accept: { es: ['toma un antibiótico'] }, reject: {} } },
    },
    {
      name: 'a higher threshold lets a borderline dose instruction pass',
      code: draft('platform: facebook\nlang: en', 'Apply the cream 3 times a day for a week.'),
      options: { threshold: 4 },
    },
  ],
  invalid: [
    {
      code: draft('platform: x\nlang: en\ntype: reply', '@jenny_runs Take 400 mg of ibuprofen every 6 hours with food.'),
      errors: [{ kind: 'treatment', line: 6, column: 1, message: /"@j•+_•+ Take 400 mg of ibuprofen every 6 hours with food\."[^]*cue: "Take 400 mg of ibuprofen"/ }],
    },
    { code: draft('platform: x\nlang: en', 'Honestly, stop taking your statins for a month.'), errors: [{ kind: 'treatment' }] },
    { code: draft('platform: facebook\nlang: en', 'Hi Mark, you have a sinus infection.'), errors: [{ kind: 'diagnosis', message: /tells someone what condition they have/ }] },
    { code: draft('platform: threads\nlang: en', '@maria with those symptoms you should rest and drink plenty of fluids.'), errors: [{ kind: 'personal' }] },
    { code: draft('platform: instagram\nlang: en', 'DM me a photo of the rash and I will tell you what it is 📸'), errors: [{ kind: 'personal' }] },
    { code: draft('platform: tiktok\nlang: en', 'Fever? Give them 15 mg/kg of paracetamol every 6 hours.'), errors: [{ kind: 'dose', column: 8 }] },
    {
      name: 'one finding per advising sentence, at its line',
      code: draft('platform: facebook\nlang: en\ntype: reply', 'Hi Tom, sorry to hear that.\n\nIt is nothing serious, just a pulled muscle. Take ibuprofen and rest it for 3 days.'),
      errors: [{ kind: 'diagnosis', line: 8, column: 1 }, { kind: 'treatment', line: 8 }],
    },
    { code: draft('platform: instagram\nlang: es', 'Toma un antibiótico y en dos días estás bien.'), errors: [{ kind: 'treatment' }] },
    { code: draft('platform: x\nlang: es', '@jorge_81 deja la medicación unos días.'), errors: [{ kind: 'treatment' }] },
    { code: draft('platform: facebook\nlang: es', 'Hola Carmen, lo que tienes es ansiedad.'), errors: [{ kind: 'diagnosis' }] },
    { code: draft('platform: x\nlang: es\ntype: reply', '@beto_r para un niño de 15 kilos son 7,5 ml cada 6 horas.'), errors: [{ kind: 'dose' }] },
    { code: draft('platform: instagram\nlang: it', 'Prendi la tachipirina due volte al giorno.'), errors: [{ kind: 'treatment' }] },
    { code: draft('platform: facebook\nlang: it', 'Sospendi la terapia e vedrai che stai meglio.'), errors: [{ kind: 'treatment' }] },
    { code: draft('platform: x\nlang: it', '@luca hai sicuramente una gastrite.'), errors: [{ kind: 'diagnosis', message: /"@l••• hai sicuramente una gastrite\."/ }] },
    { code: draft('platform: threads\nlang: it\nreply_to: commento-12', 'Prendine 20 gocce ogni 8 ore.'), errors: [{ kind: 'dose', message: /in a reply/ }] },
    {
      name: 'a reply judged strictly: a softer assessment is enough',
      code: draft('platform: x\nlang: en\ntype: reply', "It's probably just a virus, rest up."),
      errors: [{ kind: 'diagnosis', severity: 'error' }],
    },
    {
      name: 'the same assessment in a general post needs more to be advice',
      code: draft('platform: x\nlang: en', "Runny nose and sneezing? It's probably just a cold, but you have a sinus infection if it lasts 10 days."),
      errors: [{ kind: 'diagnosis', message: /cue: "you have a sinus infection"/ }],
    },
    {
      name: 'extraTerms add a local brand to the drug list',
      code: draft('platform: instagram\nlang: es', 'Toma un Zorbaxil y listo.'),
      options: { extraTerms: { es: { drug: ['Zorbaxil'] } } },
      errors: [{ kind: 'treatment' }],
    },
  ],
});

describe('no-medical-advice findings', () => {
  it('suggest general information plus a consultation, with a rewording in the draft language', async () => {
    const [finding] = await lintDraftWithRule(rule, { code: draft('platform: x\nlang: it', 'Prendi la tachipirina due volte al giorno.') });
    expect(finding.suggestion).toMatch(/book a consultation/);
    expect(finding.suggestion).toContain('Prenota una visita');
    expect(finding.severity).toBe('error');
  });

  it('judges the same words differently in an info post and in a reply', async () => {
    const body = 'No need to see a doctor, it will pass on its own.';
    expect(await lintDraftWithRule(rule, { code: draft('platform: x\nlang: en', body) })).toHaveLength(0);
    expect(await lintDraftWithRule(rule, { code: draft('platform: x\nlang: en', `@ana ${body}`) })).toHaveLength(1);
  });

  it('leaves the lexicon untouched for a language without extra terms', async () => {
    const code = draft('platform: instagram\nlang: es', 'Toma un Zorbaxil y listo.');
    expect(await lintDraftWithRule(rule, { code })).toHaveLength(0);
  });

  it('completes on ~100 KB of repeated near-matches without throwing', async () => {
    const nearMatches = [
      'Take your medication as prescribed and talk to your doctor if you have questions about ibuprofen 400 mg. ',
      'If you think you have a sinus infection you you you have have 400 400 mg mg every every 6 hours, ',
      'Toma toma toma nota: si tienes gripe, pide cita con tu médico; el ibuprofeno 600 mg cada 8 horas ',
      "prendi prendi l'l'l' se hai la febbre consulta il medico, tachipirina 1000 mg ogni ogni 8 ore ",
      '@a @b @c stop stop stop taking taking your your blood blood pressure pressure ',
    ];
    for (const [lang, index] of [['en', 0], ['en', 1], ['es', 2], ['it', 3], ['en', 4]] as const) {
      const line = nearMatches[index].repeat(Math.ceil(100_000 / nearMatches[index].length));
      // One giant sentence (no full stops), and the same split into many lines.
      for (const body of [line, line.replace(/, /g, '.\n')]) {
        const findings = await lintDraftWithRule(rule, { code: draft(`platform: x\nlang: ${lang}`, body) });
        expect(Array.isArray(findings)).toBe(true);
        expect(findings.every((finding) => finding.ruleId === 'no-medical-advice')).toBe(true);
      }
    }
  }, 120_000); // parsing 1 MB of Markdown takes a few seconds on a slow machine; no timing is asserted
});

describe('no-medical-advice lexicons', () => {
  const directory = import.meta.dirname;
  for (const language of ['en', 'es', 'it']) {
    it(`lexicon.${language}.yaml has every category, compiles, and offers an alternative per kind`, () => {
      const file = parse(readFileSync(join(directory, `lexicon.${language}.yaml`), 'utf8'));
      expect(file.language).toBe(language);
      for (const category of CUE_CATEGORIES) expect(file.cues[category]?.length, `cues.${category}`).toBeGreaterThan(0);
      for (const category of MARKER_CATEGORIES) expect(file.markers[category]?.length, `markers.${category}`).toBeGreaterThan(0);
      for (const kind of FINDING_KINDS) expect(file.alternatives[kind], `alternatives.${kind}`).toBeTruthy();
      const lexicon = compileLexicon(file, language);
      // Patterns compile when first run: compile every one here so a syntax error shows in the tests.
      for (const group of [lexicon.cues, lexicon.markers]) {
        for (const patterns of Object.values(group)) for (const pattern of patterns) expect(() => pattern.regex, pattern.source.slice(0, 80)).not.toThrow();
      }
    });
  }

  it('reads the same literal clauses off a template as off the expanded pattern', async () => {
    const { requiredLiteralClauses } = await import('../../src/pattern-prefilter.js');
    const sorted = (clauses: string[][] | null) => clauses?.map((clause) => [...clause].sort()).sort();
    for (const language of ['en', 'es', 'it']) {
      const lexicon = compileLexicon(parse(readFileSync(join(import.meta.dirname, `lexicon.${language}.yaml`), 'utf8')), language);
      for (const group of [lexicon.cues, lexicon.markers]) {
        for (const patterns of Object.values(group)) {
          for (const pattern of patterns) expect(sorted(pattern.clauses), pattern.source.slice(0, 80)).toEqual(sorted(requiredLiteralClauses(pattern.source)));
        }
      }
    }
  });

  it('names the file and section of a pattern that does not compile', () => {
    const lexicon = compileLexicon({ terms: {}, cues: { treatment: ['take (ibuprofen'] } }, 'xx');
    expect(() => lexicon.cues.treatment[0].regex).toThrow(/lexicon\.xx\.yaml cues\.treatment: invalid pattern/);
  });

  it('reports an unknown word list by name', () => {
    expect(() => compileLexicon({ terms: {}, cues: { treatment: ['take {pills}'] } }, 'xx')).toThrow(/unknown word list \{pills\}/);
  });
});

describe('scoreSentence with onlyWithAct', () => {
  it('finds advice exactly where the full scoring does, with the same cue', async () => {
    const { readdirSync } = await import('node:fs');
    const { lexiconFor } = await import('./lexicon.js');
    const { scoreSentence, isAdvice, prepareForMatching } = await import('./score.js');
    // Every sentence of the labelled evaluation drafts and the examples, alone and two by two (more cues at once).
    const sentencesOf = (folder: string): string[] => readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .flatMap((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8').replace(/^---[^]*?\n---\n/, '').split(/(?<=[.!?])\s+|\n+/))
      .map((sentence) => sentence.trim())
      .filter(Boolean);
    const root = join(import.meta.dirname, '..', '..');
    let advice = 0;
    for (const language of ['en', 'es', 'it']) {
      const lexicon = lexiconFor(language, {})!;
      const sentences = [...sentencesOf(join(root, 'fixtures', 'eval', 'medical-advice', language)), ...sentencesOf(join(root, 'examples', 'drafts', language))];
      const pairs = sentences.flatMap((sentence, index) => [sentence, `${sentence} ${sentences[(index * 7 + 3) % sentences.length]}`]);
      for (const sentence of pairs) {
        for (const strictReply of [false, true]) {
          const text = prepareForMatching(sentence);
          const full = scoreSentence(text, lexicon, { strictReply });
          const quick = scoreSentence(text, lexicon, { strictReply }, undefined, true);
          expect(isAdvice(quick), sentence).toBe(isAdvice(full));
          if (isAdvice(full)) {
            advice += 1;
            expect(quick, sentence).toEqual(full);
          }
        }
      }
    }
    expect(advice).toBeGreaterThan(50);
  });
});
