// Small tools rules share: source ranges of visible-text matches, masking of sensitive values,
// and compiling the regular expressions of per-language data files.
import type { Post } from './types.js';
import { PatternPrefilter } from './pattern-prefilter.js';
import { compileCaseInsensitive } from './explicit-case.js';
import { sharedLiteralPool } from './literal-pool.js';

/** Source-file range of [textStart, textEnd) in post.text. */
export function sourceRangeOfText(post: Post, textStart: number, textEnd: number): { start: number; end: number } {
  const start = post.text.toSource(textStart);
  const end = textEnd > textStart ? post.text.toSource(textEnd - 1) + 1 : start;
  return { start, end: Math.max(start, end) };
}

/**
 * Masks a sensitive value for output: keeps separators, the first `keepStart` and last `keepEnd`
 * letters/digits, and replaces the rest with '•'. "+34 612 345 612" -> "+34 6•• ••• •12".
 * Values of 6 characters or fewer keep only their first character.
 */
export function maskValue(value: string, keepStart = 3, keepEnd = 2): string {
  const characters = [...value];
  const significant = characters.filter((character) => /[\p{L}\p{N}]/u.test(character)).length;
  if (significant <= 6) {
    keepStart = Math.min(keepStart, 1);
    keepEnd = 0;
  }
  let seen = 0;
  return characters
    .map((character) => {
      if (!/[\p{L}\p{N}]/u.test(character)) return character;
      seen += 1;
      return seen <= keepStart || seen > significant - keepEnd ? character : '•';
    })
    .join('');
}

/** "Maria López" -> "M•••• L••••": first letter of each word. */
export function maskName(name: string): string {
  return name.replace(/[\p{L}\p{M}'’-]+/gu, (word) => word[0] + '•'.repeat(Math.max(1, [...word].length - 1)));
}

/** Every data-file pattern a rule has handed over so far, compiled or not: the ReDoS test checks them all. */
const declaredPatterns = new Map<string, { source: string; flags: string }>();

/** Records a data-file pattern that may be compiled later with compilePattern(source, flags). */
export function declarePattern(source: string, flags = 'giu'): void {
  declaredPatterns.set(`${flags}\0${source}`, { source, flags });
}

/** The patterns declared so far (see declarePattern). */
export function declaredPatternList(): Array<{ source: string; flags: string }> {
  return [...declaredPatterns.values()];
}

/** flags -> source -> compiled. Two levels so a lookup hashes only the (data-file, already hashed) source string. */
const regexCache = new Map<string, Map<string, RegExp>>();

/**
 * Compiles a pattern from a data file: case-insensitive, Unicode, global. Cached: the same RegExp object is
 * returned for the same source, with lastIndex reset; don't hold on to it across calls that may reuse it.
 * Data files write patterns as plain regex source; `\b` is replaced by a Unicode-aware word boundary
 * so that "médico" and "città" have boundaries where a reader sees them.
 */
export function compilePattern(source: string, flags = 'giu'): RegExp {
  let byFlags = regexCache.get(flags);
  if (!byFlags) {
    byFlags = new Map();
    regexCache.set(flags, byFlags);
  }
  let compiled = byFlags.get(source);
  if (!compiled) {
    compiled = compileCaseInsensitive(unicodeWordBoundaries(source), flags);
    byFlags.set(source, compiled);
  }
  compiled.lastIndex = 0;
  return compiled;
}

const WORD = '[\\p{L}\\p{N}_]';
const FULL_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
/** Where the pattern shows a word starts (or ends) here, a one-sided check is equivalent and much faster. */
const WORD_START = `(?<!${WORD})`;
const WORD_END = `(?!${WORD})`;
const LETTER = /[\p{L}\p{N}_]/u;

/**
 * `\b` in JavaScript only knows ASCII letters; this makes it know every letter. A `\b` whose next (or previous)
 * token in the pattern is certainly a letter becomes a one-sided lookaround: same matches, and the regex engine
 * can still skip ahead quickly (a two-sided boundary at the start of a pattern makes it test every position).
 */
export function unicodeWordBoundaries(source: string): string {
  let result = '';
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\' && index + 1 < source.length) {
      const next = source[index + 1];
      if (next === 'b' && !insideCharacterClass(source, index)) {
        if (startsWithWordCharacter(source, index + 2)) result += WORD_START;
        else if (endsWithWordCharacter(source, index)) result += WORD_END;
        else result += FULL_BOUNDARY;
      } else {
        result += character + next;
      }
      index += 1;
      continue;
    }
    result += character;
  }
  return result;
}

