// The prefilter keeps every pattern that matches somewhere in the text, and drops only ones that don't.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PatternPrefilter } from '../../src/pattern-prefilter.js';
import { unicodeWordBoundaries } from '../../src/rule-helpers.js';

const sources = [
  '\\bcura\\b', '\\btake\\s+\\d+\\s?mg\\b', '(?:\\bnot|n\'t)\\s+take', '\\bcada\\s+\\d+\\s+horas\\b', '^hola', 'fin$', '(a)\\1',
  '\\b(?:el|il)\\s+migliore?\\b', '(?<name>x)y', '\\d{2,}%', 'garantit[oa]', '(?<![\\p{L}])ogni\\b', '[$€]\\s?\\d+',
];
const patterns = sources.map((source) => new RegExp(unicodeWordBoundaries(source), 'giu'));
const alphabet = fc.constantFrom(...'cura take 400 mg not n\'t cada 8 horas hola fin aa xy el il migliore 95% garantito ogni €199 \n.,'.split(' ').flatMap((word) => [word, ' ']));

describe('PatternPrefilter', () => {
  const prefilter = new PatternPrefilter(patterns);
  it('says exactly which patterns match somewhere (anchored and backreferencing ones are always kept)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const possible = prefilter.possible(text);
        patterns.forEach((pattern, index) => {
          pattern.lastIndex = 0;
          const matches = pattern.test(text);
          pattern.lastIndex = 0;
          if (matches) expect(possible[index], `${pattern.source} on ${JSON.stringify(text)}`).toBe(true);
          if (!possible[index]) expect(matches).toBe(false);
        });
        // ^, $, backreferences and named groups are never dropped.
        for (const index of [4, 5, 6, 8]) expect(possible[index]).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
