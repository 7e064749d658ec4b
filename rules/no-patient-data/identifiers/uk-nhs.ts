// UK NHS numbers: 10 digits, printed 3-3-4; the last is a mod-11 check digit (NHS Data Dictionary,
// "NHS Number"; Presidio uk_nhs). Weights 10..2 over the first nine digits; check = 11 - (sum mod 11),
// 11 -> 0, and 10 means the number is invalid.
import { compilePattern, maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll, textBefore } from '../detection.js';

export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (10 - index);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}

const CANDIDATE = /(?<![\p{L}\p{N}+\-./])(\d{3})([- ]?)(\d{3})\2(\d{4})(?![\p{N}]|[-./]\d)/gu;

export interface NhsCandidate extends Detection {
  /** A context word ("NHS") is right before the number. */
  hasContext: boolean;
}

export function findNhsNumbers(text: string, contextPatterns: readonly string[]): NhsCandidate[] {
  const found: NhsCandidate[] = [];
  for (const match of execAll(CANDIDATE, text)) {
    const value = match[0];
    if (!isValidNhsNumber(value)) continue;
    const start = match.index ?? 0;
    const hasContext = contextPatterns.some((pattern) => compilePattern(pattern).test(textBefore(text, start, 40)));
    found.push({ kind: 'uk-nhs', start, end: start + value.length, value, masked: maskValue(value, 0, 2), hasContext });
  }
  return found;
}
