// \b in data-file patterns knows every letter, and its faster one-sided forms match exactly what the full form does.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { unicodeWordBoundaries } from '../../src/rule-helpers.js';

const W = '[\\p{L}\\p{N}_]';
const FULL = `(?:(?<!${W})(?=${W})|(?<=${W})(?!${W}))`;
const fullForm = (source: string) => source.replace(/\\b/g, FULL);

const patterns = [
  '\\bcura\\b', '\\bmédico\\b', '\\b(?:the|our)\\s(?:best|top)\\b', '\\bcur(?:es?|ing)\\b', '\\bresultados?\\b',
  '\\b\\d+\\s?mg\\b', '\\b(?:el|un)\\s)?\\bmejor', '(?:\\bnot|n[\'’]t)\\s+take\\b', '\\b(?:%|por ciento)\\b', '90\\s?%\\b',
  '\\b(?:a|an)?\\s?cure\\b', '\\bcittà\\b', 'x\\b', '\\b[$€]\\d+', '\\b(?:sì|no)\\b,?',
  // Where what follows \b starts behind an optional group, a lookaround or a nested group:
  '\\b(?:is )?recover(?:ed|ing)?\\b', '\\b(?:(?<!sun )cream|drops)\\b', '\\b(?:(?:\\d+|half)|once|twice) (?:a|per) day\\b',
  '\\b(?:the )?\\.?cura', '\\b(?:a)?\\d?x', '\\b\\d?%', '\\b(?=c)cura', '\\b(?!x)\\w+', '\\b(?:is ){0,2}-?day', '\\b(?:(?:is)?)\\s',
].filter((pattern) => {
  try { new RegExp(pattern, 'giu'); return true; } catch { return false; }
});

const alphabet = fc.constantFrom(...'abcé mgcura médico città cures curing the our best top 90% por ciento sì no $€12 not n\'t take, .-_\n is recovered sun cream drops half once twice per day x'.split(''));

describe('unicodeWordBoundaries', () => {
  it('knows accented letters as word characters', () => {
    expect(new RegExp(unicodeWordBoundaries('\\bcittà\\b'), 'iu').test('la città è bella')).toBe(true);
    expect(new RegExp(unicodeWordBoundaries('\\bmedic\\b'), 'iu').test('médico')).toBe(false);
    expect(new RegExp(unicodeWordBoundaries('\\bdico\\b'), 'iu').test('médico')).toBe(false);
  });

  it('uses one-sided lookarounds where the pattern shows the side', () => {
    expect(unicodeWordBoundaries('\\bcura\\b')).toBe(`(?<!${W})cura(?!${W})`);
    expect(unicodeWordBoundaries('\\b[$€]\\d+')).toContain(FULL);
    // An optional group, a lookbehind, a nested group: what the match starts with is still certainly a letter.
    expect(unicodeWordBoundaries('\\b(?:is )?recover')).toBe(`(?<!${W})(?:is )?recover`);
    expect(unicodeWordBoundaries('\\b(?:(?<!sun )cream|drops)')).toBe(`(?<!${W})(?:(?<!sun )cream|drops)`);
    expect(unicodeWordBoundaries('\\b(?:(?:\\d+|half)|once)')).toBe(`(?<!${W})(?:(?:\\d+|half)|once)`);
    expect(unicodeWordBoundaries('\\b(?:the )?\\.?cura')).toContain(FULL);
  });

  it('matches exactly what the two-sided form matches, on any text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.array(alphabet, { maxLength: 60 }).map((characters) => characters.join('')), (pattern, text) => {
        const fast = [...text.matchAll(new RegExp(unicodeWordBoundaries(pattern), 'giu'))].map((match) => `${match.index}:${match[0]}`);
        const slow = [...text.matchAll(new RegExp(fullForm(pattern), 'giu'))].map((match) => `${match.index}:${match[0]}`);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 6000 },
    );
  });
});