/**
 * Whether whatever the pattern matches from `position` certainly begins with a letter, digit or '_'. A lookaround
 * there matches nothing, so what follows it decides; an optional group (`(?:is )?recover`) decides with what follows
 * it: both must begin with one.
 */
function startsWithWordCharacter(source: string, position: number): boolean {
  const character = source[position];
  if (character === undefined) return false;
  if (character === '\\') {
    const escape = /^\\(?:d|w|p\{L[ul]?\}|p\{N\})/.exec(source.slice(position));
    return escape !== null && !isOptional(source, position + escape[0].length);
  }
  if (character === '(') {
    const lookaround = /^\(\?<?[=!]/.test(source.slice(position));
    const close = matchingCloseParenthesis(source, position);
    if (close === undefined) return false;
    if (lookaround) return startsWithWordCharacter(source, close + 1);
    const alternatives = groupAlternatives(source, position, true);
    if (alternatives === undefined || !alternatives.every((alternative) => startsWithWordCharacter(alternative, 0))) return false;
    const quantifier = /^(?:[?*]|\{0(?:,\d*)?\})\??/.exec(source.slice(close + 1));
    return quantifier === null || startsWithWordCharacter(source, close + 1 + quantifier[0].length);
  }
  return LETTER.test(character) && !isOptional(source, position + character.length);
}

/** Whether the token ending at `position` is quantified to allow none of it (`?`, `*`, `{0,…}`). */
function isOptional(source: string, position: number): boolean {
  return /^(?:[?*]|\{0)/.test(source.slice(position));
}

/** Whether whatever the pattern matched just before `position` certainly ends with a letter, digit or '_'. */
function endsWithWordCharacter(source: string, position: number): boolean {
  let end = position;
  // 'es?' ends with 'e' or 's': both letters. Step back over one optional quantifier on a letter.
  if (end >= 2 && (source[end - 1] === '?' || source[end - 1] === '+' || source[end - 1] === '*') && LETTER.test(source[end - 2]) && source[end - 3] !== '\\') {
    return source[end - 1] === '+' || (end >= 3 && LETTER.test(source[end - 3]) && source[end - 4] !== '\\');
  }
  const previous = source[end - 1];
  if (previous === undefined) return false;
  if (previous === ')') {
    const open = matchingOpenParenthesis(source, end - 1);
    if (open === undefined) return false;
    const alternatives = groupAlternatives(source, open);
    return alternatives !== undefined && alternatives.every((alternative) => alternative.length > 0 && endsWithWordCharacter(alternative, alternative.length));
  }
  if (source[end - 2] === '\\') return previous === 'd' || previous === 'w';
  return LETTER.test(previous);
}

/**
 * The top-level alternatives of the group opening at `open`, or undefined for lookarounds and odd groups, and for
 * a group that may be skipped or repeated from zero, unless `evenIfOptional`.
 */
function groupAlternatives(source: string, open: number, evenIfOptional = false): string[] | undefined {
  let start = open + 1;
  if (source[start] === '?') {
    if (source[start + 1] !== ':') return undefined;
    start += 2;
  }
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = start;
  for (let index = start; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') { index += 1; continue; }
    if (inClass) { if (character === ']') inClass = false; continue; }
    if (character === '[') { inClass = true; continue; }
    if (character === '(') depth += 1;
    else if (character === ')') {
      if (depth === 0) {
        alternatives.push(source.slice(from, index));
        // A group that may be skipped ('(…)?') or repeated from zero says nothing certain.
        return !evenIfOptional && isOptional(source, index + 1) ? undefined : alternatives;
      }
      depth -= 1;
    } else if (character === '|' && depth === 0) {
      alternatives.push(source.slice(from, index));
      from = index + 1;
    }
  }
  return undefined;
}

function matchingCloseParenthesis(source: string, open: number): number | undefined {
  let depth = 0;
  let inClass = false;
  for (let index = open; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') { index += 1; continue; }
    if (inClass) { if (character === ']') inClass = false; continue; }
    if (character === '[') inClass = true;
    else if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

function matchingOpenParenthesis(source: string, close: number): number | undefined {
  let depth = 0;
  for (let index = close; index >= 0; index -= 1) {
    const escaped = index > 0 && source[index - 1] === '\\';
    if (escaped) continue;
    if (source[index] === ')') depth += 1;
    else if (source[index] === '(') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

function insideCharacterClass(source: string, position: number): boolean {
  let inside = false;
  for (let index = 0; index < position; index += 1) {
    if (source[index] === '\\') {
      index += 1;
      continue;
    }
    if (source[index] === '[') inside = true;
    else if (source[index] === ']') inside = false;
  }
  return inside;
}

/**
 * All matches of a data-file pattern in a text, with offsets. An `exec` loop on the cached regex: `matchAll`
 * would clone the regex on every call, which dominates when hundreds of patterns run over short sentences.
 */
export function* matchPattern(text: string, source: string): Generator<{ match: string; start: number; end: number; groups: string[] }> {
  const pattern = compilePattern(source);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const start = match.index;
    const end = start + match[0].length;
    const lastIndex = pattern.lastIndex;
    yield { match: match[0], start, end, groups: match.slice(1) };
    // A caller may have used the same pattern in between.
    pattern.lastIndex = lastIndex;
  }
  pattern.lastIndex = 0;
}

const sourcePrefilters = new WeakMap<readonly string[], PatternPrefilter>();
const sourcePrefiltersByContent = new Map<string, PatternPrefilter>();

function prefilterOfSources(sources: readonly string[]): PatternPrefilter {
  let prefilter = sourcePrefilters.get(sources);
  if (prefilter) return prefilter;
  // A list rebuilt on every call (e.g. mapped from a lexicon) is found again by its content.
  const key = sources.join('\u0000');
  prefilter = sourcePrefiltersByContent.get(key);
  if (!prefilter) {
    // From the sources: a pattern is compiled when it first runs, not here (most never run on a given draft).
    prefilter = new PatternPrefilter(sources, sharedLiteralPool);
    for (const source of sources) declarePattern(source);
    if (sourcePrefiltersByContent.size > 1000) sourcePrefiltersByContent.clear();
    sourcePrefiltersByContent.set(key, prefilter);
  }
  sourcePrefilters.set(sources, prefilter);
  return prefilter;
}

/**
 * The data-file patterns of a list that can match somewhere in `text`: a cheap first pass (see PatternPrefilter)
 * that never drops a pattern that matches. Run the returned ones as usual.
 */
export function sourcesMatchingIn(text: string, sources: readonly string[]): string[] {
  if (sources.length === 0) return [];
  if (sources.length === 1) return [...sources];
  const possible = prefilterOfSources(sources).possible(text);
  return sources.filter((_, index) => possible[index]);
}

/**
 * Several pattern lists with one first pass: the patterns of `lists` that sourcesMatchingIn would scan for, in one
 * list. Pass it to sourcesMatchingIn once per text, then take each list's share with sourcesAmong.
 */
export function prefilteredUnion(lists: ReadonlyArray<readonly string[]>): string[] {
  // A list of one pattern is run without a first pass (see sourcesMatchingIn), so it stays out.
  return [...new Set(lists.filter((list) => list.length > 1).flat())];
}

/**
 * What sourcesMatchingIn(text, list) returns, given `possible` = sourcesMatchingIn(text, prefilteredUnion([list, …])).
 * The same, because whether a pattern can match depends on that pattern alone.
 */
export function sourcesAmong(list: readonly string[] | undefined, possible: ReadonlySet<string>): readonly string[] {
  if (!list || list.length <= 1) return list ?? [];
  return list.filter((pattern) => possible.has(pattern));
}

/**
 * `value` without the given characters at its end. A loop, not /[…]+$/: a regex anchored at the end is tried
 * from every start position, which is quadratic on a long run of those characters.
 */
export function trimTrailing(value: string, characters: string): string {
  let end = value.length;
  while (end > 0 && characters.includes(value[end - 1])) end -= 1;
  return end === value.length ? value : value.slice(0, end);
}

/** Lower case without accents: for comparisons where "clinica" and "clínica" are the same word. */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
