// Organisation settings: defaults, and merging what a config file says over them.
import type { OrganisationSettings } from './types.js';

/** Public-health and reference sources a post may always link to. */
export const PUBLIC_HEALTH_DOMAINS = [
  'who.int', 'cdc.gov', 'nih.gov', 'fda.gov', 'nhs.uk', 'gov.uk', 'europa.eu', 'ecdc.europa.eu', 'ema.europa.eu',
  'sanidad.gob.es', 'aemps.gob.es', 'isciii.es', 'salute.gov.it', 'iss.it', 'epicentro.iss.it', 'aifa.gov.it',
  'pubmed.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov', 'doi.org', 'cochrane.org', 'cochranelibrary.com',
];

export function defaultSettings(): OrganisationSettings {
  return {
    ownDomains: [],
    ownHandles: [],
    competitorDomains: [],
    competitorHandles: [],
    allowedDomains: [...PUBLIC_HEALTH_DOMAINS],
    languages: ['en', 'es', 'it'],
    defaultLanguage: 'en',
    phoneRegions: ['ES', 'IT', 'US', 'GB'],
    jurisdictions: [],
    contact: { phones: [], emails: [], addresses: [], openingHours: [], websites: [] },
    allowedNames: [],
    vocabulary: { accept: {}, reject: {} },
    platforms: {},
    noHashtagPlatforms: [],
  };
}

/** Settings from config over the defaults: lists replace defaults, except allowedDomains, which adds to them. */
export function mergeSettings(base: OrganisationSettings, override: Partial<OrganisationSettings> | undefined): OrganisationSettings {
  if (!override) return base;
  const merged: OrganisationSettings = { ...base, ...override } as OrganisationSettings;
  if (override.allowedDomains) merged.allowedDomains = [...new Set([...base.allowedDomains, ...override.allowedDomains])];
  merged.contact = { ...base.contact, ...(override.contact ?? {}) };
  merged.vocabulary = {
    accept: { ...base.vocabulary.accept, ...(override.vocabulary?.accept ?? {}) },
    reject: { ...base.vocabulary.reject, ...(override.vocabulary?.reject ?? {}) },
  };
  merged.platforms = { ...base.platforms, ...(override.platforms ?? {}) };
  return merged;
}
