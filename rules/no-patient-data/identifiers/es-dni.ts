// Spanish DNI (NIF of a person) and NIE (foreigners' number): 8 digits (or X/Y/Z + 7 digits) and a check letter.
// The letter is "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23] (Real Decreto 1553/2005, art. 11; Presidio es_nif/es_nie).
// A code whose letter does not match is a look-alike (an order or product code) and is not reported.
import { maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const NIE_PREFIX: Record<string, string> = { X: '0', Y: '1', Z: '2' };

/** The check letter of a DNI number (up to 8 digits). */
export function dniCheckLetter(digits: string): string {
  return CHECK_LETTERS[Number(digits) % 23];
}

/** "12345678Z", "12345678-Z", "1111111G" (7 digits, as Presidio accepts) -> valid? */
export function isValidDni(value: string): boolean {
  const match = /^(\d{7,8})[- ]?([A-Za-z])$/.exec(value.trim());
  if (!match) return false;
  return dniCheckLetter(match[1]) === match[2].toUpperCase();
}

/** "X9613851N", "Y8063915-Z" -> valid? */
export function isValidNie(value: string): boolean {
  const match = /^([XYZxyz])(\d{7})[- ]?([A-Za-z])$/.exec(value.trim());
  if (!match) return false;
  return dniCheckLetter(NIE_PREFIX[match[1].toUpperCase()] + match[2]) === match[3].toUpperCase();
}

// Not preceded or followed by a letter, digit or hyphen-digit: "ES-12345678Z-01" is some other code.
const DNI_CANDIDATE = /(?<![\p{L}\p{N}])(\d{7,8})[- ]?([A-Za-z])(?![\p{L}\p{N}])/gu;
const NIE_CANDIDATE = /(?<![\p{L}\p{N}])([XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])(?![\p{L}\p{N}])/gu;

export function findSpanishIds(text: string): Detection[] {
  const found: Detection[] = [];
  for (const match of execAll(NIE_CANDIDATE, text)) {
    const value = match[0];
    if (!isValidNie(value.replace(/^([XYZxyz])[- ]/, '$1'))) continue;
    const start = match.index ?? 0;
    found.push({ kind: 'es-nie', start, end: start + value.length, value, masked: maskValue(value, 1, 1) });
  }
  for (const match of execAll(DNI_CANDIDATE, text)) {
    const value = match[0];
    // "7 días" is not a DNI: a single space before the letter is only accepted when the letter is upper case
    // and followed by no further letters (checked by the pattern), and the number has 8 digits.
    if (/ /.test(value) && (match[1].length < 8 || match[2] !== match[2].toUpperCase())) continue;
    if (!isValidDni(value.replace(' ', ''))) continue;
    const start = match.index ?? 0;
    found.push({ kind: 'es-dni', start, end: start + value.length, value, masked: maskValue(value, 1, 1) });
  }
  return found;
}
