// Room and bed numbers of patients: "bed 4", "habitación 214", "letto 12", "stanza 3" in a sentence about
// patients or care (a conference "Room 3" is not reported). A number followed by a unit ("cama 2 días") is a
// quantity, not a bed.
import { compilePattern, maskValue } from '../../../src/rule-helpers.js';
import type { Sentence } from '../../../src/types.js';
import { type Detection, execAll } from '../detection.js';
import { type LoadedLexicon, perLexicon } from '../lexicon.js';
import type { DraftCues } from '../cues.js';
import { matchesAny, sentenceAround } from './clinical-context.js';

const NUMBER_AFTER = '\\s*(?:n[º°o.]\\s*|#\\s*|nr\\.?\\s*|number\\s+|número\\s+|numero\\s+)?(\\d{1,4}[a-z]?)(?![\\p{L}\\p{N}])';
const UNIT_AFTER = /^\s*(?:%|[-–]|days?|d[ií]as|giorni|weeks?|semanas|settimane|hours?|horas|ore|minutes?|minutos|minuti|nights?|noches|notti|times|veces|volte|months?|meses|mesi|beds?|camas|letti|rooms?|habitaciones|stanze|camere|persons?|people|personas|persone|y\s|o\s|e\s|or\s|and\s)/i;

export const roomBedPatterns = perLexicon((lexicon) => {
  const cues = [...lexicon.bedCues, ...lexicon.roomCues];
  return {
    /** A room or bed word and its number. */
    numbered: cues.length > 0 ? `(?:${cues.join('|')})${NUMBER_AFTER}` : undefined,
    // Conditions alone are not enough: "our diabetes talk in Room 3" is an event.
    context: [...lexicon.patientWords, ...lexicon.clinicalEvents, ...lexicon.honorifics.map((word) => `\\b(?:${word})\\.?\\s+\\p{Lu}`)],
  };
});

/** `sentences` is read only when a numbered room or bed is found. */
export function findRoomsAndBeds(text: string, sentences: () => readonly Sentence[], lexicon: LoadedLexicon, cues: DraftCues): Detection[] {
  const found: Detection[] = [];
  const { numbered, context } = roomBedPatterns(lexicon);
  if (numbered === undefined || !cues.mayMatch(numbered)) return found;
  for (const match of execAll(compilePattern(numbered), text)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (UNIT_AFTER.test(text.slice(end, end + 14))) continue;
    const sentence = sentenceAround(sentences(), text, start);
    if (!matchesAny(text.slice(sentence.start, sentence.end), context)) continue;
    const number = match[1];
    const cue = match[0].slice(0, match[0].length - number.length).trim();
    found.push({ kind: 'room-bed', start, end, value: match[0], masked: `${cue} ${maskValue(number, 0, 0).replace(/[\p{L}\p{N}]/gu, '•')}` });
  }
  return found;
}
