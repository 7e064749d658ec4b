// The data behind health-claims: kinds (messages, fixes), per-language lexicons (patterns, exceptions,
// source cues) and jurisdictions (which kinds the law of a place bans outright). All YAML, beside this file.
import { ruleData } from '../../src/data-files.js';
import { compilePattern, declarePattern } from '../../src/rule-helpers.js';
import type { Severity } from '../../src/types.js';

export interface KindDefinition {
  explanation: string;
  suggestion: string;
  /** Only reported when the draft cites no source. */
  needsNoSource?: boolean;
  /** Only reported where an active jurisdiction lists the kind. */
  jurisdictionOnly?: boolean;
}

interface KindsFile {
  kinds: Record<string, KindDefinition>;
  nonSourceHosts?: string[];
}

export interface LexiconKind {
  patterns?: string[];
  /** Text that looks like the claim but is not one: a claim match overlapping an exception match is dropped. */
  exceptions?: string[];
}

export interface Lexicon {
  language?: string;
  claims?: Record<string, LexiconKind>;
  /** Text that names a source for figures and evidence ("according to the WHO", "Fuente:"). */
  sourceCues?: string[];
}

export interface JurisdictionKind {
  severity: Severity;
  basis: string;
  source?: string;
}

interface JurisdictionsFile {
  [code: string]: { name: string; kinds: Record<string, JurisdictionKind> };
}

const kindsFile = ruleData<KindsFile>(import.meta.url, 'kinds.yaml');
if (!kindsFile?.kinds) throw new Error('health-claims: kinds.yaml is missing or has no `kinds`');

/** Kind ids in priority order (earlier wins when matches overlap). */
export const KIND_ORDER: string[] = Object.keys(kindsFile.kinds);
export const KINDS: Readonly<Record<string, KindDefinition>> = kindsFile.kinds;
export const NON_SOURCE_HOSTS: readonly string[] = kindsFile.nonSourceHosts ?? [];

export const JURISDICTIONS: Readonly<JurisdictionsFile> = ruleData<JurisdictionsFile>(import.meta.url, 'jurisdictions.yaml') ?? {};

const lexiconCache = new Map<string, Lexicon | undefined>();

/** The lexicon of a language (lexicon.<lang>.yaml), checked once: unknown kinds and broken patterns throw with their place. */
export function lexiconFor(language: string): Lexicon | undefined {
  if (lexiconCache.has(language)) return lexiconCache.get(language);
  const lexicon = /^[a-z]{2,3}$/.test(language) ? ruleData<Lexicon>(import.meta.url, `lexicon.${language}.yaml`) : undefined;
  if (lexicon) validateLexicon(lexicon, `lexicon.${language}.yaml`);
  lexiconCache.set(language, lexicon);
  return lexicon;
}

function validateLexicon(lexicon: Lexicon, fileName: string): void {
  // Patterns compile when first run (compiling all of them up front was a tenth of a one-draft run); they are
  // declared so the tests compile and check every one of them.
  for (const [kind, entry] of Object.entries(lexicon.claims ?? {})) {
    if (!KINDS[kind]) throw new Error(`health-claims ${fileName}: unknown kind '${kind}' (known: ${KIND_ORDER.join(', ')})`);
    for (const pattern of [...(entry?.patterns ?? []), ...(entry?.exceptions ?? [])]) declarePattern(pattern);
  }
  for (const pattern of lexicon.sourceCues ?? []) declarePattern(pattern);
}

export function checkPattern(pattern: string, place: string): void {
  try {
    compilePattern(pattern);
  } catch (error) {
    throw new Error(`health-claims ${place}: pattern ${JSON.stringify(pattern)} does not compile: ${(error as Error).message}`);
  }
}

/** What the active jurisdictions say about a kind: the strictest severity and the legal bases to quote. */
export function jurisdictionRuling(kind: string, jurisdictions: readonly string[]): { severity?: Severity; bases: string[]; listed: boolean } {
  let severity: Severity | undefined;
  const bases: string[] = [];
  let listed = false;
  for (const code of jurisdictions) {
    const entry = JURISDICTIONS[code.toLowerCase()]?.kinds?.[kind];
    if (!entry) continue;
    listed = true;
    if (entry.severity === 'error') severity = 'error';
    if (entry.basis && !bases.includes(entry.basis)) bases.push(entry.basis);
  }
  return { severity, bases, listed };
}
