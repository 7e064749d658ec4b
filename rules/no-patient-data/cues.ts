// Which cues of the lexicon can occur in a draft, found in one pass. Every detector starts from a cue ("our
// patient", "was admitted", "MRN", "bed"). As in src/pattern-prefilter.ts, each pattern is reduced to literals
// one of which every match contains; here the literals of all cue lists share one automaton, so a draft is read
// once instead of lower-cased and scanned once per list, and a detector whose cues cannot occur is skipped
// without running its (large, Unicode-aware) expression.
import { PatternPrefilter } from '../../src/pattern-prefilter.js';
import { compilePattern, declarePattern, sourcesMatchingIn } from '../../src/rule-helpers.js';
import { sharedLiteralPool } from '../../src/literal-pool.js';

/**
 * Characters that a case-insensitive Unicode expression equates with a letter whose lower case differs
 * ("ſ" matches /s/iu, "ς" matches /σ/iu), and the two whose lower case depends on context or is two characters
 * ("Σ", "İ"). On any other text a literal that an expression matches case-insensitively occurs in the text
 * lower-cased one character at a time, which is exactly text.toLowerCase(). A draft containing one is read as
 * before this index: each list prefiltered on its own (sourcesMatchingIn) and every expression run.
 */
const FOLDS_UNLIKE_LOWER_CASE = /[\u00b5\u017f\u0130\u0345\u03a3\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c88\u1e9b\u1fbe]/u;

export interface CueMatch {
  start: number;
  end: number;
  text: string;
}

/** The cue lists and whole expressions of one lexicon, under one prefilter. Build once per lexicon. */
export class CueIndex {
  /** Every indexed pattern, under one prefilter whose literals the thread's shared pool scans for every rule. */
  private readonly prefilter: PatternPrefilter;
  private readonly patternCount: number;
  /** Where each list's patterns sit in the pattern list. */
  private readonly offsets = new Map<readonly string[], number>();
  private readonly expressionOffsets = new Map<string, number>();

  /**
   * `lists`: data-file pattern lists matched over the whole draft (sourcesMatchingIn semantics);
   * `expressions`: whole detector expressions (data-file syntax), asked only whether they can match at all.
   */
  constructor(lists: ReadonlyArray<readonly string[]>, expressions: readonly string[]) {
    const sources: string[] = [];
    for (const list of lists) {
      if (this.offsets.has(list)) continue;
      this.offsets.set(list, sources.length);
      sources.push(...list);
    }
    for (const expression of expressions) {
      if (this.expressionOffsets.has(expression)) continue;
      this.expressionOffsets.set(expression, sources.length);
      sources.push(expression);
    }
    // From the sources: compiled only when they first run. Declared so the tests compile and check them.
    for (const source of sources) declarePattern(source);
    this.prefilter = new PatternPrefilter(sources, sharedLiteralPool);
    this.patternCount = sources.length;
  }

  /** The cues of a draft. */
  scan(text: string): DraftCues {
    let possible: Uint8Array | undefined;
    if (!FOLDS_UNLIKE_LOWER_CASE.test(text)) {
      const present = this.prefilter.scan(text);
      // One byte per pattern, set in a loop: an array of booleans made with closures was 15 KB of garbage a draft.
      possible = new Uint8Array(this.patternCount);
      for (let pattern = 0; pattern < this.patternCount; pattern += 1) possible[pattern] = this.prefilter.mayMatch(pattern, present) ? 1 : 0;
    }
    return new DraftCues(text, possible, this.offsets, this.expressionOffsets);
  }
}

export class DraftCues {
  constructor(
    readonly text: string,
    /** Per indexed pattern: can it match in the text (1)? Undefined: unknown (see FOLDS_UNLIKE_LOWER_CASE). */
    private readonly possible: Uint8Array | undefined,
    private readonly offsets: ReadonlyMap<readonly string[], number>,
    private readonly expressionOffsets: ReadonlyMap<string, number>,
  ) {}

  /** The patterns of an indexed list that can match in the text: exactly what sourcesMatchingIn returns. */
  candidates(list: readonly string[]): readonly string[] {
    const offset = this.offsets.get(list);
    if (offset === undefined) throw new Error('no-patient-data: cue list not in the index');
    // sourcesMatchingIn runs a one-pattern list without prefiltering: so do we.
    if (this.possible === undefined || list.length <= 1) return sourcesMatchingIn(this.text, list);
    const possible = this.possible;
    let candidates: string[] | undefined;
    for (let index = 0; index < list.length; index += 1) {
      if (possible[offset + index] === 1) (candidates ??= []).push(list[index]);
    }
    return candidates ?? NONE;
  }

  /** Whether any pattern of an indexed list can match in the text. */
  anyCandidate(list: readonly string[]): boolean {
    return this.candidates(list).length > 0;
  }

  /** All matches of an indexed list's patterns, in text order (ties in list order). */
  matches(list: readonly string[]): CueMatch[] {
    const candidates = this.candidates(list);
    if (candidates.length === 0) return [];
    const found: CueMatch[] = [];
    const { text } = this;
    for (const source of candidates) {
      // matchPattern's loop (empty matches skipped), without a generator and capture copies per match.
      const pattern = compilePattern(source);
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        if (match[0].length === 0) {
          pattern.lastIndex += 1;
          continue;
        }
        found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
      }
      pattern.lastIndex = 0;
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** False only when the indexed expression certainly has no match in the text. */
  mayMatch(expression: string): boolean {
    const offset = this.expressionOffsets.get(expression);
    if (offset === undefined) throw new Error('no-patient-data: expression not in the index');
    return this.possible === undefined || this.possible[offset] === 1;
  }
}

const NONE: readonly string[] = Object.freeze([]);
