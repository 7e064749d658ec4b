// The organisation's own published contact details (settings.contact, settings.ownDomains) and values the
// team allows (option allowedValues) are never reported.
import type { OrganisationSettings } from '../../src/types.js';
import { parsePhone } from './identifiers/phone.js';

export interface OwnContact {
  isOwnPhone(e164: string, written: string): boolean;
  isOwnEmail(address: string): boolean;
  isAllowedValue(value: string): boolean;
}

const ownPhoneCache = new Map<string, Set<string>>();

function ownPhoneNumbers(phones: readonly string[], regions: readonly string[]): Set<string> {
  const key = `${regions.join(',')}\0${phones.join('\0')}`;
  let numbers = ownPhoneCache.get(key);
  if (!numbers) {
    numbers = new Set<string>();
    for (const phone of phones) {
      const parsed = parsePhone(phone, regions);
      numbers.add(parsed ? parsed.number : phone.replace(/\D/g, ''));
    }
    ownPhoneCache.set(key, numbers);
  }
  return numbers;
}

export function ownContact(settings: Readonly<OrganisationSettings>, allowedValues: readonly string[]): OwnContact {
  const emails = new Set(settings.contact.emails.map((email) => email.trim().toLowerCase()));
  const domains = settings.ownDomains.map((domain) => domain.trim().toLowerCase().replace(/^www\./, ''));
  const allowed = new Set(allowedValues.map(compact));
  return {
    isOwnPhone(e164, written) {
      if (settings.contact.phones.length === 0) return allowed.has(compact(written));
      const own = ownPhoneNumbers(settings.contact.phones, settings.phoneRegions);
      return own.has(e164) || own.has(written.replace(/\D/g, '')) || allowed.has(compact(written));
    },
    isOwnEmail(address) {
      const lower = address.toLowerCase();
      if (emails.has(lower) || allowed.has(compact(lower))) return true;
      const domain = lower.slice(lower.indexOf('@') + 1);
      return domains.some((own) => domain === own || domain.endsWith(`.${own}`));
    },
    isAllowedValue(value) {
      return allowed.has(compact(value));
    },
  };
}

function compact(value: string): string {
  return value.toLowerCase().replace(/[\s\-./()]/g, '');
}
