// One literal scanner per thread for the whole-draft prefilters of every rule. Each rule's prefilter had its own
// automaton, and a draft's text was scanned ~5 times by them (14 scans of ~2,600 texts per 1,000 drafts, most of
// them texts another automaton had just read): one automaton over all their literals reads each text once, and
// each prefilter looks up its literals in the result.
import { LiteralAutomaton } from './literal-automaton.js';

/** Texts whose scan is kept: the rules run 50 drafts at a time, rule after rule, over the same texts. */
const REMEMBERED_TEXTS = 256;

export class LiteralPool {
  private readonly literals: string[] = [];
  private readonly indexOf = new Map<string, number>();
  /** Over `literals` as they were when it was built; rebuilt (and `found` forgotten) once more are added. */
  private automaton: LiteralAutomaton | undefined;
  private readonly found = new Map<string, Uint8Array>();

  /** Adds literals (distinct, lower case) and gives each one's index in the arrays `present` returns. */
  indexesOf(literals: readonly string[]): number[] {
    return literals.map((literal) => {
      let index = this.indexOf.get(literal);
      if (index === undefined) {
        index = this.literals.length;
        this.indexOf.set(literal, index);
        this.literals.push(literal);
        this.automaton = undefined;
        this.found.clear();
      }
      return index;
    });
  }

  /** For each literal of the pool: 1 when it occurs in `text` (see LiteralAutomaton.present). Do not modify. */
  present(text: string): Uint8Array {
    let present = this.found.get(text);
    if (present) return present;
    this.automaton ??= new LiteralAutomaton(this.literals);
    present = this.automaton.present(text);
    if (this.found.size >= REMEMBERED_TEXTS) this.found.clear();
    this.found.set(text, present);
    return present;
  }
}

/** The pool of this thread's whole-draft prefilters. */
export const sharedLiteralPool = new LiteralPool();
