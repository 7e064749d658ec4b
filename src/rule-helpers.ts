// Small tools rules share: source ranges of visible-text matches, masking of sensitive values,
// and compiling the regular expressions of per-language data files.
import type { Post } from './types.js';

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

const regexCache = new Map<string, RegExp>();

/**
 * Compiles a pattern from a data file: case-insensitive, Unicode, global. Cached.
 * Data files write patterns as plain regex source; `\b` is replaced by a Unicode-aware word boundary
 * so that "médico" and "città" have boundaries where a reader sees them.
 */
export function compilePattern(source: string, flags = 'giu'): RegExp {
  const key = `${flags}\0${source}`;
  let compiled = regexCache.get(key);
  if (!compiled) {
    compiled = new RegExp(unicodeWordBoundaries(source), flags);
    regexCache.set(key, compiled);
  }
  compiled.lastIndex = 0;
  return compiled;
}

/** `\b` in JavaScript only knows ASCII letters; this makes it know every letter. */
export function unicodeWordBoundaries(source: string): string {
  let result = '';
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\' && index + 1 < source.length) {
      const next = source[index + 1];
      if (next === 'b' && !insideCharacterClass(source, index)) {
        result += '(?:(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])|(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_]))';
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

/** All matches of a data-file pattern in a text, with offsets. */
export function* matchPattern(text: string, source: string): Generator<{ match: string; start: number; end: number; groups: string[] }> {
  const pattern = compilePattern(source);
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (match[0].length === 0) continue;
    yield { match: match[0], start, end: start + match[0].length, groups: match.slice(1) };
  }
}

/** Lower case without accents: for comparisons where "clinica" and "clínica" are the same word. */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
