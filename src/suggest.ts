// "did you mean …?" for misspelt keys, platforms and rule ids.

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3 && Math.min(a.length, b.length) < 40) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const columns = b.length + 1;
  const previousPrevious = new Array<number>(columns).fill(0);
  let previous = Array.from({ length: columns }, (_, index) => index);
  for (let i = 1; i < rows; i += 1) {
    const current = new Array<number>(columns);
    current[0] = i;
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], previousPrevious[j - 2] + 1);
      }
    }
    previousPrevious.splice(0, columns, ...previous);
    previous = current;
  }
  return previous[columns - 1];
}

/** The closest candidate within a distance that grows with the word's length, or undefined. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  // 'promotion' -> 'promo', 'information' -> 'info': a known word that starts the misspelt one.
  for (const candidate of candidates) {
    const known = candidate.toLowerCase();
    if (known.length >= 3 && (lower.startsWith(known) || known.startsWith(lower)) && Math.min(lower.length, known.length) >= 3) return candidate;
  }
  return undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match ? ` (did you mean '${match}'?)` : '';
}
