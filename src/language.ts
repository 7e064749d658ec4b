// Language of a draft without `lang`: franc, restricted to the configured languages.
// franc builds trigram tables for 187 languages when imported, so it is loaded only when a draft needs it.

/** ISO 639-1 -> ISO 639-3 (franc's codes) for the languages a clinic is likely to post in. */
const ISO_639_3: Record<string, string> = {
  en: 'eng', es: 'spa', it: 'ita', pt: 'por', fr: 'fra', de: 'deu', ca: 'cat', gl: 'glg', eu: 'eus', nl: 'nld',
  ro: 'ron', pl: 'pol', sv: 'swe', da: 'dan', nb: 'nob', fi: 'fin', el: 'ell', tr: 'tur', ar: 'arb', zh: 'cmn',
  ja: 'jpn', ru: 'rus', uk: 'ukr', cs: 'ces', hu: 'hun',
};

/** Below this many letters a guess is noise: the configured default language is used. */
export const MIN_DETECTABLE_LENGTH = 20;

type Franc = (value: string, options: { only: string[]; minLength: number }) => string;
let francPromise: Promise<Franc> | undefined;

export async function detectLanguage(text: string, languages: readonly string[]): Promise<string | undefined> {
  if (languages.length === 1) return languages[0];
  const sample = text.replace(/https?:\/\/\S+|[#@][\p{L}\p{N}_]+/gu, ' ');
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_DETECTABLE_LENGTH) return undefined;
  const only = languages.map((language) => ISO_639_3[language]).filter(Boolean);
  if (only.length === 0) return undefined;
  francPromise ??= import('franc').then((module) => module.franc as Franc);
  const franc = await francPromise;
  const code = franc(sample, { only, minLength: MIN_DETECTABLE_LENGTH });
  if (code === 'und') return undefined;
  return languages.find((language) => ISO_639_3[language] === code);
}

/** 'es-ES', 'ES', 'es_MX' -> 'es' */
export function normalizeLanguageTag(value: string): string {
  return value.trim().toLowerCase().split(/[-_]/)[0];
}
