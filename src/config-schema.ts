// The shape of a medpost config file (.medpostrc.yaml), as JSON Schema: used to validate configs and to
// generate schema/medpostrc.schema.json for editors.
import type { JsonSchema } from './types.js';

const stringList: JsonSchema = { type: 'array', items: { type: 'string' } };
const perLanguageTerms: JsonSchema = {
  type: 'object',
  description: "Per language code (en, es, it … or 'all'): words and phrases.",
  additionalProperties: stringList,
};

export const SETTINGS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'What the organisation is, owns and says. Rules read these.',
  properties: {
    brandName: { type: 'string', description: "The brand written the one right way, e.g. 'Clínica Dental Sonrisa'." },
    brandAliases: { ...stringList, description: 'Other accepted writings of the brand.' },
    ownDomains: { ...stringList, description: "The organisation's own websites (links to them are fine)." },
    ownHandles: { ...stringList, description: "The organisation's own social handles, without '@'." },
    competitorDomains: { ...stringList, description: 'Websites of competitors: links to them are flagged.' },
    competitorHandles: { ...stringList, description: "Social handles of competitors, without '@'." },
    allowedDomains: { ...stringList, description: 'Domains always allowed (added to the built-in public-health sources).' },
    languages: { ...stringList, description: 'Languages the organisation posts in (ISO 639-1). Detection is restricted to these.' },
    defaultLanguage: { type: 'string', description: 'Language assumed when a draft has no lang and is too short to detect.' },
    phoneRegions: { ...stringList, description: 'ISO 3166 region codes for reading phone numbers without a country code (ES, IT, US, GB …).' },
    jurisdictions: { ...stringList, description: 'Where the advertising law applies: us, es, it, eu, uk …' },
    contact: {
      type: 'object',
      additionalProperties: false,
      description: 'The current, published contact details.',
      properties: {
        phones: stringList,
        emails: stringList,
        addresses: stringList,
        openingHours: stringList,
        websites: stringList,
      },
    },
    allowedNames: { ...stringList, description: 'Staff and public figures who may be named in posts.' },
    vocabulary: {
      type: 'object',
      additionalProperties: false,
      description: 'Team vocabulary honoured by every text rule.',
      properties: {
        accept: { ...perLanguageTerms, description: 'Terms never flagged (a product name, a slogan).' },
        reject: { ...perLanguageTerms, description: 'Terms always flagged by the vocabulary rule.' },
      },
    },
    platforms: {
      type: 'object',
      description: 'Per platform id: facts that override or add to the built-in platform data.',
      additionalProperties: { type: 'object' },
    },
    noHashtagPlatforms: { ...stringList, description: 'Platforms on which the organisation does not use hashtags.' },
  },
};

const severity: JsonSchema = { enum: ['off', 'warn', 'error', 0, 1, 2] };

export const PATTERN_RULE_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'message', 'patterns'],
  description: 'A rule written as data: regular expressions per language.',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9/-]*$', description: "kebab-case id, e.g. 'team/no-whatsapp-numbers'" },
    message: { type: 'string' },
    description: { type: 'string' },
    suggestion: { type: 'string' },
    severity: { enum: ['warn', 'error'] },
    platforms: { ...stringList, description: 'Only for drafts on these platforms (default: all).' },
    patterns: {
      type: 'object',
      description: "Per language code (or 'all'): regular expressions (case-insensitive).",
      additionalProperties: stringList,
    },
  },
};

export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: {
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      description: "Presets ('recommended', 'strict') or paths of other config files.",
    },
    files: { ...stringList, description: 'The drafts of this content repo (globs relative to this file): what `medpost lint` with no paths lints, and what calendar rules see.' },
    ignorePatterns: { ...stringList, description: 'Globs (relative to this file) never linted.' },
    settings: SETTINGS_SCHEMA,
    rules: { type: 'object', description: "Rule id -> 'off' | 'warn' | 'error' | [severity, options]" },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: stringList,
          excludedFiles: stringList,
          settings: SETTINGS_SCHEMA,
          rules: { type: 'object' },
        },
      },
    },
    plugins: { ...stringList, description: 'Paths (relative to this file) or package names of modules exporting { rules }.' },
    patterns: { type: 'array', items: PATTERN_RULE_SCHEMA },
  },
};

export const SEVERITY_SCHEMA = severity;
