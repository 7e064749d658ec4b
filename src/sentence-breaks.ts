// Where a line of ordinary Latin-script text breaks into sentences, by the rules of Unicode's UAX #29 that
// Intl.Segmenter applies, for the characters whose Sentence_Break class is listed below; any other character
// and the caller asks Intl.Segmenter. Creating the first Intl.Segmenter loads ICU's break rules, ~13 ms of a
// one-draft run; most drafts are made of these characters only. A property test compares the two on random
// text over every listed character.

const enum SentenceClass { Other, Sp, Lower, Upper, Numeric, ATerm, STerm, Close, SContinue, Extend }

/** Per code unit of the Basic Multilingual Plane: its class, UNKNOWN, or NOT_YET (a symbol not classified yet). */
const UNKNOWN = 255;
const NOT_YET = 254;
const classOfUnit = new Uint8Array(0x10000).fill(UNKNOWN);
const setRange = (from: number, to: number, value: SentenceClass) => classOfUnit.fill(value, from, to + 1);
const setEach = (characters: string, value: SentenceClass) => {
  for (let index = 0; index < characters.length; index += 1) classOfUnit[characters.charCodeAt(index)] = value;
};
setEach(' \t\u00A0', SentenceClass.Sp);
setRange(0x61, 0x7a, SentenceClass.Lower);
setRange(0xdf, 0xf6, SentenceClass.Lower);
setRange(0xf8, 0xff, SentenceClass.Lower);
setEach('\u00AA\u00B5\u00BA', SentenceClass.Lower);
setRange(0x41, 0x5a, SentenceClass.Upper);
setRange(0xc0, 0xd6, SentenceClass.Upper);
setRange(0xd8, 0xde, SentenceClass.Upper);
setRange(0x30, 0x39, SentenceClass.Numeric);
setEach('.', SentenceClass.ATerm);
setEach('!?', SentenceClass.STerm);
setEach('"\'()[]{}\u00AB\u00BB\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F', SentenceClass.Close);
setEach(',-:;\u2013\u2014', SentenceClass.SContinue);
setRange(0x300, 0x36f, SentenceClass.Extend);
setEach('\u200D\uFE0E\uFE0F', SentenceClass.Extend);
setEach('#$%&*+/<=>@\\^_`|~\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AC\u00AE\u00AF\u00B0\u00B1\u00B2\u00B3\u00B4\u00B6\u00B7\u00B8\u00B9\u00BC\u00BD\u00BE\u00BF\u00D7\u00F7\u2022\u2026\u20AC\u2122', SentenceClass.Other);
// Emoji and pictographs, skin tones included, are Sentence_Break Other: the symbols of these blocks (and their
// unassigned code points) that are no letter and no quotation mark (the ornamental brackets ❨❩ are punctuation).
// Classified on first sight: testing the ~2,700 of them up front took ~14 ms, what skipping ICU saves.
const SYMBOL_BLOCKS = [[0x2600, 0x27bf], [0x1f300, 0x1faff]];
const PLAIN_SYMBOL = /^[\p{S}\p{Cn}]$/u;
const LETTER_LIKE = /[\p{Alphabetic}\p{Lowercase}\p{Uppercase}\p{Quotation_Mark}]/u;
/** Symbols that line breaking reads as quotation marks (❛❜❝❞…): Sentence_Break Close, not Other. */
const QUOTATION_ORNAMENT = (codePoint: number) => (codePoint >= 0x275b && codePoint <= 0x2760) || (codePoint >= 0x1f676 && codePoint <= 0x1f678);

function symbolClass(codePoint: number): SentenceClass | undefined {
  if (!SYMBOL_BLOCKS.some(([from, to]) => codePoint >= from && codePoint <= to)) return undefined;
  const character = String.fromCodePoint(codePoint);
  return PLAIN_SYMBOL.test(character) && !LETTER_LIKE.test(character) && !QUOTATION_ORNAMENT(codePoint) ? SentenceClass.Other : undefined;
}

for (const [from, to] of SYMBOL_BLOCKS) if (to <= 0xffff) classOfUnit.fill(NOT_YET, from, to + 1);
/** Symbols outside the Basic Multilingual Plane, as classified on first sight (undefined: not one). */
const astralClass = new Map<number, SentenceClass | undefined>();

