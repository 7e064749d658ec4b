// A data-file pattern is compiled only once a cheap stand-in for it has matched. Compiling is most of what a
// pattern costs on one draft: a word boundary over every letter, `(?<![\p{L}\p{N}_])`, takes V8 ~0.4 ms to
// compile case-insensitively, and a one-draft run compiled ~20 ms of patterns that then matched nothing (the
// literal prefilter lets them through: "st" occurs in "dentista"; "dos" occurs, but no dose follows).
// The stand-in (the gate) is the same pattern with its word boundaries over Latin letters only and its other
// simple lookarounds left out: it matches wherever the pattern does (each change only widens what matches), and
// compiles in a few hundredths of a millisecond. Until the gate first matches, a failed gate is the answer.

export class GatedRegExp extends RegExp {
  #gate: RegExp | undefined;
  readonly #full: RegExp;

  /** `gateSource`: a pattern that matches at least wherever `pattern` matches, with the same flags. */
  constructor(pattern: string | RegExp, flags?: string, gateSource?: string) {
    super(pattern, flags);
    this.#full = new RegExp(pattern, flags);
    if (gateSource !== undefined) this.#gate = new RegExp(gateSource, flags);
  }

  override exec(text: string): RegExpExecArray | null {
    const gate = this.#gate;
    if (gate !== undefined) {
      gate.lastIndex = this.lastIndex;
      if (gate.exec(text) === null) {
        if (this.global || this.sticky) this.lastIndex = 0;
        return null;
      }
      // From now on the pattern itself runs (and is compiled): the gate would only add work.
      this.#gate = undefined;
    }
    const full = this.#full;
    full.lastIndex = this.lastIndex;
    const match = full.exec(text);
    this.lastIndex = full.lastIndex;
    return match;
  }
}
