// The validators against Microsoft Presidio's own recognizer tests (fixtures/presidio, MIT).
// Where medpost deliberately differs, the case is listed with the reason.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findCardNumbers } from './identifiers/payment-card.js';
import { findEmailAddresses } from './identifiers/email.js';
import { findSpanishIds } from './identifiers/es-dni.js';
import { findIbans } from './identifiers/iban.js';
import { findFiscalCodes } from './identifiers/it-fiscal-code.js';
import { findNhsNumbers } from './identifiers/uk-nhs.js';
import { findSocialSecurityNumbers } from './identifiers/us-ssn.js';
import { findPhoneNumbers } from './identifiers/phone.js';
import { lexiconFor } from './lexicon.js';

interface PresidioCase { text?: string; iban?: string; expected_len: number; expected_res?: number[][]; expected_positions?: number[][] }
function cases(name: string, test?: string): PresidioCase[] {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/presidio', `${name}.json`), 'utf8')) as {
    tests: Array<{ test: string; cases: PresidioCase[] }>;
  };
  return file.tests.filter((entry) => !test || entry.test === test).flatMap((entry) => entry.cases);
}
const spans = (found: Array<{ start: number; end: number }>) => found.map((item) => [item.start, item.end]);
const expected = (item: PresidioCase) => item.expected_res ?? item.expected_positions ?? [];

describe('Presidio test tables', () => {
  it('credit cards: every case as Presidio (Luhn)', () => {
    for (const item of cases('credit-card')) expect(spans(findCardNumbers(item.text!)), item.text).toEqual(expected(item));
  });

  it('IBAN: all 330 cases as Presidio (length per country, mod 97, group boundaries)', () => {
    const all = cases('iban');
    expect(all.length).toBeGreaterThan(300);
    for (const item of all) expect(spans(findIbans(item.iban!)), item.iban).toEqual(expected(item));
  });

  it('e-mail addresses: every case as Presidio', () => {
    for (const item of cases('email')) expect(spans(findEmailAddresses(item.text!)), item.text).toEqual(expected(item));
  });

  it('Spanish NIF/DNI and NIE: every case as Presidio (mod 23 check letter)', () => {
    for (const item of [...cases('es-nif'), ...cases('es-nie')]) {
      expect(spans(findSpanishIds(item.text!)), item.text).toEqual(expected(item));
    }
  });

  it('UK NHS numbers: every case as Presidio (mod 11)', () => {
    for (const item of cases('uk-nhs')) expect(spans(findNhsNumbers(item.text!, [])), item.text).toEqual(expected(item));
  });

  it('Italian codice fiscale: as Presidio, except codes whose check character is wrong', () => {
    // Presidio's validator returns None (not False) on a wrong check character, so AAAAAA00B11C333N is still
    // reported at score 0.3. medpost reports only what validates: a wrong check character is a look-alike.
    const deliberate = new Map<string, number[][]>([
      ['AAAAAA00B11C333N', []],
      ['AAAAAA00B11C333Y and AAAAAA00B11C333N', [[0, 16]]],
    ]);
    for (const item of cases('it-fiscal-code')) {
      const want = deliberate.get(item.text!) ?? expected(item);
      expect(spans(findFiscalCodes(item.text!)), item.text).toEqual(want);
    }
  });

  it('US SSN: as Presidio for the dashed form; other forms need a context word', () => {
    // Presidio reports nine bare digits, odd groupings (3-6, 5-4) and spaced or dotted groups at low scores.
    // In clinic posts those are far more often phone, order or reference numbers: medpost needs "SSN" or
    // "social security" before them, and never accepts groupings other than 3-2-4.
    const deliberate = new Map<string, number[][]>([
      ['078-051121 07805-1121', []],
      ['078051121', []],
      ['078.05.1123', []],
      ['078 05 1123', []],
      ['abc 078 05 1123 abc', []],
    ]);
    for (const item of cases('us-ssn')) {
      const want = deliberate.get(item.text!) ?? expected(item);
      expect(spans(findSocialSecurityNumbers(item.text!, [])), item.text).toEqual(want);
    }
    const context = lexiconFor(['en']).ssnContext;
    expect(spans(findSocialSecurityNumbers('SSN 078 05 1123', context))).toEqual([[4, 15]]);
    expect(spans(findSocialSecurityNumbers('social security number: 078051121', context))).toEqual([[24, 33]]);
  });

  it('phone numbers: the basic table with the regions of each case', () => {
    // Presidio's matcher runs with default regions US, UK, DE, FR, IL, IN, CA, BR; medpost uses
    // settings.phoneRegions. Japanese and Chinese numbers need their region configured.
    const regions = ['US', 'GB', 'DE', 'FR', 'IL', 'IN', 'CA', 'BR', 'JP', 'CN'];
    for (const item of cases('phone', 'test_when_all_phones_then_succeed')) {
      expect(spans(findPhoneNumbers(item.text!, { regions, notPhoneContext: [] })), item.text).toEqual(expected(item));
    }
  });

  it('phone numbers: international numbers of the textual-explanation table', () => {
    for (const item of cases('phone', 'test_when_phone_with_textual_explanation_then_succeed')) {
      expect(spans(findPhoneNumbers(item.text!, { regions: ['US'], notPhoneContext: [] })), item.text).toEqual(expected(item));
    }
  });
});
