// Emoji sequences as X counts them (twitter-text uses twemoji-parser): a whole sequence — ZWJ family, skin tone,
// flag, keycap, tag sequence — is one emoji. Node 20's RegExp `v` flag knows the RGI emoji sequences (\p{RGI_Emoji});
// twemoji also takes keycaps without U+FE0F ('1⃣') and single pictographs in text presentation ('☺'),
// but not ©, ® and ™ unless U+FE0F follows them.

export interface ExtractedEmoji {
  emoji: string;
  /** UTF-16 offsets, end exclusive. */
  indices: [number, number];
}

// Built with `new RegExp` because the TypeScript target predates the `v` flag.
const EMOJI_SEQUENCE = new RegExp(
  [
    '\\p{RGI_Emoji}',
    '[#*0-9]\\uFE0F?\\u20E3',
    '[\\u00A9\\u00AE\\u2122]\\uFE0F',
    '[\\p{Extended_Pictographic}--[\\u00A9\\u00AE\\u2122]][\\uFE0F\\u{1F3FB}-\\u{1F3FF}]?',
  ].join('|'),
  'gv',
);

/** The emoji sequences in a text, in order. */
export function extractEmojiWithIndices(text: string): ExtractedEmoji[] {
  const found: ExtractedEmoji[] = [];
  for (const match of text.matchAll(EMOJI_SEQUENCE)) {
    const start = match.index ?? 0;
    found.push({ emoji: match[0], indices: [start, start + match[0].length] });
  }
  return found;
}

/** How many emoji sequences a text holds. */
export function countEmoji(text: string): number {
  return extractEmojiWithIndices(text).length;
}
