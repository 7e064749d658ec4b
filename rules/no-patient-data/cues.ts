// Which cues of the lexicon can occur in a draft, found in one pass. Every detector starts from a cue ("our
// patient", "was admitted", "MRN", "bed"): the patterns of all cue lists share one literal prefilter
// (src/pattern-prefilter.ts), so a draft is lower-cased and scanned once instead of once per list, and a
// detector whose cues cannot occur is skipped without running its (large, Unicode-aware) expression.
import { PatternPrefilter } from '../../src/pattern-prefilter.js';
import { compilePattern, matchPattern, sourcesMatchingIn } from '../../src/rule-helpers.js';

/**
 * Characters that a case-insensitive Unicode expression equates with a letter whose toLowerCase() differs
 * ("ſ" matches /s/iu, "ς" matches /σ/iu): a scan of the lower-cased draft for literals could miss a match
 * there. A draft containing one is read the way it was before this prefilter: each list prefiltered on its
 * own (sourcesMatchingIn) and every other expression run.
 */
const FOLDS_UNLIKE_LOWER_CASE = /[\u00b5\u017f\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c88\u1e9b\u1fbe]/u;

export interface CueMatch {
  start: number;
  end: number;
  text: string;
}

/** The cue lists and whole expressions of one lexicon, under one prefilter. Build once per lexicon. */
export class CueIndex {
  private readonly prefilter: PatternPrefilter;
  /** Where each list's patterns sit in the prefilter's pattern list. */
  private readonly offsets = new Map<readonly string[], number>();
  private readonly expressionOffsets = new Map<string, number>();

  /**
   * `lists`: data-file pattern lists matched over the whole draft (sourcesMatchingIn semantics);
   * `expressions`: whole detector expressions (data-file syntax), asked only whether they can match at all.
   */
  constructor(lists: ReadonlyArray<readonly string[]>, expressions: readonly string[]) {
    const patterns: RegExp[] = [];
    for (const list of lists) {
      if (this.offsets.has(list)) continue;
      this.offsets.set(list, patterns.length);
      for (const source of list) patterns.push(compilePattern(source));
    }
    for (const expression of expressions) {
      if (this.expressionOffsets.has(expression)) continue;
      this.expressionOffsets.set(expression, patterns.length);
      patterns.push(compilePattern(expression));
    }
    this.prefilter = new PatternPrefilter(patterns);
  }

  /** The cues of a draft. */
  scan(text: string): DraftCues {
    const possible = FOLDS_UNLIKE_LOWER_CASE.test(text) ? undefined : this.prefilter.possible(text);
    return new DraftCues(text, possible, this.offsets, this.expressionOffsets);
  }
}

export class DraftCues {
  constructor(
    readonly text: string,
    /** Per prefiltered pattern: can it match in the text? Undefined: unknown (see FOLDS_UNLIKE_LOWER_CASE). */
    private readonly possible: readonly boolean[] | undefined,
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
      if (possible[offset + index]) (candidates ??= []).push(list[index]);
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
    for (const pattern of candidates) {
      for (const match of matchPattern(this.text, pattern)) found.push({ start: match.start, end: match.end, text: match.match });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** False only when the indexed expression certainly has no match in the text. */
  mayMatch(expression: string): boolean {
    const offset = this.expressionOffsets.get(expression);
    if (offset === undefined) throw new Error('no-patient-data: expression not in the index');
    return this.possible === undefined || this.possible[offset];
  }
}

const NONE: readonly string[] = Object.freeze([]);
