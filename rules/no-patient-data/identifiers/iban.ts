// IBAN (ISO 13616): country code, two check digits, then the national account number (BBAN), whose length is
// fixed per country (SWIFT IBAN registry). Valid when the number, rearranged and with letters as 10..35,
// is 1 mod 97. Written compact or in groups of four separated by spaces or hyphens.
import { maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

/** IBAN length per country (SWIFT IBAN registry, release 2024; Presidio iban_patterns.py). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** ISO 7064 MOD 97-10 over the rearranged IBAN, computed piecewise (no big integers). */
export function ibanRemainder(compact: string): number {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function isValidIban(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const length = IBAN_LENGTHS[compact.slice(0, 2)];
  if (length === undefined || compact.length !== length) return false;
  return ibanRemainder(compact) === 1;
}

// The start of an IBAN, then up to 34 more characters in groups: the exact length is cut per country below.
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,32}/gu;

export function findIbans(text: string): Detection[] {
  const found: Detection[] = [];
  for (const match of execAll(CANDIDATE, text)) {
    const start = match.index ?? 0;
    const length = IBAN_LENGTHS[match[0].slice(0, 2)];
    if (length === undefined) continue;
    // Walk the match, counting letters and digits, until the country's length is reached.
    let count = 0;
    let end = start;
    const raw = match[0];
    for (let index = 0; index < raw.length && count < length; index += 1) {
      if (/[A-Z0-9]/.test(raw[index])) count += 1;
      end = start + index + 1;
    }
    if (count !== length) continue;
    // The IBAN must end at a group boundary: not followed directly by another letter or digit.
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    const value = text.slice(start, end);
    const separators = new Set(value.match(/[ -]/g) ?? []);
    if (separators.size > 1 || !isValidIban(value)) continue;
    found.push({ kind: 'iban', start, end, value, masked: maskValue(value, 4, 2) });
  }
  return found;
}
