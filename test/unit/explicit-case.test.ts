// Data-file patterns are compiled without `i`, each letter written with its case forms: they must match exactly
// what the /iu pattern matches, on any text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseEquivalents, compileCaseInsensitive, givenSource, withExplicitCase } from '../../src/explicit-case.js';
import { declaredPatternList, unicodeWordBoundaries } from '../../src/rule-helpers.js';
import { lintShippedExamples } from '../helpers/lint-examples.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../helpers/cli.js';

function allCodePoints(): number[] {
  const list: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) if (codePoint < 0xd800 || codePoint > 0xdfff) list.push(codePoint);
  return list;
}

/** Every match of a global pattern: where, and what. */
function matchesOf(pattern: RegExp, text: string): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push([match.index, match[0]]);
    if (match[0] === '') pattern.lastIndex += 1;
  }
  return found;
}

describe('caseEquivalents', () => {
  it('gives for every code point exactly the characters /iu matches it with', () => {
    // Candidates: characters linked by toLowerCase/toUpperCase, in either direction, any number of steps.
    const parent = new Map<number, number>();
    const find = (value: number): number => {
      let root = value;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    for (const codePoint of allCodePoints()) {
      const character = String.fromCodePoint(codePoint);
      for (const mapped of [character.toLowerCase(), character.toUpperCase()]) {
        const other = mapped.codePointAt(0)!;
        if (String.fromCodePoint(other) !== mapped || other === codePoint) continue;
        const [a, b] = [find(codePoint), find(other)];
        if (a !== b) parent.set(a, b);
        if (!parent.has(b)) parent.set(b, b);
      }
    }
    const components = new Map<number, number[]>();
    for (const codePoint of parent.keys()) {
      const root = find(codePoint);
      components.set(root, [...(components.get(root) ?? []), codePoint]);
    }
    expect(components.size).toBeGreaterThan(1000);
    for (const members of components.values()) {
      for (const codePoint of members) {
        const same = new RegExp(`^[\\u{${codePoint.toString(16)}}]$`, 'iu');
        const expected = members.filter((other) => same.test(String.fromCodePoint(other))).sort((a, b) => a - b);
        expect(caseEquivalents(codePoint), `U+${codePoint.toString(16)}`).toEqual(expected);
      }
    }
    // And nothing outside its component: over every code point, the class of each character matches only those.
    const codePoints = allCodePoints();
    let everything = '';
    for (let start = 0; start < codePoints.length; start += 10_000) everything += String.fromCodePoint(...codePoints.slice(start, start + 10_000));
    const seen = new Set<number>();
    for (const members of components.values()) {
      for (const codePoint of members) {
        if (seen.has(codePoint)) continue;
        const equivalents = caseEquivalents(codePoint);
        for (const equivalent of equivalents) seen.add(equivalent);
        if (equivalents.length === 1) continue;
        const found = everything.match(new RegExp(`[\\u{${codePoint.toString(16)}}]`, 'giu'))!.map((match) => match.codePointAt(0)!);
        expect(found.sort((a, b) => a - b), `U+${codePoint.toString(16)}`).toEqual(equivalents);
      }
    }
  });

  it('leaves characters without case alone', () => {
    for (const character of ['1', ' ', '-', '😷', '中', '\u0300']) expect(caseEquivalents(character.codePointAt(0)!)).toEqual([character.codePointAt(0)]);
    expect(caseEquivalents(0x73).map((codePoint) => String.fromCodePoint(codePoint))).toEqual(['S', 's', 'ſ']);
  });
});

describe('withExplicitCase', () => {
  it('rewrites the class escapes it keeps to what /iu matches with them, on every code point', () => {
    const codePoints = allCodePoints();
    for (const escape of ['\\p{L}', '\\p{Letter}', '\\p{N}', '\\p{Number}', '\\p{M}', '\\p{Mark}', '\\p{Extended_Pictographic}', '\\w', '\\d', '\\s', '\\S', '\\D', '[\\p{L}\\p{N}_]']) {
      const withCase = new RegExp(`^${escape}$`, 'iu');
      const rewritten = new RegExp(`^${withExplicitCase(escape)}$`, 'u');
      const differing = codePoints.filter((codePoint) => withCase.test(String.fromCodePoint(codePoint)) !== rewritten.test(String.fromCodePoint(codePoint)));
      expect(differing, escape).toEqual([]);
    }
  });

  it('rewrites only when asked, by default where regular expressions are compiled to machine code up front', () => {
    expect(compileCaseInsensitive('salud', 'giu', false).flags).toBe('giu');
    expect(compileCaseInsensitive('salud', 'giu').flags).toBe(process.execArgv.includes('--no-regexp-tier-up') ? 'gu' : 'giu');
  });

  it('leaves to /iu what it does not rewrite', () => {
    for (const source of ['\\p{Lu}', '(a)\\1', '(?<x>a)\\k<x>', '\\W', '\\P{L}', '[\\W]', '[\\p{Ll}]', '\\bword\\b']) {
      expect(withExplicitCase(source), source).toBeUndefined();
      expect(compileCaseInsensitive(source, 'giu', true).flags, source).toBe('giu');
    }
  });

  it('keeps group names, quantifiers and escapes as they are', () => {
    expect(withExplicitCase('(?<Name>ab){1,3}\\.\\n')).toBe('(?<Name>[Aa][Bb]){1,3}\\.\\n');
    expect(withExplicitCase('[a-c\\-]')).toBe('[a-cABC\\u{2d}]');
    expect(withExplicitCase('\\u0041\\x62\\u{1F637}')).toBe('[Aa][Bb]\\u{1F637}');
  });

  it('matches what the /iu pattern matches, on any text', () => {
    const patterns = ['sí', 'paracetamol', 'ſtop', 'k', 'ΣΟΦΊΑ', '[a-zñ]+', '[^aeiou ]+', '\\w+', '[\\w.]+@', 'é|É', 'x{2,3}', '\\u00e9', '(?<![\\p{L}\\p{N}_])dr\\.?(?![\\p{L}\\p{N}_])', '[α-ω]', 'İstanbul', 'ǅ', '(?:mg|ml)\\b'.replace('\\b', '')];
    const pieces = ['s', 'S', 'ſ', 'k', 'K', 'K', 'sí', 'SÍ', 'Sí', 'si', 'é', 'É', 'e\u0301', 'ñ', 'Ñ', 'σ', 'ς', 'Σ', 'Ο', 'ο', 'φ', 'ϕ', 'ί', 'Ί', 'İ', 'ı', 'i', 'I', 'ǅ', 'Ǆ', 'ǆ', 'Dr.', 'DR', 'dr', 'x', 'X', 'MG', 'ml', ' ', '\n', '.', '@', '_', '1', 'PARACETAMOL', 'Paracetamol', 'ßtop', 'ſtop', 'STOP', '\u0345', 'ι', 'Ι'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((parts) => parts.join(''));
    const compiled = patterns.map((source) => [new RegExp(source, 'giu'), compileCaseInsensitive(source, 'giu', true)] as const);
    for (const [, rewritten] of compiled) expect(rewritten.flags).toBe('gu');
    fc.assert(
      fc.property(text, (value) => {
        for (const [withCase, rewritten] of compiled) expect(matchesOf(rewritten, value), withCase.source).toEqual(matchesOf(withCase, value));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the shipped patterns the same matches on the example drafts and on any text made of their words', async () => {
    await lintShippedExamples();
    const folder = join(repositoryRoot, 'examples', 'drafts');
    const drafts = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(folder, name), 'utf8'));
    expect(drafts.length).toBeGreaterThan(5);
    const declared = declaredPatternList();
    expect(declared.length).toBeGreaterThan(300);
    const texts = drafts.flatMap((draft) => draft.split(/\n\n+/));
    const words = [...new Set(texts.join(' ').split(/\s+/))].filter(Boolean);
    const mixedCase = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'same')), { maxLength: 12 })
      .map((parts) => parts.map(([word, form]) => (form === 'lower' ? word.toLowerCase() : form === 'upper' ? word.toUpperCase() : word)).join(' '));
    const samples = [...texts, ...texts.map((text) => text.toUpperCase()), ...fc.sample(mixedCase, { numRuns: 100, seed: 7 })];
    let rewrittenCount = 0;
    for (const { source, flags } of declared) {
      const expanded = unicodeWordBoundaries(source);
      const withCase = new RegExp(expanded, flags);
      const rewritten = compileCaseInsensitive(expanded, flags, true);
      if (rewritten.flags !== flags) rewrittenCount += 1;
      expect(givenSource(rewritten)).toBe(expanded);
      for (const sample of samples) expect(matchesOf(rewritten, sample), source.slice(0, 80)).toEqual(matchesOf(withCase, sample));
    }
    expect(rewrittenCount).toBeGreaterThan(declared.length * 0.9);
  });
});
