// The data behind ad-disclosure: per-language lexicons (labels, ambiguous tags, partnership cues), affiliate link
// signs and jurisdictions, all YAML beside this file. Adding a language means adding lexicon.<lang>.yaml.
import { readdirSync } from 'node:fs';
import { ruleData } from '../../src/data-files.js';
import { ruleDirectory } from '../../src/package-root.js';
import { declarePattern, foldText } from '../../src/rule-helpers.js';

export interface DisclosureLexicon {
  language?: string;
  labels?: string[];
  labelExceptions?: string[];
  ambiguousTags?: string[];
  sponsorshipTags?: string[];
  partnershipCues?: string[];
  cueExceptions?: string[];
  discountCodeCues?: string[];
  personalCodeCues?: string[];
  suggestedLabel?: string;
}

export interface AffiliateData {
  hosts: string[];
  queryParameters: string[];
  queryValues: Record<string, string[]>;
  amazonHosts: string[];
}

export interface DisclosureJurisdiction {
  name: string;
  basis: string;
  labels?: string[];
  source?: string;
}

const PATTERN_LISTS = ['labels', 'labelExceptions', 'partnershipCues', 'cueExceptions', 'discountCodeCues', 'personalCodeCues'] as const;

function loadLexicons(): Map<string, DisclosureLexicon> {
  const lexicons = new Map<string, DisclosureLexicon>();
  const files = readdirSync(ruleDirectory(import.meta.url)).filter((name) => /^lexicon\.[a-z]{2,3}\.yaml$/.test(name)).sort();
  for (const file of files) {
    const language = file.split('.')[1];
    const lexicon = ruleData<DisclosureLexicon>(import.meta.url, file) ?? {};
    // Compiled when first run; declared so the tests compile and check every one.
    for (const list of PATTERN_LISTS) for (const pattern of lexicon[list] ?? []) declarePattern(pattern);
    lexicons.set(language, lexicon);
  }
  return lexicons;
}

export const LEXICONS: ReadonlyMap<string, DisclosureLexicon> = loadLexicons();

/** Labels and their exceptions count in every draft, whatever its language. */
export const ALL_LABELS: readonly string[] = [...new Set([...LEXICONS.values()].flatMap((lexicon) => lexicon.labels ?? []))];
export const ALL_LABEL_EXCEPTIONS: readonly string[] = [...new Set([...LEXICONS.values()].flatMap((lexicon) => lexicon.labelExceptions ?? []))];
export const ALL_AMBIGUOUS_TAGS: ReadonlySet<string> = new Set([...LEXICONS.values()].flatMap((lexicon) => (lexicon.ambiguousTags ?? []).map(foldText)));
export const ALL_SPONSORSHIP_TAGS: ReadonlySet<string> = new Set([...LEXICONS.values()].flatMap((lexicon) => (lexicon.sponsorshipTags ?? []).map(foldText)));

export const AFFILIATE: AffiliateData = {
  hosts: [],
  queryParameters: [],
  queryValues: {},
  amazonHosts: [],
  ...(ruleData<Partial<AffiliateData>>(import.meta.url, 'affiliate.yaml') ?? {}),
};

export const JURISDICTIONS: Readonly<Record<string, DisclosureJurisdiction>> =
  ruleData<Record<string, DisclosureJurisdiction>>(import.meta.url, 'jurisdictions.yaml') ?? {};
