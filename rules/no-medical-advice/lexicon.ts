// Loading the per-language lexicons of no-medical-advice (lexicon.<lang>.yaml beside this file) and turning
// their word lists and cue templates into regular expressions. The YAML holds every word; this file knows only
// the shape: `terms` (word lists), `cues` (patterns that raise the score), `markers` (patterns that lower it),
// `alternatives` (a safe rewording per finding kind). A pattern refers to a word list as {name}.
import { createHash } from 'node:crypto';
import { ruleData } from '../../src/data-files.js';
import { compilePattern, unicodeWordBoundaries } from '../../src/rule-helpers.js';
import { compileCaseInsensitive } from '../../src/explicit-case.js';
import { knownLiteralClauses, rememberLiteralClauses, requiredLiteralClauses, type Conjunction } from '../../src/pattern-prefilter.js';

/** Cue categories: what a sentence does to someone. Weights live in score.ts. */
export const CUE_CATEGORIES = [
  'remote', 'diagnosis', 'assessment', 'treatment', 'change', 'caution', 'instruction', 'dose', 'regimen',
  'personal', 'symptomReference', 'treatmentMention', 'secondPerson', 'vocative',
] as const;
export type CueCategory = (typeof CUE_CATEGORIES)[number];

/** Markers: what makes a sentence general information rather than advice to one person. */
export const MARKER_CATEGORIES = ['consult', 'deferral', 'generic', 'authority', 'general', 'disclaimer'] as const;
export type MarkerCategory = (typeof MARKER_CATEGORIES)[number];

export const FINDING_KINDS = ['treatment', 'dose', 'diagnosis', 'personal'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

interface LexiconFile {
  language?: string;
  terms?: Record<string, string[]>;
  cues?: Partial<Record<CueCategory, string[]>>;
  markers?: Partial<Record<MarkerCategory, string[]>>;
  /** Words that, just before a diagnosis cue, make it hypothetical ("if you have…", "signs you have…"). */
  hypothetical?: string[];
  alternatives?: Partial<Record<FindingKind, string>>;
}

/**
 * A lexicon pattern: its template is expanded and compiled only when it first runs. Most never run on a given
 * draft (the prefilter rules them out, from `clauses`, which are read off the template without expanding it),
 * and expanding and compiling hundreds of large Unicode patterns up front was most of the time of linting one draft.
 */
export class LexiconPattern {
  private expanded: string | undefined;
  private compiled: RegExp | undefined;

  constructor(
    private readonly expand: () => string,
    /** Literal clauses every match satisfies (see src/pattern-prefilter.ts), or null when none is certain. */
    readonly clauses: Conjunction | null,
    private readonly where: string,
  ) {}

  /** The expanded regular expression source. */
  get source(): string {
    this.expanded ??= this.expand();
    return this.expanded;
  }

  get regex(): RegExp {
    if (!this.compiled) {
      try {
        this.compiled = compilePattern(this.source);
      } catch (error) {
        throw new Error(`${this.where}: invalid pattern: ${(error as Error).message}`);
      }
    }
    return this.compiled;
  }
}

export interface CompiledLexicon {
  language: string;
  cues: Record<CueCategory, LexiconPattern[]>;
  markers: Record<MarkerCategory, LexiconPattern[]>;
  /** Matches when the text before a diagnosis cue ends in a hypothetical frame. */
  hypothetical: RegExp | undefined;
  alternatives: Partial<Record<FindingKind, string>>;
}

const PLACEHOLDER = /(?<!\\[pP])\{([A-Za-z][A-Za-z0-9]*)\}/g; // not \p{L}
const compiledCache = new Map<string, CompiledLexicon | null>();

/** The raw lexicon of a language ('es', or 'pt' for 'pt-BR'), or undefined when medpost has none. */
function readLexicon(language: string): { file: LexiconFile; language: string } | undefined {
  const candidates = [language.toLowerCase(), language.toLowerCase().split(/[-_]/)[0]];
  for (const candidate of candidates) {
    if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/.test(candidate)) continue;
    const file = ruleData<LexiconFile>(import.meta.url, `lexicon.${candidate}.yaml`);
    if (file) return { file, language: candidate };
  }
  return undefined;
}

/**
 * The compiled lexicon of a language, with the organisation's extra terms merged into its word lists.
 * Undefined when the language has no lexicon file.
 */
export function lexiconFor(language: string, extraTerms: Record<string, string[]> = {}): CompiledLexicon | undefined {
  const key = `${language}\0${JSON.stringify(extraTerms)}`;
  const cached = compiledCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const raw = readLexicon(language);
  const compiled = raw ? compileLexicon(raw.file, raw.language, extraTerms) : null;
  compiledCache.set(key, compiled);
  return compiled ?? undefined;
}

