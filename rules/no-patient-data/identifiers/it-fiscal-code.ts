// Italian codice fiscale: 16 characters (surname, name, birth date and place, check character), with the
// "omocodia" substitutions of digits by letters (LMNPQRSTUV). The check character follows the odd/even tables
// of DM 23/12/1976 (as Presidio's it_fiscal_code recognizer). A code with a wrong check character is not
// reported: medpost reports only what validates (Presidio reports it at a low score; see the tests).
import { maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3,
  Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function evenValue(character: string): number {
  return /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 65;
}

/** The check character of the first 15 characters of a codice fiscale. */
export function fiscalCodeCheckCharacter(first15: string): string {
  const upper = first15.toUpperCase();
  let sum = 0;
  for (let index = 0; index < 15; index += 1) {
    const character = upper[index];
    // Positions are 1-based in the decree: index 0 is position 1 (odd).
    sum += index % 2 === 0 ? ODD_VALUES[character] : evenValue(character);
  }
  return String.fromCharCode(65 + (sum % 26));
}

// 6 letters, then birth year (2), month letter, day (2), place (letter + 3), check letter; digits may be
// replaced by the omocodia letters.
const OMOCODIA = '[0-9LMNPQRSTUV]';
const FISCAL_CODE_SHAPE = new RegExp(
  `^[A-Z]{6}${OMOCODIA}{2}[ABCDEHLMPRST]${OMOCODIA}{2}[A-Z]${OMOCODIA}{3}[A-Z]$`,
);

export function isValidFiscalCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!FISCAL_CODE_SHAPE.test(code)) return false;
  return fiscalCodeCheckCharacter(code.slice(0, 15)) === code[15];
}

const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{6}[0-9A-Za-z]{10}(?![\p{L}\p{N}])/gu;

/**
 * Whether the text has 16 ASCII letters and digits in a row, a digit among them: what every reported code is.
 * One pass over the characters, much cheaper than the candidate expression, which most drafts never match.
 */
function hasAlphanumericRunWithDigit(text: string): boolean {
  let run = 0;
  let lastDigit = -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const digit = code >= 48 && code <= 57;
    if (digit) lastDigit = index;
    if (digit || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      run += 1;
      if (run >= 16 && lastDigit > index - run) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

export function findFiscalCodes(text: string): Detection[] {
  const found: Detection[] = [];
  if (!hasAlphanumericRunWithDigit(text)) return found;
  for (const match of execAll(CANDIDATE, text)) {
    const value = match[0];
    // A lower-case word of 16 letters is a word, not a code: require digits where the shape has them.
    if (!/\d/.test(value) || !isValidFiscalCode(value)) continue;
    const start = match.index ?? 0;
    found.push({ kind: 'it-fiscal-code', start, end: start + value.length, value, masked: maskValue(value, 2, 1) });
  }
  return found;
}