function classOfCodePoint(codePoint: number): SentenceClass | undefined {
  if (codePoint <= 0xffff) {
    let kind = classOfUnit[codePoint];
    if (kind === NOT_YET) {
      kind = symbolClass(codePoint) ?? UNKNOWN;
      classOfUnit[codePoint] = kind;
    }
    return kind === UNKNOWN ? undefined : kind;
  }
  if (!astralClass.has(codePoint)) astralClass.set(codePoint, symbolClass(codePoint));
  return astralClass.get(codePoint);
}

/**
 * The offsets at which the segments of `line` start (the first is 0), as Intl.Segmenter finds them; undefined
 * when the line has a character this table does not know. `line` holds no line break but a final '\r'.
 */
export function sentenceStarts(line: string): number[] | undefined {
  const end = line.endsWith('\r') ? line.length - 1 : line.length;
  // Units: one character and the Extend characters after it (rule SB5: they belong to it), as parallel arrays.
  const kinds = new Uint8Array(end);
  const unitStarts = new Int32Array(end);
  let count = 0;
  for (let index = 0; index < end; ) {
    const unit = line.charCodeAt(index);
    const surrogate = unit >= 0xd800 && unit <= 0xdbff;
    const known = classOfUnit[unit];
    const kind = surrogate || known >= NOT_YET ? classOfCodePoint(surrogate ? line.codePointAt(index)! : unit) : known;
    if (kind === undefined) return undefined;
    // An Extend character at the start stands alone, as Other.
    if (kind !== SentenceClass.Extend || count === 0) {
      kinds[count] = kind === SentenceClass.Extend ? SentenceClass.Other : kind;
      unitStarts[count] = index;
      count += 1;
    }
    index += surrogate ? 2 : 1;
  }
  const starts = line.length === 0 ? [] : [0];
  for (let term = 0; term < count; term += 1) {
    const kind = kinds[term];
    if (kind !== SentenceClass.ATerm && kind !== SentenceClass.STerm) continue;
    // SB9, SB10: the terminator, its closing punctuation, then its spaces stay together.
    let next = term + 1;
    while (next < count && kinds[next] === SentenceClass.Close) next += 1;
    while (next < count && kinds[next] === SentenceClass.Sp) next += 1;
    if (next >= count) break;
    const following = kinds[next];
    if (kind === SentenceClass.ATerm && next === term + 1) {
      // SB6: "3.5"; SB7: "U.S." (a letter, the full stop, a capital).
      if (following === SentenceClass.Numeric) continue;
      const before = term > 0 ? kinds[term - 1] : undefined;
      if (following === SentenceClass.Upper && (before === SentenceClass.Upper || before === SentenceClass.Lower)) continue;
    }
    // SB8a: a comma, colon… or another terminator goes on with the sentence.
    if (following === SentenceClass.SContinue || following === SentenceClass.ATerm || following === SentenceClass.STerm) continue;
    // SB8: after a full stop, no break when the next letter (past anything but letters and terminators) is lower case.
    if (kind === SentenceClass.ATerm) {
      let ahead = next;
      while (ahead < count && !stopsLowerCaseLookahead(kinds[ahead])) ahead += 1;
      if (ahead < count && kinds[ahead] === SentenceClass.Lower) continue;
    }
    // SB11.
    starts.push(unitStarts[next]);
  }
  return starts;
}

function stopsLowerCaseLookahead(kind: SentenceClass): boolean {
  return kind === SentenceClass.Upper || kind === SentenceClass.Lower || kind === SentenceClass.ATerm || kind === SentenceClass.STerm;
}

/** Every character the table knows (for tests). */
export function knownCharacters(): string[] {
  const codePoints = Array.from({ length: 0x10000 }, (_, unit) => unit);
  for (const [from, to] of SYMBOL_BLOCKS) if (from > 0xffff) for (let codePoint = from; codePoint <= to; codePoint += 1) codePoints.push(codePoint);
  return codePoints.filter((codePoint) => classOfCodePoint(codePoint) !== undefined).map((codePoint) => String.fromCodePoint(codePoint));
}
