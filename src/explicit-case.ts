// Case-insensitive data-file patterns, compiled without the `i` flag. V8 compiles an /iu pattern by closing every
// character class over case, and the lexicons' word-boundary classes ([\p{L}\p{N}_], over 2,000 of them) are
// large: that closure was most of the time each thread spent compiling regular expressions. The same pattern with
// each letter written as the class of its case forms ('s' -> [sSſ]) matches exactly the same under /u alone.

/**
 * Characters that /iu treats as one with another letter although neither's toLowerCase nor toUpperCase leads to
 * them ('ſ' for 's', the Kelvin sign for 'k', 'ς' for 'σ'…). A test finds them again among all code points.
 */
const REACHED_ONLY_BACKWARDS =
  '\u00b5\u017f\u01c5\u01c8\u01cb\u01f2\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88' +
  '\u1e9b\u1e9e\u1f88\u1f89\u1f8a\u1f8b\u1f8c\u1f8d\u1f8e\u1f8f\u1f98\u1f99\u1f9a\u1f9b\u1f9c\u1f9d\u1f9e\u1f9f\u1fa8\u1fa9\u1faa\u1fab\u1fac\u1fad\u1fae\u1faf' +
  '\u1fbc\u1fbe\u1fcc\u1ffc\u2126\u212a\u212b';

/**
 * Property escapes, with what /iu adds to each: the combining ypogegrammeni folds to iota, a letter; the circled
 * 'ⓜ' to 'Ⓜ', a pictograph. A test compares every code point. Others (\p{Lu}…) keep the pattern on /iu.
 */
const CASE_CLOSED_PROPERTIES: Record<string, string> = {
  L: '\\u{345}',
  Letter: '\\u{345}',
  N: '',
  Number: '',
  M: '\\u{399}\\u{3b9}\\u{1fbe}',
  Mark: '\\u{399}\\u{3b9}\\u{1fbe}',
  Extended_Pictographic: '\\u{24dc}',
};

/** \w under /iu: ASCII word characters, and the long s and Kelvin sign that fold into them. */
const WORD_CLASS_MEMBERS = '\\w\\u{17f}\\u{212a}';

function singleCodePoint(text: string): number | undefined {
  const first = text.codePointAt(0);
  return first !== undefined && String.fromCodePoint(first).length === text.length ? first : undefined;
}

/** The character, its lower and upper case, and theirs: where /iu finds a letter's other forms. */
function caseForms(codePoint: number, into: Set<number>): void {
  const character = String.fromCodePoint(codePoint);
  into.add(codePoint);
  for (const mapped of [character.toLowerCase(), character.toUpperCase()]) {
    const other = singleCodePoint(mapped);
    if (other === undefined || into.has(other)) continue;
    into.add(other);
    const otherCharacter = String.fromCodePoint(other);
    for (const again of [otherCharacter.toLowerCase(), otherCharacter.toUpperCase()]) {
      const third = singleCodePoint(again);
      if (third !== undefined) into.add(third);
    }
  }
}

let backwards: Map<number, number[]> | undefined;
/** For each code point, the REACHED_ONLY_BACKWARDS characters whose case forms include it. */
function backwardsIndex(): Map<number, number[]> {
  if (backwards) return backwards;
  backwards = new Map();
  for (const character of REACHED_ONLY_BACKWARDS) {
    const special = character.codePointAt(0)!;
    const forms = new Set<number>();
    caseForms(special, forms);
    for (const form of forms) {
      if (form === special) continue;
      const list = backwards.get(form);
      if (list) list.push(special);
      else backwards.set(form, [special]);
    }
  }
  return backwards;
}

const equivalentsCache = new Map<number, number[]>();

/** The code points /iu matches for this one (itself included), in increasing order: V8 decides among candidates. */
export function caseEquivalents(codePoint: number): number[] {
  let equivalents = equivalentsCache.get(codePoint);
  if (equivalents) return equivalents;
  const candidates = new Set<number>();
  caseForms(codePoint, candidates);
  const index = backwardsIndex();
  for (const form of [...candidates]) for (const special of index.get(form) ?? []) candidates.add(special);
  if (candidates.size === 1) {
    equivalents = [codePoint];
  } else {
    const same = new RegExp(`^[${codePointEscape(codePoint)}]$`, 'iu');
    equivalents = [...candidates].filter((candidate) => candidate === codePoint || same.test(String.fromCodePoint(candidate))).sort((a, b) => a - b);
  }
  equivalentsCache.set(codePoint, equivalents);
  return equivalents;
}

