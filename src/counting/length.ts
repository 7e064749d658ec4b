// How long a post is on each network: graphemes (Bluesky, Mastodon), UTF-8 bytes (Bluesky's second limit),
// UTF-16 code units (what a browser's maxlength counts: the conservative default for networks that publish
// no algorithm), code points, and X's weighted length. `measureLength` applies a platform's counting rule
// and says where the text first goes over the limit.
import { extractUrlsWithIndices } from './urls.js';
import { parseXPost, X_COUNTING_V3, type XCountingConfig } from './x-weighted-length.js';

export type CountingMethod = 'x-weighted' | 'graphemes' | 'code-points' | 'utf16' | 'utf8-bytes' | 'mastodon';
export const COUNTING_METHODS: readonly CountingMethod[] = ['x-weighted', 'graphemes', 'code-points', 'utf16', 'utf8-bytes', 'mastodon'];

/** Created on first use: loading ICU's break rules takes ~7 ms, and Latin-script posts without emoji never need them. */
let segmenter: Intl.Segmenter | undefined;
const graphemeSegmenter = { segment: (text: string) => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text) };
const SEGMENTER_WINDOW = 16_384;

/**
 * A text cut into pieces whose clusters can be counted apart: stretches of characters below U+0300 (ASCII, Latin-1
 * and Latin Extended, the letters of Spanish and Italian), where every position is a cluster boundary except inside
 * CR LF (UAX #29: none of them is Extend, SpacingMark, ZWJ or Prepend; a test checks every pair), and the runs of
 * other characters with one neighbour on each side, which go through Intl.Segmenter. Consecutive, covering the
 * whole text.
 */
interface GraphemePiece {
  start: number;
  end: number;
  simple: boolean;
}

function graphemePieces(text: string): GraphemePiece[] {
  const pieces: GraphemePiece[] = [];
  let cursor = 0;
  let chunkStart = -1;
  let chunkEnd = -1;
  const flush = () => {
    if (chunkStart < 0) return;
    if (cursor < chunkStart) pieces.push({ start: cursor, end: chunkStart, simple: true });
    pieces.push({ start: chunkStart, end: chunkEnd, simple: false });
    cursor = chunkEnd;
  };
  for (const run of text.matchAll(/[^\x00-\u02ff]+/g)) {
    let start = Math.max((run.index ?? 0) - 1, 0);
    let end = Math.min((run.index ?? 0) + run[0].length + 1, text.length);
    if (text[start] === '\n' && text[start - 1] === '\r') start -= 1;
    if (text[end - 1] === '\r' && text[end] === '\n') end += 1;
    if (chunkStart >= 0 && start <= chunkEnd) {
      chunkEnd = Math.max(chunkEnd, end);
      continue;
    }
    flush();
    chunkStart = Math.max(start, cursor);
    chunkEnd = end;
  }
  flush();
  if (cursor < text.length) pieces.push({ start: cursor, end: text.length, simple: true });
  return pieces;
}

/** Clusters of a stretch of characters below U+0300: one per character, CR LF counting once. */
function simpleClusterCount(text: string, start: number, end: number): number {
  let count = end - start;
  for (let index = text.indexOf('\r\n', start); index !== -1 && index + 1 < end; index = text.indexOf('\r\n', index + 2)) count -= 1;
  return count;
}

/**
 * Clusters of a piece of other characters. Intl.Segmenter is superlinear on one long run: runs up to SEGMENTER_WINDOW go
 * through it whole (exact); longer ones (adversarial input, not posts) in windows, each starting where the previous
 * window's last cluster starts (that cluster may continue past the window, so it is counted with the next one).
 */
function segmentedClusterCount(text: string, start: number, end: number): number {
  if (end - start <= SEGMENTER_WINDOW) {
    let whole = 0;
    for (const _segment of graphemeSegmenter.segment(text.slice(start, end))) whole += 1;
    return whole;
  }
  let count = 0;
  let position = start;
  while (position < end) {
    const windowEnd = Math.min(end, position + SEGMENTER_WINDOW);
    let pieceCount = 0;
    let lastStart = 0;
    for (const segment of graphemeSegmenter.segment(text.slice(position, windowEnd))) {
      pieceCount += 1;
      lastStart = segment.index;
    }
    if (windowEnd === end) return count + pieceCount;
    if (lastStart === 0) {
      // One cluster longer than the window (thousands of combining marks): count it and move on.
      count += 1;
      position = windowEnd;
    } else {
      count += pieceCount - 1;
      position += lastStart;
    }
  }
  return count;
}

