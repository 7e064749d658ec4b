import fc from 'fast-check';
import {
  certainlyFits, countGraphemes, countCodePoints, countUtf16Units, countUtf8Bytes, countMastodonLength, countXWeightedLength, measureLength,
  COUNTING_METHODS,
} from '../../src/counting/index.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesBySegmenter = (text: string) => [...segmenter.segment(text)].length;

describe('countGraphemes', () => {
  it.each([
    ['mixed ASCII, CR LF, combining marks, ZWJ, flags, Hangul and prepend marks', ['a', ' ', '\r', '\n', 'é', 'e\u0301', '\u0301', '👨‍👩‍👧', '\u200d', '🇪', '🇸', '한', 'ᄀ', 'ᅡ', '\u0600', '1', '\ufe0f', '🏽', '€', '…']],
    ['Latin-1 and Latin Extended letters, controls and no-break spaces among the rest', ['ñ', 'À', 'ſ', 'ǅ', '\u00ad', '\u0085', '\u00a0', '\u02ff', 'ʰ', 'o\u0308', '\u0308', '\u200d', '\u0903', '\u0600', '🇮', '🇹', '👍🏽', '\r', '\n', 'a']],
  ])('agrees with Intl.Segmenter on %s', (_, pieces) => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      return countGraphemes(text) === graphemesBySegmenter(text);
    }), { numRuns: 5000 });
  });
  it('counts each character below U+0300 as a cluster of its own, next to any other of them, but CR LF', () => {
    // What graphemePieces relies on, for every pair: each text is one character followed by every character in turn.
    const characters = Array.from({ length: 0x300 }, (_, code) => String.fromCharCode(code));
    for (const first of characters) {
      const text = characters.map((second) => first + second).join('');
      const starts = new Set([...segmenter.segment(text)].map((segment) => segment.index));
      const mismatches = [...text].flatMap((_, index) => (starts.has(index) === (text[index - 1] !== '\r' || text[index] !== '\n') ? [] : [index]));
      expect(mismatches, `after U+${first.charCodeAt(0).toString(16)}`).toEqual([]);
    }
  });
  it('counts long texts (stretches below U+0300 counted directly)', () => {
    expect(countGraphemes('Buongiorno a tutti! Perché è così? '.repeat(3000))).toBe(35 * 3000);
  });
});

describe('each unit on Spanish and Italian text, €, … and emoji', () => {
  const text = 'Limpieza desde 45 €… ¡ven! Perché 🦷👨‍👩‍👧';
  it('code points, UTF-16 units, UTF-8 bytes, graphemes', () => {
    // 30 ASCII characters, '¡' and 'é', '€', '…', 🦷 (1 code point) and 👨‍👩‍👧 (5 code points: 3 emoji, 2 ZWJ)
    expect(countGraphemes(text)).toBe(36);
    expect(countCodePoints(text)).toBe(30 + 2 + 2 + 1 + 5);
    expect(countUtf16Units(text)).toBe(30 + 2 + 2 + 2 + 8);
    expect(countUtf8Bytes(text)).toBe(30 + 2 * 2 + 3 + 3 + 4 + (3 * 4 + 2 * 3));
  });
  it('X weights: Latin letters 1, € and … 2, each emoji sequence 2', () => {
    expect(countXWeightedLength(text)).toBe(32 + 2 + 2 + 2 + 2);
  });
  it('Mastodon: graphemes, URLs 23, remote mentions as @user', () => {
    expect(countMastodonLength('Hola @ana@mastodon.social https://clinica-ejemplo.es/una/ruta/muy/larga/de/verdad')).toBe(5 + 4 + 1 + 23);
  });
  it('measureLength points at the first character past the limit', () => {
    expect(measureLength('abcdef', { max: 4, counting: 'utf16' }).overflowOffset).toBe(4);
    expect(measureLength('ab🦷cd', { max: 3, counting: 'graphemes' }).overflowOffset).toBe(4);
    expect(measureLength('a'.repeat(279) + '€x', { max: 280, counting: 'x-weighted' })).toMatchObject({ length: 282, overflowOffset: 279 });
    expect(measureLength(`${'a'.repeat(480)} https://clinica.es/${'b'.repeat(40)} más`, { max: 500, counting: 'mastodon', urlLength: 23 }))
      .toMatchObject({ length: 508, overflowOffset: 481 });
  });
});

describe('certainlyFits', () => {
  it('is true only when the exact count fits, links, remote mentions, emoji and multi-byte characters included', () => {
    const pieces = ['a', ' ', 'é', 'e\u0301', '€', '😷', '👨\u200d👩\u200d👧', '中', '\r\n', 'https://clinica.es/cita', 'http://x.it', 'www.a.es', '@ana@mastodon.social', '://', '#salud'];
    const rule = fc.record({
      max: fc.integer({ min: 0, max: 120 }),
      counting: fc.constantFrom(...COUNTING_METHODS),
      urlLength: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      maxUtf8Bytes: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    });
    let fitted = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), rule, (parts, lengthRule) => {
      const text = parts.join('');
      if (!certainlyFits(text, lengthRule)) return;
      fitted += 1;
      const measure = measureLength(text, lengthRule);
      expect(measure.length).toBeLessThanOrEqual(lengthRule.max);
      expect(measure.overflowOffset).toBeUndefined();
      expect(measure.utf8Bytes).toBeUndefined();
    }), { numRuns: 5000 });
    expect(fitted).toBeGreaterThan(500);
  });

  it('leaves X to exact counting, and a text near the limit too', () => {
    expect(certainlyFits('hola', { max: 280, counting: 'x-weighted' })).toBe(false);
    expect(certainlyFits('a'.repeat(300), { max: 300, counting: 'graphemes' })).toBe(true);
    expect(certainlyFits('a'.repeat(301), { max: 300, counting: 'graphemes' })).toBe(false);
    expect(certainlyFits('a'.repeat(300), { max: 300, counting: 'graphemes', maxUtf8Bytes: 899 })).toBe(false);
    expect(certainlyFits('ver https://a.es', { max: 38, counting: 'mastodon' })).toBe(false);
    expect(certainlyFits('ver https://a.es', { max: 39, counting: 'mastodon' })).toBe(true);
  });
});
