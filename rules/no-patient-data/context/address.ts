// Street addresses of individuals: "Calle Mayor 12", "via Roma 15", "221 Baker Street", reported when the
// sentence says someone lives there, or is about patients, or the draft is a reply. Venue and clinic addresses
// in event posts are not reported; the organisation's own addresses (settings.contact.addresses) never are.
import { compilePattern, foldText, maskValue } from '../../../src/rule-helpers.js';
import type { Sentence } from '../../../src/types.js';
import { type Detection, execAll } from '../detection.js';
import { type LoadedLexicon, perLexicon } from '../lexicon.js';
import type { DraftCues } from '../cues.js';
import { matchesAny, sentenceAround } from './clinical-context.js';

const WORD = "[\\p{L}\\p{M}'’.\\-]+";

export interface AddressInput {
  text: string;
  /** Read only when a street address is found. */
  sentences: () => readonly Sentence[];
  lexicon: LoadedLexicon;
  cues: DraftCues;
  ownAddresses: readonly string[];
  isReply: boolean;
}

export const addressPatterns = perLexicon((lexicon) => {
  const types = `(?:${lexicon.streetTypes.join('|')})`;
  return {
    // Type first ("Calle Mayor, 12", "via Roma 15") or number first ("221 Baker Street").
    shapes: lexicon.streetTypes.length === 0 ? [] : [
      `\\b${types}\\.?\\s+((?:${WORD}\\s+){0,4}?${WORD}),?\\s*(?:n[º°o.]?\\s*)?\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`,
      `(?<![\\p{L}\\p{N}])\\d{1,5}[a-z]?,?\\s+((?:${WORD}\\s+){0,3}?)${types}\\b`,
    ],
    /** What makes an address someone's: a residence cue or a sentence about a patient. */
    personContext: [...lexicon.residenceCues, ...lexicon.patientWords, ...lexicon.patientIntroducers],
  };
});

export function findAddresses({ text, sentences, lexicon, cues, ownAddresses, isReply }: AddressInput): Detection[] {
  const found: Detection[] = [];
  const { shapes, personContext } = addressPatterns(lexicon);
  const candidates: Array<{ start: number; end: number; value: string; name: string }> = [];
  for (const shape of shapes) {
    if (!cues.mayMatch(shape)) continue;
    for (const match of execAll(compilePattern(shape), text)) {
      const start = match.index ?? 0;
      candidates.push({ start, end: start + match[0].length, value: match[0], name: match[1] ?? '' });
    }
  }
  for (const candidate of candidates) {
    // A street name is written with a capital: "via email 24" is not an address.
    const firstWord = candidate.name.split(/\s+/).find((word) => word && !lexicon.particleSet.has(word.toLowerCase()));
    if (firstWord && !/^\p{Lu}|^\d/u.test(firstWord)) continue;
    if (!firstWord && !/\p{Lu}/u.test(candidate.value)) continue;
    if (isOwnAddress(candidate.value, ownAddresses)) continue;
    const sentence = sentenceAround(sentences(), text, candidate.start);
    const passage = text.slice(sentence.start, sentence.end);
    if (!isReply && !matchesAny(passage, personContext)) continue;
    if (found.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
    found.push({ kind: 'address', start: candidate.start, end: candidate.end, value: candidate.value, masked: maskValue(candidate.value, 2, 0) });
  }
  return found;
}

/** Folded, without punctuation: "C/ Mayor, 12" and "c/ mayor 12" compare equal. */
function normaliseAddress(value: string): string {
  return foldText(value).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function isOwnAddress(value: string, ownAddresses: readonly string[]): boolean {
  const candidate = normaliseAddress(value);
  if (!candidate) return false;
  return ownAddresses.some((own) => {
    const normalised = normaliseAddress(own);
    return normalised.includes(candidate) || candidate.includes(normalised);
  });
}
