// Many patterns, one text: which of them can possibly match in it? For each pattern we extract, once, a set of
// literal strings one of which every match must contain ("cure" for /\bcur(?:es?|ing)?e?\b/ … or
// ["best", "top"] for /the (best|top) clinic/). One scan of the lower-cased text finds which literals occur;
// only patterns with an occurring literal (or with no literal to go by) are then run. Cheaper than running
// hundreds of Unicode-aware patterns at every position of every sentence, and never drops a pattern that matches.
import { readFileSync } from 'node:fs';
import { LiteralAutomaton, foldForScan } from './literal-automaton.js';
import { givenSource } from './explicit-case.js';
import type { LiteralPool } from './literal-pool.js';

export { foldForScan };

/** Literals one of which a match contains (a disjunction). */
type Clause = string[];
/** Clauses a match satisfies all at once ("give" … and a drug name); [] when nothing is certain. */
export type Conjunction = Clause[];

/** At most this many clauses are kept per pattern (the most selective): enough to skip nearly every pattern. */
const MAX_CLAUSES = 3;

interface Parser {
  source: string;
  position: number;
  /** Characters that stand for a whole group whose clauses are known (see requiredLiteralClauses). */
  atoms?: ReadonlyMap<string, Conjunction>;
}

const QUANTIFIER_START = /[*+?{]/;

/** Parses an alternation up to ')' or the end; returns what every match of it contains. */
function parseAlternation(parser: Parser): Conjunction {
  const alternatives: Conjunction[] = [parseSequence(parser)];
  while (parser.source[parser.position] === '|') {
    parser.position += 1;
    alternatives.push(parseSequence(parser));
  }
  if (alternatives.length === 1) return alternatives[0];
  // One clause for the whole alternation: the best clause of each alternative, any of which may occur.
  if (alternatives.some((conjunction) => conjunction.length === 0)) return [];
  return [[...new Set(alternatives.flatMap((conjunction) => bestClause(conjunction)))]];
}

/** Reads a quantifier at the position, if any: its minimum count. */
function readQuantifier(parser: Parser): number | undefined {
  const { source } = parser;
  const character = source[parser.position];
  if (character === undefined || !QUANTIFIER_START.test(character)) return undefined;
  let minimum: number;
  if (character === '{') {
    const match = /^\{(\d+)(,\d*)?\}/.exec(source.slice(parser.position));
    if (!match) return undefined; // a literal '{'
    minimum = Number(match[1]);
    parser.position += match[0].length;
  } else {
    minimum = character === '+' ? 1 : 0;
    parser.position += 1;
  }
  if (source[parser.position] === '?') parser.position += 1; // lazy
  return minimum;
}

/** Higher is more selective: long literals, few of them. */
function selectivity(clause: Clause): number {
  return Math.min(...clause.map((literal) => literal.length)) * 10 - clause.length;
}

function bestClause(conjunction: Conjunction): Clause {
  return conjunction.reduce((best, clause) => (selectivity(clause) > selectivity(best) ? clause : best));
}

/** The most selective clauses, without duplicates. */
function strongest(conjunction: Conjunction): Conjunction {
  const unique = new Map(conjunction.map((clause) => [[...clause].sort().join('\u0000'), clause]));
  return [...unique.values()].sort((a, b) => selectivity(b) - selectivity(a)).slice(0, MAX_CLAUSES);
}

/** A literal run branches at each small class (`est[áa]s` -> "estás", "estas") up to this many variants. */
const MAX_RUN_VARIANTS = 8;
/** A class of a few plain characters, read as a choice of literals: `[ée]`, `[ºo°]`. */
const SMALL_CLASS = /^\[([^\\\]\[^-]{1,4})\]/u;

function parseSequence(parser: Parser): Conjunction {
  const { source } = parser;
  const clauses: Conjunction = [];
  // The literal run being read, in each of its variants ([''] when there is none).
  let runs = [''];
  const endRun = () => {
    if (runs[0] !== '') clauses.push(runs);
    runs = [''];
  };
  while (parser.position < source.length) {
    const character = source[parser.position];
    if (character === '|' || character === ')') break;
    let atomLiteral: string | undefined;
    let atomChoices: string[] | undefined;
    let atomClauses: Conjunction = [];
    const smallClass = character === '[' ? SMALL_CLASS.exec(source.slice(parser.position, parser.position + 12)) : null;
    if (character === '\\') {
      const next = source[parser.position + 1] ?? '';
      if (/[pPk]/.test(next) && source[parser.position + 2] === '{' || next === 'k') {
        const close = source.indexOf(next === 'k' ? '>' : '}', parser.position);
        parser.position = close === -1 ? source.length : close + 1;
      } else if (next === 'u' && source[parser.position + 2] === '{') {
        const close = source.indexOf('}', parser.position);
        atomLiteral = String.fromCodePoint(parseInt(source.slice(parser.position + 3, close), 16));
        parser.position = close + 1;
      } else if (next === 'u' && /^[0-9a-f]{4}$/i.test(source.slice(parser.position + 2, parser.position + 6))) {
        atomLiteral = String.fromCharCode(parseInt(source.slice(parser.position + 2, parser.position + 6), 16));
        parser.position += 6;
      } else if (next === 'x' && /^[0-9a-f]{2}$/i.test(source.slice(parser.position + 2, parser.position + 4))) {
        atomLiteral = String.fromCharCode(parseInt(source.slice(parser.position + 2, parser.position + 4), 16));
        parser.position += 4;
      } else if (/[sntrfv]/.test(next)) {
        atomLiteral = ' '; // white space, which the scan reads as a space
        parser.position += 2;
      } else if (/[dDwWSbBpP0-9c]/.test(next)) {
        parser.position += next === 'c' ? 3 : 2;
      } else {
        atomLiteral = next; // an escaped punctuation character
        parser.position += 2;
      }
    } else if (smallClass) {
      const [whole, members] = smallClass;
      atomChoices = [...new Set(Array.from(members, (member) => foldForScan(member)))];
      parser.position += whole.length;
    } else if (character === '[') {
      // Any other character class: no literal (skip to its end, honouring escapes and nested classes of the v flag).
      let depth = 0;
      for (; parser.position < source.length; parser.position += 1) {
        const inner = source[parser.position];
        if (inner === '\\') { parser.position += 1; continue; }
        if (inner === '[') depth += 1;
        else if (inner === ']') { depth -= 1; if (depth === 0) break; }
      }
      parser.position += 1;
    } else if (character === '(') {
      let zeroWidth = false;
      if (source.startsWith('(?:', parser.position)) parser.position += 3;
      else if (source.startsWith('(?=', parser.position) || source.startsWith('(?!', parser.position)) { parser.position += 3; zeroWidth = true; }
      else if (source.startsWith('(?<=', parser.position) || source.startsWith('(?<!', parser.position)) { parser.position += 4; zeroWidth = true; }
      else if (source.startsWith('(?<', parser.position)) parser.position = source.indexOf('>', parser.position) + 1;
      else parser.position += 1;
      const inner = parseAlternation(parser);
      parser.position += 1; // ')'
      if (zeroWidth) {
        // A lookaround consumes nothing: it neither breaks nor extends the literal run around it.
        readQuantifier(parser);
        continue;
      }
      atomClauses = inner;
    } else if (character === '.' || character === '^' || character === '$') {
      parser.position += 1;
    } else if (parser.atoms?.has(character)) {
      atomClauses = parser.atoms.get(character)!;
      parser.position += 1;
    } else {
      atomLiteral = character;
      parser.position += 1;
    }

    const minimum = readQuantifier(parser);
    if (atomLiteral !== undefined && minimum !== 0) {
      const folded = foldForScan(atomLiteral);
      runs = runs.map((run) => run + folded);
      if (minimum !== undefined) {
        // Repeated at least once: the first copy ends the run before it, the last begins the run after it
        // ("take\s+\d+\s+mg" contains "take " and " mg").
        endRun();
        runs = [folded];
      }
      continue;
    }
    if (atomChoices !== undefined && minimum === undefined && runs.length * atomChoices.length <= MAX_RUN_VARIANTS) {
      runs = runs.flatMap((run) => atomChoices.map((choice) => run + choice));
      continue;
    }
    endRun();
    if (minimum !== undefined && minimum === 0) continue;
    clauses.push(...atomClauses);
  }
  endRun();
  return strongest(clauses);
}

/**
 * Clauses already read, by key (a pattern's source, or what a caller names its source and atoms by). Seeded from
 * literal-clauses.json, which the build writes next to the CLI bundle with this same code (scripts/build.mjs):
 * reading the shipped lexicons' patterns is ~30 ms of a one-draft run. A key not in it is read as usual.
 */
const knownClauses = new Map<string, Conjunction | null>();
let seeded = false;

export function knownLiteralClauses(key: string): Conjunction | null | undefined {
  if (!seeded) {
    seeded = true;
    try {
      const entries = JSON.parse(readFileSync(new URL('./literal-clauses.json', import.meta.url), 'utf8')) as Array<[string, Conjunction | null]>;
      for (const [known, clauses] of entries) knownClauses.set(known, clauses);
    } catch {
      // Not built next to this module (tests, the TypeScript output): every pattern is read when first met.
    }
  }
  return knownClauses.get(key);
}

export function rememberLiteralClauses(key: string, clauses: Conjunction | null): void {
  knownClauses.set(key, clauses);
}

/** Every key read or seeded so far, with its clauses: what the build writes to literal-clauses.json. */
export function literalClausesSeen(): Array<[string, Conjunction | null]> {
  return [...knownClauses];
}

/**
 * Clauses of literal strings (lower case) that every match of the pattern satisfies together: each clause lists
 * literals one of which the match contains. Null when no literal is certain. `atoms` lets a template be read
 * without expanding it: each of its characters stands for a group whose clauses are already known (such a
 * reading is not remembered by source: the caller knows what the atoms stand for).
 */
export function requiredLiteralClauses(source: string, atoms?: ReadonlyMap<string, Conjunction>): Conjunction | null {
  if (atoms) return readLiteralClauses(source, atoms);
  let clauses = knownLiteralClauses(source);
  if (clauses === undefined) {
    clauses = readLiteralClauses(source);
    rememberLiteralClauses(source, clauses);
  }
  return clauses;
}

function readLiteralClauses(source: string, atoms?: ReadonlyMap<string, Conjunction>): Conjunction | null {
  try {
    const parser = { source, position: 0, atoms };
    const clauses = parseAlternation(parser);
    if (parser.position < source.length) return null; // an unbalanced ')': don't guess
    const certain = clauses.filter((clause) => clause.length > 0 && clause.every((literal) => literal.length > 0));
    return certain.length > 0 ? certain : null;
  } catch {
    return null;
  }
}

/** The most selective clause of requiredLiteralClauses: literals one of which every match contains. */
export function requiredLiterals(source: string): string[] | null {
  const clauses = requiredLiteralClauses(source);
  return clauses ? bestClause(clauses) : null;
}


export class PatternPrefilter {
  /** Per pattern: clauses of indexes into `literals` (each must have one present), or null: always run. */
  private readonly clausesOf: Array<number[][] | null>;
  private readonly literals: string[] = [];
  /** Finds which literals occur in a text, in one pass: its own, or a pool's (then indexes are the pool's). */
  private readonly automaton: LiteralAutomaton | undefined;

  /**
   * Compiled patterns, their sources (then none needs compiling until it is run), or their clauses if known.
   * With a pool, the literals are scanned for with those of every other prefilter sharing it.
   */
  constructor(private readonly patterns: ReadonlyArray<RegExp | string | { clauses: Conjunction | null }>, private readonly pool?: LiteralPool) {
    const indexOf = new Map<string, number>();
    const clausesOf = patterns.map((pattern) => {
      const clauses = typeof pattern === 'string' ? requiredLiteralClauses(pattern)
        : pattern instanceof RegExp ? requiredLiteralClauses(givenSource(pattern)) : pattern.clauses;
      if (!clauses) return null;
      return clauses.map((clause) => clause.map((literal) => {
        let index = indexOf.get(literal);
        if (index === undefined) {
          index = this.literals.length;
          indexOf.set(literal, index);
          this.literals.push(literal);
        }
        return index;
      }));
    });
    if (pool) {
      const poolIndexes = pool.indexesOf(this.literals);
      this.clausesOf = clausesOf.map((clauses) => clauses && clauses.map((clause) => clause.map((index) => poolIndexes[index])));
    } else {
      this.clausesOf = clausesOf;
      if (this.literals.length > 0) this.automaton = new LiteralAutomaton(this.literals);
    }
  }

  /** Which literals occur in `text` (lower-cased): pass the result to mayMatch. */
  scan(text: string): Uint8Array {
    if (this.pool) return this.pool.present(text);
    return this.automaton ? this.automaton.present(text) : new Uint8Array(0);
  }

  /** Whether pattern `index` can match in the text that `present` was scanned from. */
  mayMatch(index: number, present: Uint8Array): boolean {
    const clauses = this.clausesOf[index];
    if (clauses === null) return true;
    for (const clause of clauses) {
      let satisfied = false;
      for (const literal of clause) {
        if (present[literal] === 1) {
          satisfied = true;
          break;
        }
      }
      if (!satisfied) return false;
    }
    return true;
  }

  /** For each pattern: whether it can match somewhere in `text`. */
  possible(text: string): boolean[] {
    const present = this.scan(text);
    return this.patterns.map((_, index) => this.mayMatch(index, present));
  }

  /** The patterns that can match in `text`, in their original order. */
  filter(text: string): Array<RegExp | string | { clauses: Conjunction | null }> {
    const possible = this.possible(text);
    return this.patterns.filter((_, index) => possible[index]);
  }
}

const prefilters = new WeakMap<readonly RegExp[], PatternPrefilter>();

/** The prefilter of a list of compiled patterns (cached by list identity). */
export function prefilterOf(patterns: readonly RegExp[]): PatternPrefilter {
  let prefilter = prefilters.get(patterns);
  if (!prefilter) {
    prefilter = new PatternPrefilter(patterns);
    prefilters.set(patterns, prefilter);
  }
  return prefilter;
}
