// A text built from runs of a source file, each run remembering where it came from, so an offset in the text
// maps back to the source: the visible text of a Post, and the plain text a network receives.

export interface MappedText {
  value: string;
  /** Offset in `value` -> offset in the source file. */
  toSource(textOffset: number): number;
}

export class MappedTextBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly textStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly runLengths: number[] = [];

  get size(): number {
    return this.length;
  }

  /** A run of text from source[sourceStart, sourceStart + sourceLength). */
  append(value: string, sourceStart: number, sourceLength = value.length): void {
    if (value.length === 0) return;
    this.textStarts.push(this.length);
    this.sourceStarts.push(sourceStart);
    // When the source spells the value differently (escapes, entities), offsets inside it are approximate.
    this.runLengths.push(Math.min(value.length, sourceLength));
    this.parts.push(value);
    this.length += value.length;
  }

  /** Text that is not in the source (a separator between blocks): maps to the end of the previous run. */
  separate(separator: string): void {
    if (this.length === 0) return;
    const last = this.parts[this.parts.length - 1];
    if (last.endsWith('\n') && separator === '\n') return;
    this.parts.push(separator);
    this.length += separator.length;
  }

  build(): MappedText {
    const value = this.parts.join('');
    const { textStarts, sourceStarts, runLengths } = this;
    return {
      value,
      toSource(textOffset: number): number {
        if (textStarts.length === 0) return 0;
        const low = lastIndexAtOrBefore(textStarts, textOffset);
        return sourceStarts[low] + Math.min(Math.max(0, textOffset - textStarts[low]), runLengths[low]);
      },
    };
  }
}

/** In an ascending list of starts, the index of the last one at or before `value` (0 when none is). */
export function lastIndexAtOrBefore(starts: readonly number[], value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
