// splitSentences finds sentence breaks itself for lines of characters it knows, and asks Intl.Segmenter for the
// rest: both must give the same segments, so ICU is the reference here, on random lines over every known character.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { knownCharacters, sentenceStarts } from '../../src/sentence-breaks.js';
import { splitSentences } from '../../src/post.js';

const known = knownCharacters();
// The characters the rules turn on, far more often than the rest, so that their combinations come up.
const frequent = [' ', ' ', ' ', 'a', 'e', 'x', 'é', 'ñ', 'A', 'E', 'Ñ', '3', '.', '.', '.', '!', '?', '"', '\'', ')', '(', '«', '»', '”', ',', ':', ';', '-', '\u0301', '\uFE0F', '\u200D', '🦷', '#', '…', '¿', '\t', '\u00A0'];
const character = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...frequent) }, { weight: 1, arbitrary: fc.constantFrom(...known) });
const line = fc.array(character, { maxLength: 40 }).map((characters) => characters.join(''));

function icuStarts(text: string, language: string): number[] {
  return [...new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)].map((segment) => segment.index);
}

describe('sentence breaks without Intl.Segmenter', () => {
  it('are where Intl.Segmenter puts them, for every line of known characters', () => {
    fc.assert(
      fc.property(line, fc.constantFrom('es', 'en', 'it'), (text, language) => {
        expect(sentenceStarts(text)).toEqual(icuStarts(text, language));
      }),
      { numRuns: 30_000 },
    );
  });

  it('are the same with a final carriage return (a line of a CRLF file)', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(sentenceStarts(`${text}\r`)).toEqual(icuStarts(`${text}\r`, 'es'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('are left to Intl.Segmenter when a line has another character', () => {
    expect(sentenceStarts('Καλημέρα. Hola.')).toBeUndefined();
    expect(sentenceStarts('soft\u00ADhyphen')).toBeUndefined();
    expect(sentenceStarts('Bold 𝐀. Next.')).toBeUndefined();
    expect(sentenceStarts('lone \uD83D. surrogate')).toBeUndefined();
    expect(sentenceStarts('lone \uDE00 low')).toBeUndefined();
    expect(sentenceStarts('Hola. ¿Qué tal? Bien.')).toEqual([0, 6, 16]);
  });

  it('splitSentences gives the same sentences either way', () => {
    const text = 'Dr. Smith said 3.5 mg. Really? "Yes." Then: ok.\nΚαλημέρα. Hola 🦷! Adiós.';
    expect(splitSentences(text, 'es').map((sentence) => sentence.text)).toEqual(['Dr.', 'Smith said 3.5 mg.', 'Really?', '"Yes."', 'Then: ok.', 'Καλημέρα.', 'Hola 🦷!', 'Adiós.']);
  });
});
