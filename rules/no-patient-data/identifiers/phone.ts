// Phone numbers: candidates are found with a bounded pattern, then validated with libphonenumber-js's "max"
// metadata (digit patterns per country and number type) for the regions in settings.phoneRegions.
// Numbers that only an organisation has (toll-free, premium rate, shared cost, universal access) are not
// personal data and are not reported; neither are the organisation's own numbers (see own-contact.ts).
//
// libphonenumber-js is loaded on first use with a synchronous require (rules' checks are synchronous), so a
// pre-commit run over drafts without phone-like digits never pays its ~30 ms import.
import { createRequire } from 'node:module';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { compilePattern, maskValue, trimTrailing } from '../../../src/rule-helpers.js';
import { type Detection, execAll, textAfter, textBefore } from '../detection.js';

type PhoneLibrary = typeof import('libphonenumber-js/max');
let library: PhoneLibrary | undefined;

function phoneLibrary(): PhoneLibrary {
  library ??= createRequire(import.meta.url)('libphonenumber-js/max') as PhoneLibrary;
  return library;
}

/** Whether the phone library has been loaded in this process (for the start-up test). */
export function phoneLibraryLoaded(): boolean {
  return library !== undefined;
}

/** Types that belong to organisations, never to a private person. */
const ORGANISATION_TYPES = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN']);

/**
 * Parses a written number with the configured regions. The first region under which it is a valid personal
 * number (not toll-free, premium…) wins; else the first under which it is valid at all.
 */
export function parsePhone(value: string, regions: readonly string[]): PhoneNumber | undefined {
  // Drafts of one organisation repeat the same few numbers (its own, a partner's helpline): parse each once.
  const key = `${regions.join(',')}\u0000${value}`;
  if (parsedPhones.has(key)) return parsedPhones.get(key);
  if (parsedPhones.size >= PARSED_PHONES_KEPT) parsedPhones.clear();
  const parsed = parsePhoneUncached(value, regions);
  parsedPhones.set(key, parsed);
  return parsed;
}

const PARSED_PHONES_KEPT = 2000;
const parsedPhones = new Map<string, PhoneNumber | undefined>();

function parsePhoneUncached(value: string, regions: readonly string[]): PhoneNumber | undefined {
  const { parsePhoneNumberFromString } = phoneLibrary();
  const international = /^\s*(\+|00)/.test(value);
  const attempts = international ? [undefined] : regions.length > 0 ? regions : [undefined];
  let organisational: PhoneNumber | undefined;
  for (const region of attempts) {
    const parsed = parsePhoneNumberFromString(value.replace(/^\s*00/, '+'), region as CountryCode | undefined);
    if (!parsed?.isValid()) continue;
    if (!isOrganisationNumber(parsed)) return parsed;
    organisational ??= parsed;
  }
  return organisational;
}

const organisationNumbers = new WeakMap<PhoneNumber, boolean>();

/** Toll-free, premium-rate, shared-cost and universal access numbers belong to organisations. */
export function isOrganisationNumber(parsed: PhoneNumber): boolean {
  // Remembered per parsed number: parsePhone asks first, then its callers ask again (getType is costly).
  let organisation = organisationNumbers.get(parsed);
  if (organisation === undefined) {
    const type = parsed.getType();
    organisation = type !== undefined && ORGANISATION_TYPES.has(type);
    organisationNumbers.set(parsed, organisation);
  }
  return organisation;
}

// An optional international prefix, an optional area code in parentheses, then digit groups separated by one
// space, dot, hyphen or no-break space. Each repetition starts with a separator, so matching stays linear.
const CANDIDATE =
  /(?<![\p{L}\p{N}+\-./,])(?:(?:\+|00)\d{1,3}[ .\-\u00a0]?)?(?:\(\d{1,4}\)[ .\-\u00a0]?)?\d{1,14}(?:[ .\-\u00a0]\d{1,10}){0,6}(?![\p{N}]|[.,\-/]\d|[\p{L}])/gu;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/;
const CURRENCY_BEFORE = /[$€£¥]\s*$|\b(?:EUR|USD|GBP)\s*$/i;
const CURRENCY_AFTER = /^\s*(?:[$€£¥%]|EUR\b|USD\b|GBP\b|euros?\b|dollars?\b|pounds?\b|€)/i;

export interface PhoneOptions {
  regions: readonly string[];
  /** Patterns for words right before a number that make it something else: "order", "ISBN", "nº colegiado". */
  notPhoneContext: readonly string[];
}

export interface PhoneDetection extends Detection {
  /** E.164 form, for comparison with the organisation's numbers. */
  e164: string;
}

const contextsAtEnd = new WeakMap<readonly string[], string[]>();

/** Each context pattern anchored at the end of the text before a number (built once per list). */
function contextAtEnd(patterns: readonly string[]): string[] {
  let anchored = contextsAtEnd.get(patterns);
  if (!anchored) {
    anchored = patterns.map((pattern) => `(?:${pattern})[^\\p{L}\\p{N}]{0,6}$`);
    contextsAtEnd.set(patterns, anchored);
  }
  return anchored;
}

export function findPhoneNumbers(text: string, options: PhoneOptions): PhoneDetection[] {
  const found: PhoneDetection[] = [];
  for (const match of execAll(CANDIDATE, text)) {
    const value = trimTrailing(match[0], ' .-\u00a0');
    const digits = value.replace(/\D/g, '').length;
    if (digits < 6 || digits > 15) continue;
    if (DATE_LIKE.test(value)) continue;
    const start = match.index ?? 0;
    const end = start + value.length;
    if (CURRENCY_BEFORE.test(textBefore(text, start, 8)) || CURRENCY_AFTER.test(textAfter(text, end, 10))) continue;
    const before = textBefore(text, start, 30);
    if (contextAtEnd(options.notPhoneContext).some((pattern) => compilePattern(pattern).test(before))) continue;
    const parsed = parsePhone(value, options.regions);
    if (!parsed) continue;
    if (isOrganisationNumber(parsed)) continue;
    found.push({ kind: 'phone', start, end, value, masked: maskValue(value), e164: parsed.number });
  }
  return found;
}
