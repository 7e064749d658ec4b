// A data-file pattern runs as a cheaper gate until the gate first matches (src/gated-pattern.ts). That is only
// sound if the gate matches wherever the pattern does: its word boundaries use a subset of the letters, and it
// drops lookarounds rather than adding any. And the gated pattern must report exactly what the pattern reports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GatedRegExp } from '../../src/gated-pattern.js';
import { compilePattern, compileWithoutGate, declaredPatternList, unicodeWordBoundaries } from '../../src/rule-helpers.js';
import { lintShippedExamples } from '../helpers/lint-examples.js';

/** Every match of a global regex, as [index, text], by exec as the rules run them. */
function allMatches(pattern: RegExp, text: string): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push([match.index, match[0]]);
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
}

describe('gated patterns', () => {
  it('the gate\'s letters are letters, digits or "_" for a case-insensitive Unicode regex, every one of them', () => {
    const gate = unicodeWordBoundaries('\\bab', 'gate');
    const gateClass = /^\(\?<!(\[[^\]]+\])\)ab$/.exec(gate)?.[1];
    expect(gateClass).toBeDefined();
    const inGate = new RegExp(`^${gateClass}$`, 'iu');
    const word = /^[\p{L}\p{N}_]$/u;
    let outside = 0;
    let inside = 0;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (!inGate.test(character)) continue;
      inside += 1;
      if (!word.test(character)) outside += 1;
    }
    expect(inside).toBeGreaterThan(400); // a–z, digits, "_", Latin-1 and Latin Extended-A/B letters, ſ, K
    expect(outside).toBe(0);
  });

  it('turns boundaries into Latin-letter lookarounds, drops simple lookarounds, and keeps character classes as they are', () => {
    expect(unicodeWordBoundaries('\\bcura\\b', 'gate')).toMatch(/^\(\?<!\[a-z0-9_.*\]\)cura\(\?!\[a-z0-9_.*\]\)$/);
    expect(unicodeWordBoundaries('(?<![\\p{L}\\p{N}])\\d{7,8}(?![\\p{L}])', 'gate')).toBe('\\d{7,8}');
    expect(unicodeWordBoundaries('[(?!x)]a(?=(b))', 'gate')).toBe('[(?!x)]a(?=(b))');
    expect(unicodeWordBoundaries('a\\b-\\bb', 'gate')).toMatch(/^a\(\?!\[.*\]\)-\(\?<!\[.*\]\)b$/);
    expect(unicodeWordBoundaries('plain text', 'gate')).toBe('plain text');
  });

  it('report exactly what the patterns report, for every pattern the rules run on the examples', async () => {
    await lintShippedExamples();
    const sources = declaredPatternList().filter(({ source }) => unicodeWordBoundaries(source, 'gate') !== unicodeWordBoundaries(source));
    expect(sources.length).toBeGreaterThan(50);
    // Texts built from the pattern's own words, so that they match now and then, with neighbours of every kind:
    // Latin and other letters, digits, marks, "_", punctuation and symbols that are not letters.
    const neighbours = ['', ' ', '  ', '\n', '.', ',', '_', '7', 'é', 'Ñ', 'ſ', 'α', 'д', '中', '\u0301', '×', '÷', '-', '#', '¿', '😀', 'K'];
    const patternAndTexts = fc.integer({ min: 0, max: sources.length - 1 }).chain((index) => {
      const words = [...new Set(sources[index].source.match(/\p{L}+/gu) ?? ['x'])];
      const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...neighbours)), { maxLength: 16 }).map((parts) => parts.join(''));
      return fc.tuple(fc.constant(sources[index]), fc.array(text, { minLength: 1, maxLength: 4 }));
    });
    fc.assert(
      fc.property(patternAndTexts, ([{ source, flags }, texts]) => {
        const gated = new GatedRegExp(unicodeWordBoundaries(source), flags, unicodeWordBoundaries(source, 'gate'));
        const plain = new RegExp(unicodeWordBoundaries(source), flags);
        for (const sample of texts) {
          expect(allMatches(gated, sample)).toEqual(allMatches(plain, sample));
          expect(gated.lastIndex).toBe(plain.lastIndex);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a failed exec, by the gate or the pattern, sets lastIndex back to 0 as a global regex does', () => {
    const gated = new GatedRegExp('(?<![\\p{L}])cura', 'giu', '(?<![a-z])cura');
    gated.lastIndex = 3;
    expect(gated.exec('nothing here')).toBeNull();
    expect(gated.lastIndex).toBe(0);
    expect(gated.exec('una cura')?.index).toBe(4);
    expect(gated.lastIndex).toBe(8);
    expect(gated.exec('una cura')).toBeNull();
    expect(gated.lastIndex).toBe(0);
  });

  it('a pattern compiled without a gate is a plain regular expression', () => {
    const source = '\\bgated-pattern-test\\b';
    expect(compilePattern(source)).toBeInstanceOf(GatedRegExp);
    compileWithoutGate(source);
    const plain = compilePattern(source);
    expect(plain).not.toBeInstanceOf(GatedRegExp);
    expect(plain.test('a gated-pattern-test here')).toBe(true);
  });
});
