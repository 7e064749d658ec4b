// The Aho–Corasick scanner works its transitions out as scans take them: whatever order texts come in, each scan
// must report exactly the literals a plain search of the folded text finds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteralAutomaton, foldForScan } from '../../src/literal-automaton.js';

/** The reference: each code unit folded as the scanner folds it (none when its lower case is two units). */
function naivePresent(literals: string[], text: string): number[] {
  let folded = '';
  for (const character of text.split('')) {
    const lower = foldForScan(character);
    folded += lower.length === 1 ? lower : '\u0000';
  }
  return literals.map((literal) => (/[\ud800-\udfff]/.test(literal) || folded.includes(literal) ? 1 : 0));
}

const pieces = ['a', 'b', 'ab', 'ba', 'aab', 'abab', 'he', 'she', 'his', 'hers', 'ſ', 's', 'S', 'İ', 'é', 'É', ' ', '\t', '\n', 'x', '😀', 'ς', 'σ'];
const piece = fc.constantFrom(...pieces);
const literal = fc.array(fc.constantFrom('a', 'b', 'h', 'e', 's', 'r', 'i', ' ', 'é', 'σ'), { minLength: 1, maxLength: 5 }).map((units) => units.join(''));

describe('LiteralAutomaton', () => {
  it('reports exactly the literals the folded text contains, scan after scan', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(literal, { minLength: 1, maxLength: 25 }),
        fc.array(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 6 }),
        (literals, texts) => {
          const automaton = new LiteralAutomaton(literals);
          for (const text of texts) expect([...automaton.present(text)]).toEqual(naivePresent(literals, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds overlapping and nested literals in one pass', () => {
    const literals = ['he', 'she', 'his', 'hers', 'e', 'rs'];
    const automaton = new LiteralAutomaton(literals);
    expect([...automaton.present('USHERS')]).toEqual([1, 1, 0, 1, 1, 1]);
    expect([...automaton.present('ahishe')]).toEqual([1, 1, 1, 0, 1, 0]);
    expect([...automaton.present('xyz')]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('always reports literals outside the Basic Multilingual Plane, which it does not scan', () => {
    const automaton = new LiteralAutomaton(['😀', 'ab']);
    expect([...automaton.present('nothing here')]).toEqual([1, 0]);
  });

  // Tables are one byte a symbol and two a state when they fit, wider otherwise: both widths must scan alike.
  it('scans alike with more than 254 symbols and more than 65,534 states', () => {
    const ideographs = Array.from({ length: 300 }, (_, index) => String.fromCharCode(0x4e00 + index));
    const manySymbols = ideographs.map((character, index) => `${character}${ideographs[(index * 7) % 300]}`);
    const manyStates = Array.from({ length: 15000 }, (_, index) => `w${index.toString(36).padStart(4, "0")}x${(index * 31).toString(36)}`);
    for (const literals of [manySymbols, manyStates]) {
      const automaton = new LiteralAutomaton(literals);
      const texts = [literals.slice(0, 40).join(' '), literals.filter((_, index) => index % 97 === 3).join('|'), 'none of them', literals.at(-1)!.toUpperCase()];
      for (const text of texts) expect([...automaton.present(text)]).toEqual(naivePresent(literals, text));
    }
  });
});
