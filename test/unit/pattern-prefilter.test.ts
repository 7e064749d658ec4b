// The prefilter never drops a pattern that matches, and its literal extraction reads patterns right.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PatternPrefilter, foldForScan, requiredLiteralClauses, requiredLiterals } from '../../src/pattern-prefilter.js';
import { unicodeWordBoundaries } from '../../src/rule-helpers.js';

describe('requiredLiterals', () => {
  it('finds what every match must contain', () => {
    expect(requiredLiterals('\\bcura\\b')).toEqual(['cura']);
    expect(requiredLiterals('\\bcur(?:es?|ing)\\b')).toEqual(['cur']);
    // White space repeated at least once is part of the literals on both sides of it.
    expect(requiredLiterals('(?:the|our)\\s+(?:best|finest)\\s+clinic')).toEqual([' clinic']);
    expect(requiredLiterals('(?:the|our)\\s+(?:best|finest)')).toEqual(['best', 'finest']);
    expect(requiredLiterals('Take\\s+\\d+\\s?mg')).toEqual(['take ']);
    expect(requiredLiterals('has {1,3}pillado')).toEqual([' pillado']);
    expect(requiredLiterals('(?<![\\p{L}])ogni\\s+\\d+\\s+ore')).toEqual(['ogni ']);
    expect(requiredLiterals('colou?r')).toEqual(['colo']);
    expect(requiredLiterals('\\d{2,}\\s?%')).toEqual(['%']);
    expect(requiredLiterals('\\p{Sc}\\s?\\d+')).toBeNull();
    // A class of a few characters is a choice of literals, and a run branches at it.
    expect(requiredLiterals('[$€]\\s?\\d+')).toEqual(['$', '€']);
    expect(requiredLiterals('est[áa]s cansad[oa]')).toEqual(['estás cansado', 'estás cansada', 'estas cansado', 'estas cansada']);
    expect(requiredLiterals('[a-z]+itis')).toEqual(['itis']);
    expect(requiredLiterals('(?:foo)?bar|baz')).toEqual(['bar', 'baz']);
    expect(requiredLiterals('x|\\d+')).toBeNull();
    expect(requiredLiterals('n[\'’]t\\s+take')).toEqual([' take']);
    expect(requiredLiterals('caf\\u00e9')).toEqual(['café']);
    expect(requiredLiterals('a{0,3}b')).toEqual(['b']);
  });

  it('keeps every required part, so a pattern needs all of them in the text', () => {
    // A verb and a drug: a sentence with "give" but no drug name cannot match.
    expect(requiredLiteralClauses('\\b(?:give|put) (?:\\w+ ){0,3}?(?:ibuprofen|paracetamol)\\b')).toEqual([
      ['ibuprofen', 'paracetamol'], ['give', 'put'], [' '],
    ]);
    expect(requiredLiteralClauses('(?:^|, )take (?:ibuprofen|aspirin)')).toEqual([['ibuprofen', 'aspirin'], ['take ']]);
    expect(requiredLiteralClauses('(?:a|b\\d)?x')).toEqual([['x']]);
    expect(requiredLiteralClauses('\\d+')).toBeNull();
  });
});

const sources = [
  '\\bcura\\b', '\\btake\\s+\\d+\\s?mg\\b', '(?:\\bnot|n\'t)\\s+take', '\\bcada\\s+\\d+\\s+horas\\b', '^hola', 'fin$', '(a)\\1',
  '\\b(?:el|il)\\s+migliore?\\b', '(?<name>x)y', '\\d{2,}%', 'garantit[oa]', '(?<![\\p{L}])ogni\\b', '\\p{Sc}\\s?\\d+', 'Dr\\.?\\s+[A-Z]',
  'the(?:re)?\\s', 'there', 'ther', '(?:bes|best)t?\\b', 'MIGLIOR[EI]', 'caf\\u00e9', 'co-codamol', '24\\/7',
];
const patterns = sources.map((source) => new RegExp(unicodeWordBoundaries(source), 'giu'));
const words = 'cura take 400 mg not n\'t cada 8 horas hola fin aa xy el il migliore MIGLIORI 95% garantito ogni €199 dr. DR Smith the there ther best bestt café CAFÉ co-codamol 24/7'.split(' ');
// White space of several kinds: the scan reads every kind as a space.
const alphabet = fc.constantFrom(...words.flatMap((word) => [word, ' ', '\n', '\t', '\u00a0', '\u2028', '.']));

describe('PatternPrefilter', () => {
  const prefilter = new PatternPrefilter(patterns);
  it('never drops a pattern that matches somewhere in the text', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const possible = prefilter.possible(text);
        patterns.forEach((pattern, index) => {
          pattern.lastIndex = 0;
          const matches = pattern.test(text);
          pattern.lastIndex = 0;
          if (matches) expect(possible[index], `${pattern.source} on ${JSON.stringify(text)}`).toBe(true);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('drops a pattern when one of its required parts is absent', () => {
    const [verbAndDrug] = [new RegExp(unicodeWordBoundaries('\\b(?:give|take) (?:\\p{L}+ ){0,3}?(?:ibuprofen|aspirin)\\b'), 'giu')];
    const pair = new PatternPrefilter([verbAndDrug]);
    expect(pair.possible('Give your teeth two minutes.')).toEqual([false]);
    expect(pair.possible('Aspirin is an old drug.')).toEqual([false]);
    expect(pair.possible('Give him some aspirin.')).toEqual([true]);
  });

  it('drops patterns whose literals are absent', () => {
    const possible = prefilter.possible('nothing relevant here at all');
    expect(possible[0]).toBe(false); // cura
    expect(possible[1]).toBe(false); // take
    expect(possible[12]).toBe(true); // \p{Sc}\d+: no literal, always run
  });
});

describe('foldForScan', () => {
  it('folds together every letter pair that a case-insensitive Unicode regex matches', () => {
    const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    for (let codePoint = 0x41; codePoint <= 0x2ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      const upper = character.toUpperCase();
      if ([...upper].length !== 1) continue;
      const other = upper.toLowerCase();
      if ([...other].length !== 1 || !new RegExp(escape(other), 'iu').test(character)) continue;
      expect(foldForScan(character), `U+${codePoint.toString(16)}`).toBe(foldForScan(other));
    }
  });

  it('keeps a pattern whose letters appear in another case form', () => {
    const prefilter = new PatternPrefilter(['\\bsalud\\b', 'σοφία']);
    expect(prefilter.possible('SALUD ſalud')).toEqual([true, false]);
    expect(prefilter.possible('ſalud')).toEqual([true, false]);
    expect(prefilter.possible('ΣΟΦΊΑ')).toEqual([false, true]);
  });
});
