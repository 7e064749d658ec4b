// Checksum validators: valid numbers pass, one changed digit or letter fails.
import { isValidDni, isValidNie, dniCheckLetter } from './identifiers/es-dni.js';
import { isValidFiscalCode } from './identifiers/it-fiscal-code.js';
import { isPlausibleSsn } from './identifiers/us-ssn.js';
import { isValidNhsNumber } from './identifiers/uk-nhs.js';
import { isValidIban } from './identifiers/iban.js';
import { isValidCardNumber, passesLuhn } from './identifiers/payment-card.js';
import { parsePhone } from './identifiers/phone.js';
import { findEmailAddresses } from './identifiers/email.js';

describe('Spanish DNI / NIE (mod 23 check letter)', () => {
  it('accepts valid numbers and rejects a wrong letter', () => {
    expect(dniCheckLetter('12345678')).toBe('Z');
    expect(isValidDni('12345678Z')).toBe(true);
    expect(isValidDni('12345678-z')).toBe(true);
    expect(isValidDni('00000023T')).toBe(true);
    expect(isValidDni('12345678A')).toBe(false);
    expect(isValidDni('1234567Z')).toBe(false);
    expect(isValidNie('X9613851N')).toBe(true);
    expect(isValidNie('Y8063915-Z')).toBe(true);
    expect(isValidNie('Y8063915Q')).toBe(false);
    expect(isValidNie('W8063915Q')).toBe(false);
  });
});

describe('Italian codice fiscale (check character)', () => {
  it('accepts valid codes, including omocodia, and rejects a wrong check character', () => {
    expect(isValidFiscalCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidFiscalCode('rssmra85t10a562s')).toBe(true);
    expect(isValidFiscalCode('RSSMRA85T10A562X')).toBe(false);
    // Omocodia: the last digit of the place code replaced by its letter (2 -> N), with its own check character.
    expect(isValidFiscalCode('RSSMRA85T10A56NH')).toBe(true);
    expect(isValidFiscalCode('RSSMRA85T10A56NS')).toBe(false);
    expect(isValidFiscalCode('RSSMRA85Z10A562S')).toBe(false); // Z is no month letter
  });
});

describe('US SSN (issued ranges)', () => {
  it('rejects never-issued areas, groups and serials', () => {
    expect(isPlausibleSsn('536-22-8790')).toBe(true);
    expect(isPlausibleSsn('000-12-3456')).toBe(false);
    expect(isPlausibleSsn('666-12-3456')).toBe(false);
    expect(isPlausibleSsn('912-12-3456')).toBe(false);
    expect(isPlausibleSsn('536-00-8790')).toBe(false);
    expect(isPlausibleSsn('536-22-0000')).toBe(false);
    expect(isPlausibleSsn('078-05-1120')).toBe(false);
  });
});

describe('UK NHS number (mod 11)', () => {
  it('accepts a valid number and rejects a changed check digit', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
    expect(isValidNhsNumber('1111111111')).toBe(false);
  });
});

describe('IBAN (mod 97, length per country)', () => {
  it('accepts valid Spanish, Italian, British IBANs and rejects changed ones', () => {
    expect(isValidIban('ES91 2100 0418 4502 0005 1332')).toBe(true);
    expect(isValidIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isValidIban('ES91 2100 0418 4502 0005 1333')).toBe(false);
    expect(isValidIban('IT60X054281110100000012345')).toBe(false); // one character short
    expect(isValidIban('XX91 2100 0418 4502 0005 1332')).toBe(false);
  });
});

describe('payment cards (Luhn)', () => {
  it('accepts valid card numbers and rejects order numbers that fail Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(isValidCardNumber('4012 8888 8888 1881')).toBe(true);
    expect(isValidCardNumber('371449635398431')).toBe(true);
    expect(isValidCardNumber('4012-8888-8888-1882')).toBe(false);
    expect(isValidCardNumber('9780306406157')).toBe(false); // an ISBN-13: no card prefix
    expect(isValidCardNumber('0000000000000000')).toBe(false);
  });
});

describe('phone numbers (libphonenumber-js max metadata)', () => {
  it('validates numbers for the configured regions', () => {
    expect(parsePhone('612 345 678', ['ES'])?.number).toBe('+34612345678');
    expect(parsePhone('333 123 4567', ['ES', 'IT'])?.number).toBe('+393331234567');
    expect(parsePhone('+44 7911 123456', ['ES'])?.number).toBe('+447911123456');
    expect(parsePhone('123 456 789', ['ES', 'IT'])).toBeUndefined();
  });
});

describe('e-mail addresses (known public suffix)', () => {
  it('needs a registrable domain', () => {
    expect(findEmailAddresses('write to ana.ruiz@gmail.com.').map((email) => email.value)).toEqual(['ana.ruiz@gmail.com']);
    expect(findEmailAddresses('not an address: ana@localhost or ana@clinic.')).toEqual([]);
  });
});
