// Testimonials and patient imagery need the patient's recorded consent (front matter `consent:`): a
// testimonial post, a quote attributed to a patient, or an image whose alt text or file name suggests a
// patient, an X-ray, a chart or a before/after photo (45 CFR 164.508(a)(3); GDPR art. 9).
import type { MediaItem } from '../../../src/types.js';
import type { Detection } from '../detection.js';
import type { LoadedLexicon } from '../lexicon.js';
import type { DraftCues } from '../cues.js';
import { allMatches } from './clinical-context.js';

/** Quotes attributed to a patient in the visible text. */
export function findPatientQuotes(lexicon: LoadedLexicon, cues: DraftCues): Detection[] {
  return cues.matches(lexicon.testimonialAttributions).map((match) => ({
    kind: 'testimonial-consent' as const,
    start: match.start,
    end: match.end,
    value: match.text,
    masked: '',
    detail: 'quote',
  }));
}

/** "IMG_0423_antes-despues.jpg" -> "IMG 0423 antes despues jpg": file names read as words. */
export function fileNameWords(src: string): string {
  const base = src.split(/[\\/]/).pop() ?? src;
  return base
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/([\p{Ll}])(\p{Lu})/gu, '$1 $2')
    .replace(/[_\-.+%]+/g, ' ');
}

/** Media whose alt text or file name suggests a patient image; offsets are source offsets. */
export function findPatientImages(media: readonly MediaItem[], lexicon: LoadedLexicon): Detection[] {
  const found: Detection[] = [];
  for (const [index, item] of media.entries()) {
    const described = `${item.alt ?? ''} \n ${item.src ? fileNameWords(item.src) : ''}`;
    const cue = allMatches(described, lexicon.imageCues)[0];
    if (!cue) continue;
    found.push({
      kind: 'image-consent',
      start: item.start,
      end: item.end,
      inSource: true,
      value: described,
      masked: `media item ${index + 1}`,
      detail: cue.text.toLowerCase().replace(/\s+/g, ' '),
    });
  }
  return found;
}