function codePointEscape(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** A class member as short as it can be written: V8 stops optimising a pattern longer than 20 KB of source. */
function member(codePoint: number): string {
  return codePoint > 0x20 && codePoint !== 0x7f && !(codePoint >= 0xd800 && codePoint <= 0xdfff) && !/[\\\]\[^\-$.*+?(){}|/]/.test(String.fromCodePoint(codePoint))
    ? String.fromCodePoint(codePoint)
    : codePointEscape(codePoint);
}

/** Class members for a code point and its case forms. */
function classMembers(codePoint: number): string {
  return caseEquivalents(codePoint).map(member).join('');
}

/** A character outside a class, as written if it has no other case form, else as the class of its forms. */
function caseless(codePoint: number, written: string): string {
  return caseEquivalents(codePoint).length === 1 ? written : `[${classMembers(codePoint)}]`;
}

/** Thrown inside the rewriter for what it leaves to /iu. */
class Unsupported extends Error {}

const SIMPLE_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

/**
 * Reads the escape at `position` (just after the backslash) as one character, if it is one: its code point and
 * where it ends. Undefined for class escapes, backreferences and the like.
 */
function characterEscape(source: string, position: number, inClass: boolean): { codePoint: number; end: number } | undefined {
  const next = source[position];
  if (next in SIMPLE_ESCAPES && !(next === '0' && /[0-9]/.test(source[position + 1] ?? ''))) return { codePoint: SIMPLE_ESCAPES[next], end: position + 1 };
  if (next === 'b' && inClass) return { codePoint: 8, end: position + 1 };
  if (next === 'x') {
    const hex = /^[0-9a-fA-F]{2}/.exec(source.slice(position + 1));
    if (!hex) throw new Unsupported();
    return { codePoint: parseInt(hex[0], 16), end: position + 3 };
  }
  if (next === 'u') {
    const braced = /^\{([0-9a-fA-F]+)\}/.exec(source.slice(position + 1));
    if (braced) return { codePoint: parseInt(braced[1], 16), end: position + 1 + braced[0].length };
    const four = /^[0-9a-fA-F]{4}/.exec(source.slice(position + 1));
    if (!four) throw new Unsupported();
    const unit = parseInt(four[0], 16);
    // A surrogate pair written as two escapes is one code point under /u.
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(source.slice(position + 5));
    if (unit >= 0xd800 && unit <= 0xdbff && low) return { codePoint: 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00), end: position + 11 };
    return { codePoint: unit, end: position + 5 };
  }
  if (next === 'c') {
    const letter = source[position + 1];
    if (!letter || !/[a-zA-Z]/.test(letter)) throw new Unsupported();
    return { codePoint: letter.charCodeAt(0) % 32, end: position + 2 };
  }
  // Under /u only syntax characters (and '-' in a class) may be escaped as themselves: none has another case.
  if (/[\^$\\.*+?()[\]{}|/-]/.test(next)) return { codePoint: next.charCodeAt(0), end: position + 1 };
  return undefined;
}

/** A class escape (\d \s \w \p{…}…) as class members under /u, and where it ends. */
function classEscape(source: string, position: number): { members: string; end: number } {
  const next = source[position];
  if (next === 'd' || next === 'D' || next === 's' || next === 'S') return { members: `\\${next}`, end: position + 1 };
  if (next === 'w') return { members: WORD_CLASS_MEMBERS, end: position + 1 };
  if (next === 'p') {
    const property = /^\{([A-Za-z_]+)\}/.exec(source.slice(position + 1));
    if (property && property[1] in CASE_CLOSED_PROPERTIES) {
      return { members: `\\p{${property[1]}}${CASE_CLOSED_PROPERTIES[property[1]]}`, end: position + 1 + property[0].length };
    }
  }
  // \W, \B, \P{…}, other properties, backreferences: left to /iu.
  throw new Unsupported();
}

/** The largest range whose letters are each given their case forms (one of a few hundred in practice). */
const MAX_RANGE = 4096;

