// Emoji sequences as X counts them (twitter-text uses twemoji-parser): a whole sequence — ZWJ family, skin tone,
// flag, keycap, tag sequence — is one emoji. Node 20's RegExp `v` flag knows the RGI emoji sequences (\p{RGI_Emoji});
// twemoji also takes keycaps without U+FE0F ('1⃣') and single pictographs in text presentation ('☺'),
// but not ©, ® and ™ unless U+FE0F follows them.

export interface ExtractedEmoji {
  emoji: string;
  /** UTF-16 offsets, end exclusive. */
  indices: [number, number];
}

const EMOJI_SEQUENCE_SOURCE = [
  '\\p{RGI_Emoji}',
  '[#*0-9]\\uFE0F?\\u20E3',
  '[\\u00A9\\u00AE\\u2122]\\uFE0F',
  '[\\p{Extended_Pictographic}--[\\u00A9\\u00AE\\u2122]][\\uFE0F\\u{1F3FB}-\\u{1F3FF}]?',
].join('|');
// Built with `new RegExp` because the TypeScript target predates the `v` flag.
/** The reference scan: every position (kept for the tests that check the fast scan against it). */
export function emojiSequencePattern(): RegExp {
  return new RegExp(EMOJI_SEQUENCE_SOURCE, 'gv');
}
/** The same pattern, tried only where it is told to (sticky). Built on first use: \p{RGI_Emoji} takes ~12 ms. */
let emojiSequenceAt: RegExp | undefined;
/**
 * Where an emoji sequence can start: a pictograph, a regional indicator (flags), a skin-tone modifier, a keycap
 * base followed by U+FE0F or U+20E3, or ©®™ followed by U+FE0F. \p{RGI_Emoji} is slow to try at every position
 * of a text; this class is cheap, and the full pattern then runs only at these places.
 */
const EMOJI_START = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]|[#*0-9](?=[\uFE0F\u20E3])/gu;

/** The emoji sequences in a text, in order. */
export function extractEmojiWithIndices(text: string): ExtractedEmoji[] {
  const found: ExtractedEmoji[] = [];
  EMOJI_START.lastIndex = 0;
  for (let candidate = EMOJI_START.exec(text); candidate !== null; candidate = EMOJI_START.exec(text)) {
    emojiSequenceAt ??= new RegExp(EMOJI_SEQUENCE_SOURCE, 'yv');
    emojiSequenceAt.lastIndex = candidate.index;
    const match = emojiSequenceAt.exec(text);
    if (!match) continue;
    const start = candidate.index;
    found.push({ emoji: match[0], indices: [start, start + match[0].length] });
    EMOJI_START.lastIndex = start + match[0].length;
  }
  return found;
}

/** How many emoji sequences a text holds. */
export function countEmoji(text: string): number {
  return extractEmojiWithIndices(text).length;
}
