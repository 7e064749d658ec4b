// One individual described by age together with a condition and something that places them (a town, a recent
// day, "our patient"): "a 45-year-old woman from Getafe with breast cancer", "ieri abbiamo operato una 70enne".
// Without a name, such a combination still lets neighbours and relatives recognise the person
// (HHS OCR guidance on indirect identifiers; 45 CFR 164.514(b)(2)(ii)).
import { foldText, maskName, maskValue } from '../../../src/rule-helpers.js';
import type { Sentence } from '../../../src/types.js';
import type { Detection } from '../detection.js';
import type { LoadedLexicon } from '../lexicon.js';
import type { DraftCues } from '../cues.js';
import { allMatches, matchesAny, sentenceAndNext } from './clinical-context.js';

const PLACE_AFTER_CUE = /^\s+(?:(?:de|del|di|la|el|le|lo|los|las|the)\s+)?(\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+)?)/u;

export function findPlace(text: string, lexicon: LoadedLexicon): string | undefined {
  for (const cue of allMatches(text, lexicon.placeCues)) {
    const place = PLACE_AFTER_CUE.exec(text.slice(cue.end, cue.end + 40));
    if (!place) continue;
    const firstWord = foldText(place[1].split(/\s+/)[0]);
    if (lexicon.notNameSet.has(firstWord)) continue;
    return place[1];
  }
  return undefined;
}

/** `sentences` is read only when an individual's age is found. */
export function findAgeConditionPlace(text: string, sentences: () => readonly Sentence[], lexicon: LoadedLexicon, cues: DraftCues): Detection[] {
  const found: Detection[] = [];
  const reported: Array<{ start: number; end: number }> = [];
  for (const age of cues.matches(lexicon.individualAges)) {
    const window = sentenceAndNext(sentences(), text, age.start);
    if (reported.some((range) => range.start === window.start)) continue;
    const passage = text.slice(window.start, window.end);
    const hasCondition = matchesAny(passage, lexicon.conditions) || matchesAny(passage, lexicon.clinicalEvents);
    if (!hasCondition) continue;
    const place = findPlace(passage, lexicon);
    const recent = matchesAny(passage, lexicon.recentTimes);
    const ours = matchesAny(passage, lexicon.patientIntroducers);
    if (!place && !recent && !ours) continue;
    reported.push(window);
    const what = [place ? `place ${maskName(place)}` : '', recent ? 'a recent date' : '', ours ? '"our patient"' : ''].filter(Boolean).join(', ');
    found.push({
      kind: 'age-condition-place',
      start: age.start,
      end: age.end,
      value: age.text,
      masked: maskValue(age.text, 2, 0),
      detail: what,
    });
  }
  return found;
}
