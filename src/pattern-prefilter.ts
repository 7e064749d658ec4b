// Many patterns, one text: which of them can match anywhere in it? Patterns are tested in bundles (one
// alternation regex each) against the whole text once; only patterns of a bundle that matched are tested alone.
// A rule then runs, sentence by sentence, only the patterns that matched somewhere in the whole text.
// Since a sentence is a slice of the text, a pattern that matches in a sentence matches in the text too —
// except for patterns anchored with ^ or $ (or using backreferences or named groups), which are always kept.

const BUNDLE_SIZE = 24;

interface Bundle {
  regex: RegExp;
  members: number[];
}

/** Whether the pattern can be placed inside an alternation and keep its meaning. */
function isBundleable(source: string): boolean {
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') {
      const next = source[index + 1] ?? '';
      if (/[1-9k]/.test(next)) return false; // backreferences
      index += 1;
      continue;
    }
    if (inClass) {
      if (character === ']') inClass = false;
      continue;
    }
    if (character === '[') inClass = true;
    else if (character === '^' || character === '$') return false;
    else if (character === '(' && source.startsWith('(?<', index) && !source.startsWith('(?<=', index) && !source.startsWith('(?<!', index)) return false;
  }
  return true;
}

export class PatternPrefilter {
  private readonly bundles: Bundle[] = [];
  private readonly alwaysKept: number[] = [];

  constructor(private readonly patterns: readonly RegExp[]) {
    const byFlags = new Map<string, number[]>();
    patterns.forEach((pattern, index) => {
      if (!isBundleable(pattern.source)) {
        this.alwaysKept.push(index);
        return;
      }
      const flags = pattern.flags.replace(/[gy]/g, '');
      byFlags.set(flags, [...(byFlags.get(flags) ?? []), index]);
    });
    for (const [flags, members] of byFlags) {
      for (let start = 0; start < members.length; start += BUNDLE_SIZE) {
        const slice = members.slice(start, start + BUNDLE_SIZE);
        try {
          this.bundles.push({ regex: new RegExp(slice.map((index) => `(?:${patterns[index].source})`).join('|'), flags), members: slice });
        } catch {
          this.alwaysKept.push(...slice);
        }
      }
    }
  }

  /** For each pattern: whether it matches somewhere in `text` (or could not be bundled and must be tried). */
  possible(text: string): boolean[] {
    const result = new Array<boolean>(this.patterns.length).fill(false);
    for (const index of this.alwaysKept) result[index] = true;
    for (const bundle of this.bundles) {
      if (!bundle.regex.test(text)) continue;
      for (const index of bundle.members) {
        const pattern = this.patterns[index];
        pattern.lastIndex = 0;
        result[index] = pattern.test(text);
        pattern.lastIndex = 0;
      }
    }
    return result;
  }

  /** The patterns that can match in `text`, in their original order. */
  filter(text: string): RegExp[] {
    const possible = this.possible(text);
    return this.patterns.filter((_, index) => possible[index]);
  }
}

const prefilters = new WeakMap<readonly RegExp[], PatternPrefilter>();

/** The prefilter of a list of compiled patterns (cached by list identity). */
export function prefilterOf(patterns: readonly RegExp[]): PatternPrefilter {
  let prefilter = prefilters.get(patterns);
  if (!prefilter) {
    prefilter = new PatternPrefilter(patterns);
    prefilters.set(patterns, prefilter);
  }
  return prefilter;
}
