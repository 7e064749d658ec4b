// The candidate-position emoji scan finds exactly what scanning every position finds.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { extractEmojiWithIndices, emojiSequencePattern } from '../../src/counting/emoji.js';

const EMOJI_SEQUENCE = emojiSequencePattern();

const reference = (text: string) => [...text.matchAll(EMOJI_SEQUENCE)].map((match) => ({ emoji: match[0], indices: [match.index!, match.index! + match[0].length] }));
const pieces = [
  'a', 'ñ', ' ', '#', '*', '1', '7', '\uFE0F', '\u20E3', '©', '®', '™', '☺', '❤', '❤️', '🦷', '👩🏽‍⚕️', '👨‍👩‍👧‍👦', '🇪🇸', '🇮🇹', '🇪', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏻', '\u200D',
  '☀️', '⌚', '↔', '‼', '〰', '🅰', '🈁', '€', '…', '中', '\ud83d', '\ude00', '1️⃣', '#️⃣', '*⃣',
];

describe('extractEmojiWithIndices', () => {
  it('equals the every-position scan on any mix of emoji parts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(extractEmojiWithIndices(text)).toEqual(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('countGraphemes on long texts', () => {
  it('counts in windows exactly what one pass of Intl.Segmenter counts', async () => {
    const { countGraphemes } = await import('../../src/counting/index.js');
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, 'é', 'e\u0301', '\r\n', 'ab'), { minLength: 500, maxLength: 1500 }).map((parts) => parts.join('')), (text) => {
        expect(countGraphemes(text)).toBe([...segmenter.segment(text)].length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('offsetAfterGraphemes', () => {
  it('finds where cluster number n starts exactly as Intl.Segmenter does', async () => {
    const { offsetAfterGraphemes } = await import('../../src/counting/length.js');
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const mixed = [...pieces, 'é', 'e\u0301', '\r\n', '\r', '\n', 'ab', 'o\u0308', '\u0915\u094D\u0937', 'ﷺ', '\u00AD'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...mixed), { maxLength: 60 }).map((parts) => parts.join('')), fc.nat(80), (text, count) => {
        const starts = [...segmenter.segment(text)].map((segment) => segment.index);
        expect(offsetAfterGraphemes(text, count)).toBe(starts[count]);
      }),
      { numRuns: 5000 },
    );
  });
});
