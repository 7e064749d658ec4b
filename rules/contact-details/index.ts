// contact-details: the phone numbers, e-mails, websites, opening hours and addresses a draft gives as the clinic's
// are the configured current ones (seed 000: keep contact details up to date). A detail counts as the clinic's only
// when the draft presents it so ("call us at", "llámanos al", "chiamaci al", "our new number", an e-mail at the
// clinic's own domain); any other number or address is left to no-patient-data.
import { createRequire } from 'node:module';
import type { CountryCode } from 'libphonenumber-js/max';
import { getDomain } from 'tldts';
import type { OrganisationSettings, Post, PostRule, PostRuleContext } from '../../src/types.js';
import { ruleData } from '../../src/data-files.js';
import { compilePattern, foldText, maskValue, sourceRangeOfText, trimTrailing } from '../../src/rule-helpers.js';

type ContactKind = 'phone' | 'email' | 'website' | 'hours' | 'address';
type Cues = Partial<Record<ContactKind, string[]>>;

interface Options {
  /** How many characters before a detail (within its paragraph) a cue may stand. */
  cueDistance: number;
}

type PhoneLibrary = typeof import('libphonenumber-js/max');
let phoneLibrary: PhoneLibrary | undefined;
/** Loaded on first use: drafts without configured phones never pay for the metadata. */
function phones(): PhoneLibrary {
  phoneLibrary ??= createRequire(import.meta.url)('libphonenumber-js/max') as PhoneLibrary;
  return phoneLibrary;
}

function cuesFor(languages: readonly string[]): Cues {
  const merged: Cues = {};
  for (const language of new Set(languages)) {
    if (!/^[a-z]{2,3}$/.test(language)) continue;
    const data = ruleData<Cues>(import.meta.url, `cues.${language}.yaml`);
    for (const [kind, patterns] of Object.entries(data ?? {}) as Array<[ContactKind, string[]]>) {
      merged[kind] = [...(merged[kind] ?? []), ...(patterns ?? [])];
    }
  }
  return merged;
}

/** The text of the paragraph before `offset`, at most `distance` characters. */
function textBefore(text: string, offset: number, distance: number): string {
  const window = text.slice(Math.max(0, offset - distance), offset);
  const paragraphBreak = window.lastIndexOf('\n\n');
  return paragraphBreak >= 0 ? window.slice(paragraphBreak + 2) : window;
}

