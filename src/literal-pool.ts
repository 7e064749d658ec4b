// One literal scanner per thread for the whole-draft prefilters of every rule. Each rule's prefilter had its own
// automaton, and a draft's text was scanned ~5 times by them (14 scans of ~2,600 texts per 1,000 drafts, most of
// them texts another automaton had just read): one automaton over all their literals reads each text once, and
// each prefilter looks up its literals in the result.
import { LiteralAutomaton } from './literal-automaton.js';

/** Texts whose scan is kept: the rules run 50 drafts at a time, rule after rule, over the same texts. */
const REMEMBERED_TEXTS = 256;
/**
 * Prefilters join the pool as their rules first run. Until this many scans have gone by without one joining,
 * each group of literals keeps an automaton of its own (built once, as before the pool); then they are merged
 * into one. A run of a few drafts never merges: rebuilding one automaton as each rule joined cost ~13 ms of a
 * one-draft run.
 */
const SCANS_BEFORE_MERGING = 200;

/** Literals [from, to) of the pool, and their automaton once built. */
interface Segment {
  from: number;
  to: number;
  automaton?: LiteralAutomaton;
}

export class LiteralPool {
  private readonly literals: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private segments: Segment[] = [];
  private scansSinceJoin = 0;
  private readonly found = new Map<string, Uint8Array>();

  /** Adds literals (distinct, lower case) and gives each one's index in the arrays `present` returns. */
  indexesOf(literals: readonly string[]): number[] {
    const from = this.literals.length;
    const indexes = literals.map((literal) => {
      let index = this.indexOf.get(literal);
      if (index === undefined) {
        index = this.literals.length;
        this.indexOf.set(literal, index);
        this.literals.push(literal);
      }
      return index;
    });
    if (this.literals.length > from) {
      this.segments.push({ from, to: this.literals.length });
      this.scansSinceJoin = 0;
    }
    return indexes;
  }

  /**
   * For each literal of the pool: 1 when it occurs in `text` (see LiteralAutomaton.present). Do not modify. A text
   * scanned before some literals joined is scanned for those only.
   */
  present(text: string): Uint8Array {
    const known = this.found.get(text);
    if (known && known.length === this.literals.length) return known;
    this.scansSinceJoin += 1;
    if (this.segments.length > 1 && this.scansSinceJoin > SCANS_BEFORE_MERGING) this.segments = [{ from: 0, to: this.literals.length }];
    let present: Uint8Array;
    if (!known && this.segments.length === 1) {
      present = this.scan(this.segments[0], text);
    } else {
      present = new Uint8Array(this.literals.length);
      if (known) present.set(known);
      const from = known ? known.length : 0;
      for (const segment of this.segments) if (segment.to > from) present.set(this.scan(segment, text), segment.from);
    }
    if (this.found.size >= REMEMBERED_TEXTS) this.found.clear();
    this.found.set(text, present);
    return present;
  }

  private scan(segment: Segment, text: string): Uint8Array {
    segment.automaton ??= new LiteralAutomaton(this.literals.slice(segment.from, segment.to));
    return segment.automaton.present(text);
  }
}

/** The pool of this thread's whole-draft prefilters. */
export const sharedLiteralPool = new LiteralPool();