/** A character class from `position` (just after '['), rewritten, and where it ends (after ']'). */
function rewriteClass(source: string, position: number): { text: string; end: number } {
  let index = position;
  const negated = source[index] === '^';
  if (negated) index += 1;
  let members = '';
  const readCharacter = (): number | undefined => {
    if (source[index] === '\\') {
      const escaped = characterEscape(source, index + 1, true);
      if (!escaped) return undefined;
      index = escaped.end;
      return escaped.codePoint;
    }
    const codePoint = source.codePointAt(index)!;
    index += String.fromCodePoint(codePoint).length;
    return codePoint;
  };
  while (index < source.length && source[index] !== ']') {
    const start = index;
    const first = readCharacter();
    if (first === undefined) {
      const escape = classEscape(source, start + 1);
      members += escape.members;
      index = escape.end;
      continue;
    }
    if (source[index] === '-' && index + 1 < source.length && source[index + 1] !== ']') {
      index += 1;
      const last = readCharacter();
      if (last === undefined || last < first) throw new Unsupported();
      if (last - first > MAX_RANGE) throw new Unsupported();
      members += `${member(first)}-${member(last)}`;
      for (let codePoint = first; codePoint <= last; codePoint += 1) {
        for (const equivalent of caseEquivalents(codePoint)) if (equivalent < first || equivalent > last) members += member(equivalent);
      }
      continue;
    }
    members += classMembers(first);
  }
  if (source[index] !== ']') throw new Unsupported();
  // Negated: /iu closes the members over case, then takes what is left; the same with the members written out.
  return { text: `[${negated ? '^' : ''}${members}]`, end: index + 1 };
}

/**
 * The pattern rewritten to match under `flags` without `i` exactly what it matches with it, or undefined when it
 * uses something this does not rewrite (backreferences, \W, \P{…}, properties such as \p{Lu}): then it keeps /i.
 */
export function withExplicitCase(source: string): string | undefined {
  try {
    let result = '';
    let index = 0;
    while (index < source.length) {
      const character = source[index];
      if (character === '\\') {
        const escaped = characterEscape(source, index + 1, false);
        if (escaped) {
          result += caseless(escaped.codePoint, source.slice(index, escaped.end));
          index = escaped.end;
        } else {
          // An escape kept as written (\d, \s) stays bare; one given more members becomes a class.
          const escape = classEscape(source, index + 1);
          const written = source.slice(index, escape.end);
          result += escape.members === written ? written : `[${escape.members}]`;
          index = escape.end;
        }
        continue;
      }
      if (character === '[') {
        const rewritten = rewriteClass(source, index + 1);
        result += rewritten.text;
        index = rewritten.end;
        continue;
      }
      if (character === '(') {
        // Group openings, and a named group's name, are copied as they are.
        const opening = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(index))![0];
        result += opening;
        index += opening.length;
        continue;
      }
      if (character === '{') {
        const quantifier = /^\{\d+(?:,\d*)?\}/.exec(source.slice(index));
        if (!quantifier) throw new Unsupported();
        result += quantifier[0];
        index += quantifier[0].length;
        continue;
      }
      const codePoint = source.codePointAt(index)!;
      const length = String.fromCodePoint(codePoint).length;
      result += caseless(codePoint, source.slice(index, index + length));
      index += length;
    }
    return result;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

const TOO_LARGE_TO_OPTIMIZE = 20 * 1024;

/** The source each pattern compiled by compileCaseInsensitive was given (its `source` is the rewritten one). */
const givenSources = new WeakMap<RegExp, string>();

/**
 * Rewritten only where patterns are compiled to machine code before they first run: runs started with
 * --no-regexp-tier-up (src/relaunch.ts). A run of one draft compiles a few patterns, to bytecode, and rewriting
 * them cost it ~10 ms more than it saved.
 */
const REWRITE_BY_DEFAULT = process.execArgv.includes('--no-regexp-tier-up');

/**
 * new RegExp(source, flags), for flags with `i` and `u`: compiled without `i` when the pattern can be rewritten
 * (withExplicitCase), with the same matches.
 */
export function compileCaseInsensitive(source: string, flags: string, rewrite = REWRITE_BY_DEFAULT): RegExp {
  if (!rewrite || !flags.includes('i') || !flags.includes('u')) return new RegExp(source, flags);
  const rewritten = withExplicitCase(source);
  // Longer than this, V8 compiles a pattern without its optimisations (kRegExpTooLargeToOptimize): /i is faster then.
  if (rewritten === undefined || (rewritten.length > TOO_LARGE_TO_OPTIMIZE && source.length <= TOO_LARGE_TO_OPTIMIZE)) return new RegExp(source, flags);
  const compiled = new RegExp(rewritten, flags.replace('i', ''));
  givenSources.set(compiled, source);
  return compiled;
}

/** The source a pattern was written with: what tools reading patterns (the prefilter) understand. */
export function givenSource(pattern: RegExp): string {
  return givenSources.get(pattern) ?? pattern.source;
}