function hasCue(window: string, patterns: readonly string[] | undefined): boolean {
  return (patterns ?? []).some((pattern) => compilePattern(pattern).test(window));
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** E.164 forms of the configured numbers (each read with every configured region), and their bare digits. */
function configuredPhones(settings: OrganisationSettings): { e164: Set<string>; digits: string[] } {
  const { parsePhoneNumberFromString } = phones();
  const e164 = new Set<string>();
  for (const value of settings.contact.phones) {
    for (const region of [undefined, ...settings.phoneRegions]) {
      const parsed = parsePhoneNumberFromString(value.replace(/^\s*00/, '+'), region as CountryCode | undefined);
      if (parsed?.isValid()) e164.add(parsed.number);
    }
  }
  return { e164, digits: settings.contact.phones.map(digitsOf).filter((digits) => digits.length >= 6) };
}

function checkPhones(context: PostRuleContext<Options>, cues: Cues): void {
  const { post, settings, options } = context;
  if (settings.contact.phones.length === 0) return;
  const text = post.text.value;
  if (!/\d{2}/.test(text)) return;
  const known = configuredPhones(settings);
  const seen = new Set<number>();
  for (const region of settings.phoneRegions.length > 0 ? settings.phoneRegions : [undefined]) {
    for (const found of phones().searchPhoneNumbersInText(text, { defaultCountry: region as CountryCode | undefined })) {
      if (seen.has(found.startsAt)) continue;
      seen.add(found.startsAt);
      const written = text.slice(found.startsAt, found.endsAt);
      const digits = digitsOf(written);
      const matches = known.e164.has(found.number.number)
        || known.digits.some((configured) => configured.endsWith(digits) || digits.endsWith(configured));
      if (matches) continue;
      if (!hasCue(textBefore(text, found.startsAt, options.cueDistance), cues.phone)) continue;
      reportDetail(context, 'phone', found.startsAt, found.endsAt, maskValue(written), settings.contact.phones, 'settings.contact.phones');
    }
  }
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,4}/gu;

function domainOf(value: string): string | undefined {
  const host = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : value;
  return (getDomain(host) ?? undefined)?.toLowerCase();
}

/** The clinic's own registrable domains: ownDomains and those of its configured e-mails and websites. */
function clinicDomains(settings: OrganisationSettings): Set<string> {
  const domains = new Set<string>();
  for (const value of [...settings.ownDomains, ...settings.contact.emails, ...settings.contact.websites]) {
    const domain = domainOf(value);
    if (domain) domains.add(domain);
  }
  return domains;
}

function checkEmails(context: PostRuleContext<Options>, cues: Cues): void {
  const { post, settings, options } = context;
  if (settings.contact.emails.length === 0) return;
  const text = post.text.value;
  if (!text.includes('@')) return;
  const configured = new Set(settings.contact.emails.map((email) => email.trim().toLowerCase()));
  const domains = clinicDomains(settings);
  for (const match of text.matchAll(EMAIL)) {
    const email = trimTrailing(match[0], '.-');
    const start = match.index ?? 0;
    if (configured.has(email.toLowerCase())) continue;
    const domain = domainOf(email);
    const clinics = domain !== undefined && domains.has(domain);
    if (!clinics && !hasCue(textBefore(text, start, options.cueDistance), cues.email)) continue;
    reportDetail(context, 'email', start, start + email.length, maskValue(email), settings.contact.emails, 'settings.contact.emails');
  }
}

function checkWebsites(context: PostRuleContext<Options>, cues: Cues): void {
  const { post, settings, options } = context;
  if (settings.contact.websites.length === 0) return;
  const known = new Set(settings.contact.websites.map(domainOf).filter((domain): domain is string => domain !== undefined));
  const allowed = new Set(settings.allowedDomains.map((domain) => domain.toLowerCase()));
  for (const link of post.links) {
    if (link.form === 'front-matter' || link.url.startsWith('mailto:')) continue;
    const domain = domainOf(link.url.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0]);
    if (!domain || known.has(domain) || allowed.has(domain)) continue;
    // The text before the link and, for "[our website](https://…)", the link text itself.
    const before = post.source.slice(Math.max(post.bodyOffset, link.start - options.cueDistance), link.end).replace(link.url, ' ');
    const paragraph = before.slice(before.lastIndexOf('\n\n') + 1);
    const window = paragraph.replace(/[[\]()*_`<>]/g, ' ');
    if (!hasCue(window, cues.website)) continue;
    context.report({
      message: `the website ${link.url} is presented as the clinic's but is not one of the configured websites (${settings.contact.websites.join(', ')})`,
      start: link.start, end: link.end, kind: 'website',
      suggestion: `link to ${settings.contact.websites[0]}, or add this site to settings.contact.websites if it is current`,
    });
  }
}