/**
 * User-perceived characters (extended grapheme clusters): '👨‍👩‍👧' is 1, 'é' is 1 however it is encoded.
 * Intl.Segmenter is slow (and loading its break rules takes ~7 ms), so stretches below U+0300 are counted directly
 * and only the runs of other characters (emoji, combining marks, other scripts) go through it (see graphemePieces).
 */
export function countGraphemes(text: string): number {
  let total = 0;
  for (const piece of graphemePieces(text)) {
    total += piece.simple ? simpleClusterCount(text, piece.start, piece.end) : segmentedClusterCount(text, piece.start, piece.end);
  }
  return total;
}

/** Unicode code points: '😷' is 1, '👨‍👩‍👧' is 5. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

/** UTF-16 code units (JavaScript's `length`, an HTML `maxlength`): '😷' is 2, '€' is 1. */
export function countUtf16Units(text: string): number {
  return text.length;
}

/** Bytes once encoded as UTF-8: 'a' 1, 'é' 2, '€' 3, '😷' 4. */
export function countUtf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** What Mastodon counts differently: URLs with a protocol (as `urlLength` x's), remote mentions (as '@user'). */
function mastodonReplacements(text: string, urlLength: number): Replacement[] {
  const replacements: Replacement[] = [];
  for (const url of extractUrlsWithIndices(text, { withoutProtocol: false })) {
    replacements.push({ start: url.indices[0], end: url.indices[1], text: 'x'.repeat(urlLength) });
  }
  for (const match of text.matchAll(/(?<![=/\p{L}\p{N}_@])@([a-z0-9_]{1,30}(?:[.-]{1,5}[a-z0-9_]{1,30}){0,10})@[\p{L}\p{N}_.-]{0,253}[\p{L}\p{N}_]/giu)) {
    const start = match.index ?? 0;
    if (replacements.some((entry) => start < entry.end && start + match[0].length > entry.start)) continue;
    replacements.push({ start, end: start + match[0].length, text: `@${match[1]}` });
  }
  return replacements.sort((a, b) => a.start - b.start);
}

/**
 * Mastodon's countable text (app/validators/status_length_validator.rb): each URL with a protocol becomes 23
 * characters, a remote mention '@user@instance.tld' counts as '@user'; then graphemes are counted.
 */
export function mastodonCountableText(text: string, urlLength = 23, replacements = mastodonReplacements(text, urlLength)): string {
  let result = '';
  let cursor = 0;
  for (const entry of replacements) {
    result += text.slice(cursor, entry.start) + entry.text;
    cursor = entry.end;
  }
  return result + text.slice(cursor);
}

/** Mastodon's length: graphemes of the countable text. */
export function countMastodonLength(text: string, urlLength = 23): number {
  return countGraphemes(mastodonCountableText(text, urlLength));
}

export interface LengthRule {
  /** The hard limit. */
  max: number;
  counting: CountingMethod;
  /** What a URL counts (X, Mastodon: 23). */
  urlLength?: number;
  /** A second hard limit in UTF-8 bytes (Bluesky: 3,000). */
  maxUtf8Bytes?: number;
}

export interface LengthMeasure {
  /** The length as the network counts it. */
  length: number;
  max: number;
  counting: CountingMethod;
  /** Offset in the text (UTF-16) of the first character past the limit; undefined when it fits. */
  overflowOffset?: number;
  /** Set when the byte limit is what is exceeded. */
  utf8Bytes?: number;
  maxUtf8Bytes?: number;
}

/** Offset where a running count of units first goes over `max`. */
function overflowByUnits(units: Iterable<{ index: number; weight: number }>, max: number): number | undefined {
  let total = 0;
  for (const unit of units) {
    total += unit.weight;
    if (total > max) return unit.index;
  }
  return undefined;
}

/**
 * Offset (UTF-16) where grapheme cluster number `count` (from 0) starts: just after the first `count` clusters.
 * Undefined when the text has no more than `count` clusters. Piece by piece as countGraphemes counts: the segmenter
 * reads only the runs of characters from U+0300 on (it read the whole rest of the text from the first non-ASCII
 * character on).
 */
export function offsetAfterGraphemes(text: string, count: number): number | undefined {
  let seen = 0;
  for (const piece of graphemePieces(text)) {
    if (piece.simple) {
      const clusters = simpleClusterCount(text, piece.start, piece.end);
      if (seen + clusters <= count) {
        seen += clusters;
        continue;
      }
      for (let index = piece.start; index < piece.end; index += text[index] === '\r' && text[index + 1] === '\n' ? 2 : 1) {
        if (seen === count) return index;
        seen += 1;
      }
    } else {
      if (piece.end - piece.start > SEGMENTER_WINDOW) {
        // A long run (adversarial input): counted in windows first, and read cluster by cluster only if it holds the one.
        const clusters = segmentedClusterCount(text, piece.start, piece.end);
        if (seen + clusters <= count) {
          seen += clusters;
          continue;
        }
      }
      for (const segment of graphemeSegmenter.segment(text.slice(piece.start, piece.end))) {
        if (seen === count) return piece.start + segment.index;
        seen += 1;
      }
    }
  }
  return undefined;
}

function* codePointUnits(text: string) {
  let index = 0;
  for (const character of text) {
    yield { index, weight: 1 };
    index += character.length;
  }
}
function* utf8Units(text: string) {
  let index = 0;
  for (const character of text) {
    yield { index, weight: Buffer.byteLength(character, 'utf8') };
    index += character.length;
  }
}

/**
 * Whether the text fits the rule whatever its content, from its length alone: a text has no more graphemes or code
 * points than UTF-16 units, no more than three UTF-8 bytes per unit, and Mastodon counts each link (which holds
 * '://') as `urlLength`. Most posts are far from their network's limit; counting them exactly (URL extraction,
 * grapheme segmentation) was most of platform/max-length's time.
 */
export function certainlyFits(text: string, rule: LengthRule): boolean {
  if (rule.maxUtf8Bytes !== undefined && 3 * text.length > rule.maxUtf8Bytes) return false;
  switch (rule.counting) {
    case 'graphemes':
    case 'code-points':
    case 'utf16':
      return text.length <= rule.max;
    case 'utf8-bytes':
      return 3 * text.length <= rule.max;
    case 'mastodon': {
      let links = 0;
      for (let index = text.indexOf('://'); index !== -1; index = text.indexOf('://', index + 3)) links += 1;
      return text.length + links * (rule.urlLength ?? 23) <= rule.max;
    }
    default:
      return false;
  }
}

/** The length of a text under a platform's counting rule, and where it goes over the limit. */
export function measureLength(text: string, rule: LengthRule): LengthMeasure {
  const result: LengthMeasure = { length: 0, max: rule.max, counting: rule.counting };
  switch (rule.counting) {
    case 'x-weighted': {
      const config: XCountingConfig = { ...X_COUNTING_V3, maxWeightedTweetLength: rule.max, transformedURLLength: rule.urlLength ?? 23 };
      const parsed = parseXPost(text, config);
      result.length = parsed.weightedLength;
      if (parsed.weightedLength > rule.max) result.overflowOffset = Math.min(text.length - 1, parsed.validRangeEnd + 1);
      break;
    }
    case 'mastodon': {
      // Offsets: measure on the countable text, then map back by counting what precedes the overflow.
      const replacements = mastodonReplacements(text, rule.urlLength ?? 23);
      result.length = countGraphemes(mastodonCountableText(text, rule.urlLength, replacements));
      if (result.length > rule.max) result.overflowOffset = mastodonOverflowOffset(text, rule.max, replacements);
      break;
    }
    case 'graphemes':
      result.length = countGraphemes(text);
      if (result.length > rule.max) result.overflowOffset = offsetAfterGraphemes(text, rule.max);
      break;
    case 'code-points':
      result.length = countCodePoints(text);
      if (result.length > rule.max) result.overflowOffset = overflowByUnits(codePointUnits(text), rule.max);
      break;
    case 'utf8-bytes':
      result.length = countUtf8Bytes(text);
      if (result.length > rule.max) result.overflowOffset = overflowByUnits(utf8Units(text), rule.max);
      break;
    case 'utf16':
    default:
      result.length = countUtf16Units(text);
      result.overflowOffset = text.length > rule.max ? rule.max : undefined;
      break;
  }
  if (rule.maxUtf8Bytes !== undefined) {
    const bytes = countUtf8Bytes(text);
    if (bytes > rule.maxUtf8Bytes) {
      result.utf8Bytes = bytes;
      result.maxUtf8Bytes = rule.maxUtf8Bytes;
      const byteOverflow = overflowByUnits(utf8Units(text), rule.maxUtf8Bytes);
      if (result.overflowOffset === undefined || (byteOverflow !== undefined && byteOverflow < result.overflowOffset)) result.overflowOffset = byteOverflow;
    }
  }
  return result;
}

function mastodonOverflowOffset(text: string, max: number, replacements: readonly Replacement[]): number | undefined {
  let total = 0;
  let cursor = 0;
  const pieces = [...replacements, { start: text.length, end: text.length, text: '' }];
  for (const piece of pieces) {
    const gap = text.slice(cursor, piece.start);
    const overflow = offsetAfterGraphemes(gap, max - total);
    if (overflow !== undefined) return cursor + overflow;
    total += countGraphemes(gap);
    total += countGraphemes(piece.text);
    if (total > max) return piece.start;
    cursor = piece.end;
  }
  return undefined;
}
