// Replies to reviews and comments must not confirm that someone is or was a patient ("your visit last
// Tuesday", "como paciente nuestro", "durante il suo ricovero"): HHS OCR fined practices for exactly this
// (Elite Dental 2019, New Vision Dental 2022, Manasa Health Center 2023).
import type { Detection } from '../detection.js';
import type { LoadedLexicon } from '../lexicon.js';
import type { DraftCues } from '../cues.js';

export function findReplyConfirmations(lexicon: LoadedLexicon, cues: DraftCues): Detection[] {
  return cues.matches(lexicon.replyConfirmations).map((match) => ({
    kind: 'reply-confirms-patient' as const,
    start: match.start,
    end: match.end,
    value: match.text,
    // The phrase may carry a detail ("your visit last Tuesday"): only its first word is printed.
    masked: `${match.text.split(/\s+/)[0]} …`,
  }));
}
