// US Social Security numbers: AAA-GG-SSSS. Never issued: area 000, 666 or 900-999, group 00, serial 0000
// (SSA, "Social Security Number Randomization", 2011), and a few numbers famous from advertising.
// Without a context word medpost only accepts the dashed form: nine bare digits (or spaced groups) are far
// more often phone, order or reference numbers in a clinic's posts.
import { compilePattern, maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll, textBefore } from '../detection.js';

const NEVER_ISSUED = new Set(['078051120', '219099999', '123456789', '987654320', '987654321', '987654322', '987654323', '987654324', '987654325', '987654326', '987654327', '987654328', '987654329']);

/** Whether nine digits could be an issued SSN. */
export function isPlausibleSsn(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 9) return false;
  if (/^(\d)\1{8}$/.test(digits) || NEVER_ISSUED.has(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === 0 || area === 666 || area >= 900) return false;
  return group !== '00' && serial !== '0000';
}

// 3-2-4 digits with one and the same delimiter (or none). Mixed delimiters ("693-09.4444") are not an SSN.
const CANDIDATE = /(?<![\p{L}\p{N}+\-./])(\d{3})([-. ]?)(\d{2})\2(\d{4})(?![\p{N}]|[-./]\d)/gu;

export function findSocialSecurityNumbers(text: string, contextPatterns: readonly string[]): Detection[] {
  const found: Detection[] = [];
  for (const match of execAll(CANDIDATE, text)) {
    const value = match[0];
    const start = match.index ?? 0;
    if (!isPlausibleSsn(value)) continue;
    const dashed = match[2] === '-';
    if (!dashed && !contextPatterns.some((pattern) => compilePattern(pattern).test(textBefore(text, start, 40)))) continue;
    found.push({ kind: 'us-ssn', start, end: start + value.length, value, masked: maskValue(value, 0, 2) });
  }
  return found;
}
