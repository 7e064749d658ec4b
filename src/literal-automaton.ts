// Which of a fixed set of literals occur in a text, in one pass over it (an Aho–Corasick automaton).
// A regular expression alternating hundreds of literals, re-run after every hit, costs several times more on
// a draft: short literals (" de ", "una") hit at nearly every word.

/**
 * Characters that a case-insensitive Unicode regex matches against a letter `toLowerCase` keeps apart: 'ſ' matches
 * /s/iu, 'ς' matches /σ/iu. The scanner compares lower-cased text, so these are folded to that letter as well
 * (found by comparing every code point's case folding with its lower case; a test checks the list).
 */
const CASE_FOLDS: Record<string, string> = {
  '\u00B5': 'μ', '\u017F': 's', '\u0345': 'ι', '\u03C2': 'σ', '\u03D0': 'β', '\u03D1': 'θ', '\u03D5': 'φ', '\u03D6': 'π',
  '\u03F0': 'κ', '\u03F1': 'ρ', '\u03F5': 'ε', '\u1C80': 'в', '\u1C81': 'д', '\u1C82': 'о', '\u1C83': 'с', '\u1C84': 'т',
  '\u1C85': 'т', '\u1C86': 'ъ', '\u1C87': 'ѣ', '\u1C88': 'ꙋ', '\u1E9B': 'ṡ', '\u1FBE': 'ι',
};
/** Those letters, and every white-space character but the space itself (read as a space: see foldForScan). */
const FOLDED = /[\u00B5\u017F\u0345\u03C2\u03D0\u03D1\u03D5\u03D6\u03F0\u03F1\u03F5\u1C80-\u1C88\u1E9B\u1FBE]|[^\S ]/gu;

/**
 * Lower case, with the letters a case-insensitive regex treats as the same folded together, and any white space
 * as one space: a pattern's `\s` then stands for the literal " " ("take\s+\d" contains "take "), which a text
 * with a tab or a line break there contains too.
 */
export function foldForScan(text: string): string {
  const lower = text.toLowerCase();
  FOLDED.lastIndex = 0;
  return FOLDED.test(lower) ? lower.replace(FOLDED, (character) => CASE_FOLDS[character] ?? ' ') : lower;
}

/** A failure or output link not worked out yet. */
const UNRESOLVED = -2;

/**
 * The two big tables are as narrow as an automaton allows: the lexicons' have fewer than 255 symbols and 65,535
 * states, so a symbol fits a byte and a state two (7.7 -> 4 MB per thread for the built-in rules). The largest
 * value of the type marks an entry not worked out yet.
 */
type SymbolTable = Uint8Array | Uint16Array;
type StateTable = Uint16Array | Uint32Array;

export class LiteralAutomaton {
  /** Per code unit: the symbol of its lower case in the literals' alphabet, 0 for "in no literal", or `unknown`. */
  private readonly symbolOf: SymbolTable;
  /** A code unit whose symbol is not known yet (learnt on first sight: most of the 65,536 never occur). */
  private readonly unknown: number;
  private readonly symbols = new Map<number, number>();
  private readonly symbolCount: number;
  /**
   * next[state * symbolCount + symbol]: the transition function (failures folded in), or `unresolved`. The trie's
   * edges are set up front; every other entry is worked out the first time a scan takes it, so an automaton
   * costs only its trie to build (a one-draft run visits a few hundred of its thousands of states).
   */
  private readonly next: StateTable;
  private readonly unresolved: number;
  /** The literal that ends at a state, or -1. */
  private readonly literalAt: Int32Array;
  /** Per state: the state it was reached from in the trie, and by which symbol. */
  private readonly parent: Int32Array;
  private readonly symbolIn: Int32Array;
  /** The state of the longest proper suffix that is also in the trie, or UNRESOLVED. */
  private readonly failure: Int32Array;
  /** The nearest proper suffix state at which a literal ends, -1 for none, or UNRESOLVED. */
  private readonly outputLink: Int32Array;
  /** Literals with surrogates (outside the Basic Multilingual Plane): not scanned, always reported present. */
  private readonly unscanned: number[] = [];
  /** Per-scan marks of states whose literals (and their suffixes') are already recorded. */
  private readonly visited: Uint32Array;
  private scanNumber = 0;

