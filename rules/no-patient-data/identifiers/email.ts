// E-mail addresses: local part @ a registrable domain with a known public suffix (tldts, as Presidio uses
// tldextract). Role mailboxes of organisations ("info@", "citas@", "prenotazioni@" at a company domain)
// are not personal data; the same names at a webmail provider are (anyone can register them).
import { parse as parseDomain } from 'tldts';
import { maskValue, trimTrailing } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

const CANDIDATE = /(?<![\p{L}\p{N}._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63}){1,8}/gu;

export interface EmailDetection extends Detection {
  domain: string;
  localPart: string;
}

export function findEmailAddresses(text: string): EmailDetection[] {
  const found: EmailDetection[] = [];
  if (!text.includes('@')) return found;
  for (const match of execAll(CANDIDATE, text)) {
    const value = trimTrailing(match[0], '.-');
    const at = value.indexOf('@');
    const domain = value.slice(at + 1).toLowerCase();
    const parsed = parseDomain(domain);
    if (!parsed.domain || !parsed.isIcann) continue;
    const start = match.index ?? 0;
    const localPart = value.slice(0, at);
    found.push({
      kind: 'email', start, end: start + value.length, value, domain, localPart,
      masked: `${maskValue(localPart, 1, 0)}@${maskDomain(domain)}`,
    });
  }
  return found;
}

/** "empresa.es" -> "e••••••.es": the registrable name masked, the public suffix kept. */
function maskDomain(domain: string): string {
  const suffix = parseDomain(domain).publicSuffix ?? '';
  const name = suffix ? domain.slice(0, domain.length - suffix.length - 1) : domain;
  return `${maskValue(name, 1, 0)}${suffix ? `.${suffix}` : ''}`;
}

/** Whether an address is a role mailbox of an organisation (not a person), given the lexicon's lists. */
export function isOrganisationRoleAddress(email: EmailDetection, roleMailboxes: readonly string[], webmailDomains: readonly string[]): boolean {
  const registrable = parseDomain(email.domain).domain ?? email.domain;
  if (webmailDomains.includes(registrable) || webmailDomains.includes(email.domain)) return false;
  const local = email.localPart.toLowerCase().replace(/[._\-]+/g, '');
  return roleMailboxes.some((role) => local === role.replace(/[._\-]+/g, ''));
}
