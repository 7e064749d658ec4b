// A person named in a clinical context: "our patient Maria López", "la señora García, operada ayer…",
// "il signor Rossi, ricoverato per…", "Juan fue operado…", "we operated on @lucia_m", "get well soon, Tom!".
// Staff ("Dr. Ruiz", "Ana Gil, our new nurse") and settings.allowedNames are not reported.
import { maskName } from '../../../src/rule-helpers.js';
import type { Sentence } from '../../../src/types.js';
import type { Detection } from '../detection.js';
import { type LoadedLexicon, perLexicon } from '../lexicon.js';
import type { DraftCues } from '../cues.js';
import { matchesAny, sentenceAndNext } from './clinical-context.js';
import {
  type NameSpan, hasStaffRoleAfter, hasStaffTitleBefore, isAllowedName, readNameAfter, readNameBefore, startsWithGivenName,
} from './names.js';

export interface PatientNameInput {
  text: string;
  /** Read only when a courtesy title is found. */
  sentences: () => readonly Sentence[];
  lexicon: LoadedLexicon;
  cues: DraftCues;
  allowedNames: readonly string[];
}

/** Cue lists of this detector that are not lists of the lexicon itself. */
export const patientNameCues = perLexicon((lexicon) => ({
  /** A courtesy title followed by a capitalised word. */
  honorifics: lexicon.honorifics.map((honorific) => `\\b(?:${honorific})(?![\\p{L}])\\.?(?=\\s+\\p{Lu})`),
  /** What makes a sentence with a courtesy title one about care. */
  careWords: [...lexicon.conditions, ...lexicon.clinicalEvents, ...lexicon.clinicalPredicates, ...lexicon.patientWords],
}));

export function findPatientNames({ text, sentences, lexicon, cues, allowedNames }: PatientNameInput): Detection[] {
  const found: Detection[] = [];
  const seen = new Set<string>();
  const accept = (name: NameSpan | undefined, strong: boolean, cue: string) => {
    if (!name) return;
    if (hasStaffTitleBefore(text, name.start, lexicon) || hasStaffRoleAfter(text, name.end, lexicon)) return;
    if (isAllowedName(name, allowedNames)) return;
    // Weak cues (a clinical verb next to a capitalised word) need a known given name or a courtesy title.
    if (!strong && !name.mention && !name.honorific && !startsWithGivenName(name, lexicon)) return;
    const key = `${name.start}:${name.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({
      kind: 'patient-name',
      start: name.start,
      end: name.end,
      value: name.text,
      masked: name.mention ? `@${maskName(name.text.slice(1))}` : maskName(name.tokens.join(' ')),
      detail: cue,
    });
  };

  // 1. "our patient Maria López", "la nostra paziente Giulia".
  for (const cue of cues.matches(lexicon.patientIntroducers)) accept(readNameAfter(text, cue.end, lexicon), true, 'patient');

  // 2. A courtesy title and a name in a sentence about care: "la señora García, operada ayer de cadera".
  const { honorifics, careWords } = patientNameCues(lexicon);
  for (const cue of cues.matches(honorifics)) {
    const name = readNameAfter(text, cue.start, lexicon);
    if (!name?.honorific) continue;
    // "Mrs." may end a sentence for the splitter: read the sentence of the name and the next one.
    const sentence = sentenceAndNext(sentences(), text, cue.start);
    if (matchesAny(text.slice(sentence.start, sentence.end), careWords)) accept(name, true, 'care');
  }

  // 3. A name, then something clinical that happened to that person: "Juan fue operado", "Tom was admitted".
  for (const cue of cues.matches(lexicon.clinicalPredicates)) accept(readNameBefore(text, cue.start, lexicon), false, 'care');

  // 4. The organisation treated someone: "we operated on Maria", "abbiamo operato @marco".
  for (const cue of cues.matches(lexicon.clinicalActions)) accept(readNameAfter(text, cue.end, lexicon), false, 'care');

  // 5. Get-well wishes to a named person, before or after: "Get well soon, @tom!", "¡Lucía, mejórate pronto!".
  for (const cue of cues.matches(lexicon.wellWishes)) {
    accept(readNameAfter(text, cue.end, lexicon), true, 'wish');
    const before = readNameBefore(text, cue.start - (/[,!¡\s]*$/u.exec(text.slice(Math.max(0, cue.start - 4), cue.start))?.[0].length ?? 0), lexicon);
    if (before && cue.start - before.end <= 4) accept(before, true, 'wish');
  }
  return found;
}