// A time range: "9:00-20:00", "9 a 14h", "dalle 9 alle 13", "9am to 5pm". Bounded, one optional part at a time.
const TIME_RANGE =
  /(?<![\p{N}:.])([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?[ \u00a0]?(a\.?m\.?|p\.?m\.?|h)?[ \u00a0]?(?:-|–|—|to|until|till|a|al|hasta|alle|fino alle)[ \u00a0]?([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?[ \u00a0]?(a\.?m\.?|p\.?m\.?|h)?(?![\p{N}])/giu;

interface TimeRange { from: number; to: number; start: number; end: number }

function timeRanges(value: string): TimeRange[] {
  const ranges: TimeRange[] = [];
  for (const match of value.matchAll(TIME_RANGE)) {
    const [, fromHour, fromMinute, fromMarker, toHour, toMinute, toMarker] = match;
    const isPm = (marker: string | undefined) => marker !== undefined && /^p/i.test(marker);
    let to = Number(toHour) * 60 + Number(toMinute ?? 0);
    if (isPm(toMarker) && Number(toHour) < 12) to += 720;
    let from = Number(fromHour) * 60 + Number(fromMinute ?? 0);
    if (isPm(fromMarker) && Number(fromHour) < 12) from += 720;
    else if (!fromMarker && isPm(toMarker) && from + 720 <= to) from += 720;
    if (to <= from) continue; // "2-1" is not a time range
    const start = match.index ?? 0;
    ranges.push({ from, to, start, end: start + match[0].length });
  }
  return ranges;
}

const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

function checkHours(context: PostRuleContext<Options>, cues: Cues): void {
  const { post, settings } = context;
  if (settings.contact.openingHours.length === 0) return;
  const configured = settings.contact.openingHours.flatMap((hours) => timeRanges(hours));
  if (configured.length === 0) return;
  const text = post.text.value;
  const reported = new Set<number>();
  for (const pattern of cues.hours ?? []) {
    for (const cue of text.matchAll(compilePattern(pattern))) {
      const afterStart = (cue.index ?? 0) + cue[0].length;
      let after = text.slice(afterStart, afterStart + 160);
      const paragraphBreak = after.indexOf('\n\n');
      if (paragraphBreak >= 0) after = after.slice(0, paragraphBreak);
      for (const range of timeRanges(after)) {
        const start = afterStart + range.start;
        if (reported.has(start)) continue;
        if (configured.some((known) => known.from === range.from && known.to === range.to)) continue;
        reported.add(start);
        context.report({
          ...sourceRangeOfText(post, start, afterStart + range.end),
          message: `opening hours ${clock(range.from)}–${clock(range.to)} differ from the configured ones (${settings.contact.openingHours.join('; ')})`,
          kind: 'hours',
          suggestion: 'give the current opening hours, or update settings.contact.openingHours if they changed',
        });
      }
    }
  }
}

function streetTokens(value: string): string[] {
  const streetWords = new Set((ruleData<{ streetWords: string[] }>(import.meta.url, 'streets.yaml')?.streetWords ?? []).map(foldText));
  return (foldText(value).match(/[\p{L}\p{N}]+/gu) ?? []).filter((token) => !streetWords.has(token));
}

function checkAddresses(context: PostRuleContext<Options>, cues: Cues): void {
  const { post, settings } = context;
  if (settings.contact.addresses.length === 0) return;
  // The street and number: the first comma-separated part, and the second when the number is there ("Calle Mayor, 12").
  const configured = settings.contact.addresses.map((address) => {
    const parts = address.split(',');
    const street = /\d/.test(parts[0]) || parts.length === 1 ? parts[0] : `${parts[0]} ${parts[1]}`;
    return streetTokens(street).filter((token) => !/^\d{5}$/.test(token));
  });
  const text = post.text.value;
  const done = new Set<number>();
  for (const pattern of cues.address ?? []) {
    for (const cue of text.matchAll(compilePattern(pattern))) {
      const start = (cue.index ?? 0) + cue[0].length;
      if (done.has(start)) continue;
      done.add(start);
      const rest = text.slice(start, start + 100);
      const stop = rest.search(/[.!?](?:\s|$)|\n/);
      const snippet = (stop >= 0 ? rest.slice(0, stop) : rest).trim();
      if (!/\d/.test(snippet) || snippet.length < 4) continue; // no street number: not an address
      const tokens = new Set(streetTokens(snippet));
      if (configured.some((address) => address.length > 0 && address.every((token) => tokens.has(token)))) continue;
      const offset = start + rest.indexOf(snippet);
      context.report({
        ...sourceRangeOfText(post, offset, offset + snippet.length),
        message: `the address '${snippet}' is presented as the clinic's but matches none of the configured addresses (${settings.contact.addresses.join('; ')})`,
        kind: 'address',
        suggestion: 'give the current address, or update settings.contact.addresses if the clinic moved',
      });
    }
  }
}

function reportDetail(
  context: PostRuleContext<Options>, kind: ContactKind, textStart: number, textEnd: number, masked: string,
  configured: readonly string[], setting: string,
): void {
  const what = kind === 'phone' ? 'phone number' : 'e-mail address';
  context.report({
    ...sourceRangeOfText(context.post, textStart, textEnd),
    message: `the ${what} ${masked} is presented as the clinic's but is not one of the configured ones (${configured.join(', ')})`,
    kind,
    fingerprintText: masked,
    suggestion: `use ${configured[0]}${configured.length > 1 ? ' (or another configured one)' : ''}, or add it to ${setting} if it is current`,
  });
}

function hasContactSettings(post: Post, settings: OrganisationSettings): boolean {
  const { contact } = settings;
  return post.text.value.trim() !== ''
    && [contact.phones, contact.emails, contact.websites, contact.openingHours, contact.addresses].some((list) => list.length > 0);
}

const rule: PostRule<Options> = {
  meta: {
    id: 'contact-details',
    description: "Phone numbers, e-mails, websites, opening hours and addresses given as the clinic's match the configured current ones.",
    defaultSeverity: 'warn',
    tags: ['organisation'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cueDistance: { type: 'integer', minimum: 10, maximum: 300, default: 80, description: "How far before a detail (in characters, within its paragraph) a cue such as 'call us' may stand." },
      },
    },
  },
  check(context) {
    const { post, settings } = context;
    if (!hasContactSettings(post, settings)) return;
    const cues = cuesFor([post.language, ...settings.languages]);
    checkPhones(context, cues);
    checkEmails(context, cues);
    checkWebsites(context, cues);
    checkHours(context, cues);
    checkAddresses(context, cues);
  },
};

export default rule;
