// Payment card numbers (PAN): 13-19 digits, written whole or in groups, with an issuer prefix
// (1 UATP, 3 Amex/Diners/JCB, 4 Visa, 5 Mastercard/Maestro, 6 Discover/UnionPay/Maestro) and a Luhn check
// digit (ISO/IEC 7812-1). Order and reference numbers that fail the Luhn check are not reported.
import { maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

/** The Luhn (mod 10) check over a string of digits. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function isValidCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^[1-6]\d{12,18}$/.test(digits)) return false;
  // Like Presidio: '1' followed by exactly 12 digits is not a card (UATP numbers have 15).
  if (digits.length === 13 && digits[0] === '1') return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  return passesLuhn(digits);
}

// Whole (13-19 digits) or grouped 4-4-4-1..7 / 4-6-4/5 (Amex, Diners) with one kind of separator.
const CANDIDATE =
  /(?<![\p{L}\p{N}\-.,/])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\p{L}\p{N}]|[-.,/]\d)/gu;

export function findCardNumbers(text: string): Detection[] {
  const found: Detection[] = [];
  for (const match of execAll(CANDIDATE, text)) {
    const value = match[0];
    if (!isValidCardNumber(value)) continue;
    const start = match.index ?? 0;
    found.push({ kind: 'payment-card', start, end: start + value.length, value, masked: maskValue(value, 0, 4) });
  }
  return found;
}
