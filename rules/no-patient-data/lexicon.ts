// The words and patterns of no-patient-data, one YAML file per language (lexicon.<lang>.yaml beside this file).
// Patterns are regular expressions as in every medpost data file: case-insensitive, Unicode, `\b` Unicode-aware.
// Adding a language means adding a file; a draft is read with the lexicons of every configured language, so
// a Spanish sentence in an English post is still understood.
import { ruleData } from '../../src/data-files.js';

export interface PatientDataLexicon {
  /** Words right before a nine-digit number that make it a US Social Security number. */
  ssnContext: string[];
  /** Words right before a ten-digit number that make it an NHS number. */
  nhsContext: string[];
  /** Words right before a number that make it something other than a phone number (order, ISBN, licence…). */
  notPhoneContext: string[];
  /** Role mailboxes of an organisation ("citas", "prenotazioni"): not personal addresses. */
  roleMailboxes: string[];
  /** Free webmail providers: role names there are personal addresses. */
  webmailDomains: string[];
  /** Cues of a medical record / case / chart number; the number follows. */
  medicalRecordCues: string[];
  /** Words between the cue and the number: "number", "nº", "n.". */
  recordNumberConnectors: string[];
  /** Cues of a date of birth; the date follows. */
  dateOfBirthCues: string[];
  /** Month names and abbreviations. */
  months: string[];
  /** Words inside dates: "of", "de", "del". */
  dateConnectors: string[];
  /** Right before a name: the name is a patient's ("our patient", "la paciente"). */
  patientIntroducers: string[];
  /** Courtesy titles before a name ("Mrs", "señora", "signora"). */
  honorifics: string[];
  /** Titles of clinicians before a name: those are staff ("Dr", "Dra", "dott.ssa"). */
  staffTitles: string[];
  /** Right after a name: the person is staff ("our new cardiologist", "nuestra enfermera"). */
  staffRoles: string[];
  /** Right after a name: something clinical happened to that person ("was diagnosed", "fue operada"). */
  clinicalPredicates: string[];
  /** Right before a name: the organisation treated that person ("we operated on", "hemos atendido a"). */
  clinicalActions: string[];
  /** Diseases, injuries, procedures. */
  conditions: string[];
  /** Clinical events told in the past ("admitted", "operated", "diagnosed"). */
  clinicalEvents: string[];
  /** One individual's age ("a 45-year-old", "una mujer de 45 años", "una 45enne"). */
  individualAges: string[];
  /** Right before a place name ("from", "vecina de", "residente a"); the capitalised place follows. */
  placeCues: string[];
  /** Recent time ("yesterday", "esta mañana", "stamattina"). */
  recentTimes: string[];
  /** Get-well wishes ("get well soon", "mejórate pronto", "guarisci presto"). */
  wellWishes: string[];
  /** Words that make a sentence about patients (for honorific names, rooms, addresses). */
  patientWords: string[];
  /** Room words: reported only near patient words. */
  roomCues: string[];
  /** Bed words: a bed number is a patient's. */
  bedCues: string[];
  /** "lives at", "vive en", "domicilio": an address after them is someone's home. */
  residenceCues: string[];
  /** Street types ("street", "calle", "via"). */
  streetTypes: string[];
  /** A quote attributed to a patient ("says our patient", "nos cuenta nuestra paciente"). */
  testimonialAttributions: string[];
  /** Words in an image's alt text or file name that suggest a patient, an X-ray, a chart, a before/after photo. */
  imageCues: string[];
  /** In a reply: phrases that confirm the reviewer is or was a patient. */
  replyConfirmations: string[];
  /** Common given names (national statistics): a capitalised word among them is a person's name. */
  givenNames: string[];
  /** Capitalised words that are never names (weekdays, months, institutions…). */
  notNames: string[];
  /** Relative pronouns between a name and what happened to the person ("Maria, who recovered…"). */
  relativePronouns: string[];
  /** Lower-case words inside names ("de", "del", "di", "van"). */
  nameParticles: string[];
}

const KEYS: Array<keyof PatientDataLexicon> = [
  'ssnContext', 'nhsContext', 'notPhoneContext', 'roleMailboxes', 'webmailDomains', 'medicalRecordCues',
  'recordNumberConnectors', 'dateOfBirthCues', 'months', 'dateConnectors', 'patientIntroducers', 'honorifics',
  'staffTitles', 'staffRoles', 'clinicalPredicates', 'clinicalActions', 'conditions', 'clinicalEvents',
  'individualAges', 'placeCues', 'recentTimes', 'wellWishes', 'patientWords', 'roomCues', 'bedCues',
  'residenceCues', 'streetTypes', 'testimonialAttributions', 'imageCues', 'replyConfirmations', 'givenNames',
  'notNames', 'relativePronouns', 'nameParticles',
];

export interface LoadedLexicon extends PatientDataLexicon {
  /** Folded given names and non-names, for fast look-ups. */
  givenNameSet: ReadonlySet<string>;
  notNameSet: ReadonlySet<string>;
  particleSet: ReadonlySet<string>;
  languages: string[];
}

const cache = new Map<string, LoadedLexicon>();

/** The merged lexicon of the given languages (those without a file are skipped). */
export function lexiconFor(languages: readonly string[]): LoadedLexicon {
  const wanted = [...new Set(languages)].sort();
  const key = wanted.join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const merged = Object.fromEntries(KEYS.map((name) => [name, [] as string[]])) as unknown as PatientDataLexicon;
  const loaded: string[] = [];
  for (const language of wanted) {
    const data = ruleData<Partial<Record<keyof PatientDataLexicon, unknown>>>(import.meta.url, `lexicon.${language}.yaml`);
    if (!data) continue;
    loaded.push(language);
    for (const name of KEYS) {
      const value = data[name];
      if (value === undefined || value === null) continue;
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        throw new Error(`no-patient-data: lexicon.${language}.yaml: '${name}' must be a list of strings`);
      }
      merged[name].push(...(value as string[]));
    }
  }
  const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const lexicon: LoadedLexicon = {
    ...merged,
    givenNameSet: new Set(merged.givenNames.map(fold)),
    notNameSet: new Set(merged.notNames.map(fold)),
    particleSet: new Set(merged.nameParticles.map((word) => word.toLowerCase())),
    languages: loaded,
  };
  cache.set(key, lexicon);
  return lexicon;
}

/**
 * A value derived from a merged lexicon (patterns built from its lists, cue lists joined), computed once per
 * lexicon: thousands of drafts are read with the same one, and rebuilding a pattern means hashing its source again.
 */
export function perLexicon<T>(build: (lexicon: LoadedLexicon) => T): (lexicon: LoadedLexicon) => T {
  const built = new WeakMap<LoadedLexicon, T>();
  return (lexicon) => {
    let value = built.get(lexicon);
    if (value === undefined) {
      value = build(lexicon);
      built.set(lexicon, value);
    }
    return value;
  };
}