export function compileLexicon(file: LexiconFile, language: string, extraTerms: Record<string, string[]> = {}): CompiledLexicon {
  const terms: Record<string, string[]> = {};
  for (const [name, words] of Object.entries(file.terms ?? {})) terms[name] = [...(words ?? [])].map(String);
  for (const [name, words] of Object.entries(extraTerms)) {
    // Extra terms are plain words from configuration: escape them so a '.' or '+' means itself.
    if (terms[name]) terms[name].push(...words.map((word) => escapeRegExp(String(word).trim())).filter(Boolean));
  }
  const where = `lexicon.${language}.yaml`;
  const clausesOf = templateClauses(terms, where);
  const build = (source: string, section: string) => new LexiconPattern(
    () => expandTemplate(source, terms, `${where} ${section}`),
    clausesOf(source, `${where} ${section}`),
    `${where} ${section}`,
  );

  const cues = Object.fromEntries(CUE_CATEGORIES.map((category) => [
    category, (file.cues?.[category] ?? []).map((source) => build(source, `cues.${category}`)),
  ])) as Record<CueCategory, LexiconPattern[]>;
  const markers = Object.fromEntries(MARKER_CATEGORIES.map((category) => [
    category, (file.markers?.[category] ?? []).map((source) => build(source, `markers.${category}`)),
  ])) as Record<MarkerCategory, LexiconPattern[]>;
  const hypotheticalWords = (file.hypothetical ?? []).map((source) => expandTemplate(source, terms, `${where} hypothetical`));
  // The hypothetical frame must close the text before the cue: "if you think " + "you have the flu".
  const hypothetical = hypotheticalWords.length > 0
    ? compile(`\\b(?:${hypotheticalWords.join('|')})\\b[^,;:]{0,24}$`, `${where} hypothetical`, 'iu')
    : undefined;
  return { language, cues, markers, hypothetical, alternatives: file.alternatives ?? {} };
}

/**
 * Replaces {name} with an alternation of the word list `name` (longest first), and each literal space
 * outside a character class with ' {1,3}' so that doubled spaces in a draft do not hide a cue. Bounded, not ' +':
 * an unbounded run inside a lookbehind makes the pattern quadratic on long runs of spaces.
 */
export function expandTemplate(source: string, terms: Record<string, string[]>, where: string, depth = 0): string {
  if (depth > 3) throw new Error(`${where}: word lists refer to each other too deeply in "${source}"`);
  const expanded = source.replace(PLACEHOLDER, (_whole, name: string) => {
    const words = terms[name];
    if (!words) throw new Error(`${where}: unknown word list {${name}} in "${source}"`);
    const alternatives = [...words].sort((a, b) => b.length - a.length).map((word) => expandTemplate(word, terms, where, depth + 1));
    return `(?:${alternatives.join('|')})`;
  });
  return depth === 0 ? flexibleSpaces(expanded) : expanded;
}

/** First of the private-use characters that stand for word lists while a template is read for its literals. */
const WORD_LIST_MARKER = 0xe000;

/**
 * The literal clauses of templates (see PatternPrefilter), read without expanding them: each {name} is read as
 * one character standing for its word list, whose clauses are worked out once. The result is what reading the
 * expanded pattern gives, at a fraction of the cost (the drug list alone is in dozens of patterns).
 * Also checks, up front, that every {name} exists.
 */
function templateClauses(terms: Record<string, string[]>, where: string): (template: string, place: string) => Conjunction | null {
  const markerOf = new Map<string, string>();
  const atoms = new Map<string, Conjunction>();
  const withMarkers = (source: string, place: string, depth: number): string => source.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!terms[name]) throw new Error(`${place}: unknown word list {${name}} in "${source}"`);
    if (depth > 3) throw new Error(`${place}: word lists refer to each other too deeply in "${source}"`);
    let marker = markerOf.get(name);
    if (marker !== undefined && !atoms.has(marker)) throw new Error(`${place}: word list {${name}} refers to itself in "${source}"`);
    if (marker === undefined) {
      marker = String.fromCharCode(WORD_LIST_MARKER + markerOf.size);
      markerOf.set(name, marker);
      const group = flexibleSpaces(`(?:${terms[name].map((word) => withMarkers(word, place, depth + 1)).join('|')})`);
      atoms.set(marker, requiredLiteralClauses(group, atoms) ?? []);
    }
    return marker;
  });
  // Remembered by template and word lists: the marked template itself depends on the order templates are read in.
  const termsKey = createHash('sha1').update(JSON.stringify(terms)).digest('base64');
  return (template, place) => {
    const key = `template\0${termsKey}\0${template}`;
    let clauses = knownLiteralClauses(key);
    if (clauses === undefined) {
      clauses = requiredLiteralClauses(flexibleSpaces(withMarkers(template, place, 0)), atoms);
      rememberLiteralClauses(key, clauses);
    }
    return clauses;
  };
}

function flexibleSpaces(source: string): string {
  let result = '';
  let insideClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') {
      result += character + (source[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (character === '[') insideClass = true;
    else if (character === ']') insideClass = false;
    if (character === ' ' && !insideClass) {
      const next = source[index + 1];
      if (next === '?') {
        result += ' {0,3}'; // an optional space stays optional
        index += 1;
        continue;
      }
      if (next === '*' || next === '+' || next === '{') {
        result += character; // the author quantified this space already
        continue;
      }
      result += ' {1,3}';
      while (source[index + 1] === ' ') index += 1;
      continue;
    }
    result += character;
  }
  return result;
}

function compile(source: string, where: string, flags = 'giu'): RegExp {
  try {
    return compileCaseInsensitive(unicodeWordBoundaries(source), flags);
  } catch (error) {
    throw new Error(`${where}: invalid pattern: ${(error as Error).message}`);
  }
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