  /** `literals`: distinct, in lower case. */
  constructor(private readonly literals: readonly string[]) {
    const symbols = this.symbols;
    for (const [index, literal] of literals.entries()) {
      if (/[\ud800-\udfff]/.test(literal)) this.unscanned.push(index);
    }
    const scanned = literals.filter((_, index) => !this.unscanned.includes(index));
    for (const literal of scanned) {
      for (let index = 0; index < literal.length; index += 1) {
        const unit = literal.charCodeAt(index);
        if (!symbols.has(unit)) symbols.set(unit, symbols.size + 1);
      }
    }
    this.symbolCount = symbols.size + 1;
    this.symbolOf = this.symbolCount < 0xff ? new Uint8Array(0x10000).fill(0xff) : new Uint16Array(0x10000).fill(0xffff);
    this.unknown = this.symbolCount < 0xff ? 0xff : 0xffff;

    // The trie of the literals, written straight into the transition table, sized for the most states the
    // literals could need and trimmed once the count is known.
    const width = this.symbolCount;
    let capacity = 1;
    for (const literal of scanned) capacity += literal.length;
    const unresolved = capacity < 0xffff ? 0xffff : 0xffffffff;
    let next: StateTable = capacity < 0xffff ? new Uint16Array(capacity * width) : new Uint32Array(capacity * width);
    next.fill(unresolved);
    const literalAt: number[] = [-1];
    const parent: number[] = [-1];
    const symbolIn: number[] = [0];
    let stateCount = 1;
    for (const [literalIndex, literal] of literals.entries()) {
      if (this.unscanned.includes(literalIndex)) continue;
      let state = 0;
      for (let index = 0; index < literal.length; index += 1) {
        const symbol = symbols.get(literal.charCodeAt(index))!;
        const slot = state * width + symbol;
        if (next[slot] === unresolved) {
          next[slot] = stateCount;
          literalAt.push(-1);
          parent.push(state);
          symbolIn.push(symbol);
          stateCount += 1;
        }
        state = next[slot];
      }
      literalAt[state] = literalIndex;
    }
    next = next.slice(0, stateCount * width);
    // From the root, a symbol that starts no literal stays at the root (symbol 0, "in no literal", included).
    for (let symbol = 0; symbol < width; symbol += 1) if (next[symbol] === unresolved) next[symbol] = 0;
    this.next = next;
    this.unresolved = unresolved;
    this.literalAt = Int32Array.from(literalAt);
    this.parent = Int32Array.from(parent);
    this.symbolIn = Int32Array.from(symbolIn);
    this.failure = new Int32Array(stateCount).fill(UNRESOLVED);
    this.failure[0] = 0;
    this.outputLink = new Int32Array(stateCount).fill(UNRESOLVED);
    this.outputLink[0] = -1;
    this.visited = new Uint32Array(stateCount);
  }

  /** Where `symbol` leads from `state`: the trie's edge, or else where it leads from the failure state. */
  private transition(state: number, symbol: number): number {
    const slot = state * this.symbolCount + symbol;
    let target = this.next[slot];
    if (target === this.unresolved) {
      target = this.transition(this.failureOf(state), symbol);
      this.next[slot] = target;
    }
    return target;
  }

  private failureOf(state: number): number {
    let failure = this.failure[state];
    if (failure === UNRESOLVED) {
      const parent = this.parent[state];
      failure = parent === 0 ? 0 : this.transition(this.failureOf(parent), this.symbolIn[state]);
      this.failure[state] = failure;
    }
    return failure;
  }

  private outputLinkOf(state: number): number {
    let link = this.outputLink[state];
    if (link === UNRESOLVED) {
      const failure = this.failureOf(state);
      link = this.literalAt[failure] !== -1 ? failure : this.outputLinkOf(failure);
      this.outputLink[state] = link;
    }
    return link;
  }

  /**
   * The symbol of a code unit's lower case (folded as a case-insensitive regex folds it: 'ſ' is 's'). "İ", whose
   * lower case is two code units, gets none: no case-insensitive regex matches it with a letter of a literal.
   */
  private learnSymbol(unit: number): number {
    const lower = foldForScan(String.fromCharCode(unit));
    const symbol = lower.length === 1 ? this.symbols.get(lower.charCodeAt(0)) ?? 0 : 0;
    this.symbolOf[unit] = symbol;
    return symbol;
  }

  /** For each literal: 1 when it occurs in `text`, compared one lower-cased character at a time. */
  present(text: string): Uint8Array {
    const found = new Uint8Array(this.literals.length);
    for (const index of this.unscanned) found[index] = 1;
    this.scanNumber += 1;
    if (this.scanNumber === 0xffffffff) {
      this.visited.fill(0);
      this.scanNumber = 1;
    }
    const { next, unresolved, symbolOf, unknown, literalAt, outputLink, visited, scanNumber } = this;
    const width = this.symbolCount;
    let state = 0;
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      let symbol = symbolOf[unit];
      if (symbol === unknown) symbol = this.learnSymbol(unit);
      const target = next[state * width + symbol];
      state = target === unresolved ? this.transition(state, symbol) : target;
      // Record the literals ending here: this state's and its suffixes', once per scan.
      let output = literalAt[state] !== -1 ? state : outputLink[state];
      if (output === UNRESOLVED) output = this.outputLinkOf(state);
      for (; output !== -1 && visited[output] !== scanNumber; output = this.outputLinkOf(output)) {
        visited[output] = scanNumber;
        found[literalAt[output]] = 1;
      }
    }
    return found;
  }
}
