// Near-duplicate detection that scales: word 3-shingles, MinHash signatures, locality-sensitive hashing
// (bands of the signature as bucket keys) to find candidate pairs, then exact Jaccard on the candidates only.
// Drafts with exactly the same shingles are grouped first, so a text copied 1,000 times is one item, not 500,000 pairs.
import { foldText } from '../../src/rule-helpers.js';

export const SHINGLE_SIZE = 3;
export const BANDS = 16;
export const ROWS_PER_BAND = 4;
export const SIGNATURE_LENGTH = BANDS * ROWS_PER_BAND;
/** A bucket bigger than this compares each member only with its next MAX_BUCKET_NEIGHBOURS (keeps work linear). */
export const MAX_BUCKET_NEIGHBOURS = 64;
/** Buckets of the per-set counts that bound how many shingles two sets share (a power of two). */
const SKETCH_BUCKETS = 32;

const DOMAIN_LIKE = /[\p{L}\p{N}-]\.\p{L}{2,}/u;

/** Words of the text a reader compares: no links, hashtags, mentions, case, accents, punctuation or emoji. */
export function normalizedWords(text: string): string[] {
  // Domain-like words ("sonrisa.es/cita") are dropped word by word: a regex with \S* on both sides would be
  // quadratic on one very long word.
  const stripped = text
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .split(/\s+/)
    .filter((word) => !DOMAIN_LIKE.test(word))
    .join(' ')
    .replace(/[#＃@＠][\p{L}\p{M}\p{N}_]+/gu, ' ');
  return foldText(stripped).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a, 32 bits. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** hashString(words.slice(start, end).join(' ')), without building the string. */
function hashJoinedWords(words: readonly string[], start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    if (index > start) hash = Math.imul(hash ^ 32, 0x01000193);
    const word = words[index];
    for (let position = 0; position < word.length; position += 1) hash = Math.imul(hash ^ word.charCodeAt(position), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Sorted, distinct hashes of the word shingles (a text shorter than a shingle is one shingle). In a typed array:
 * most hashes are above 2^30, and a Set or plain array of them holds each as a boxed number.
 */
export function shingleHashes(words: readonly string[], size = SHINGLE_SIZE): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < size) return Uint32Array.of(hashJoinedWords(words, 0, words.length));
  const hashes = new Uint32Array(words.length - size + 1);
  for (let index = 0; index + size <= words.length; index += 1) hashes[index] = hashJoinedWords(words, index, index + size);
  hashes.sort();
  let distinct = 0;
  for (let index = 0; index < hashes.length; index += 1) {
    if (index === 0 || hashes[index] !== hashes[distinct - 1]) hashes[distinct++] = hashes[index];
  }
  return hashes.subarray(0, distinct);
}

/** Murmur3's finaliser: a good 32-bit mix. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  let state = 0x9e3779b9;
  for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
    state = mix(state + 0x6d2b79f5);
    seeds[index] = state;
  }
  return seeds;
})();

/** The MinHash signature of a shingle set: for each of SIGNATURE_LENGTH hash functions, the smallest value. */
export function minHashSignature(shingles: HashList): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
      const value = mix(shingle ^ SEEDS[index]);
      if (value < signature[index]) signature[index] = value;
    }
  }
  return signature;
}

/** Exact Jaccard similarity of two sorted sets. */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return jaccardAtLeast(a, b, 0);
}

/**
 * jaccard(a, b) when it is at least `minimum`, else -1, found without always reading both sets to the end: the
 * merge stops once even sharing every remaining element could not reach `minimum`. The result is exactly
 * jaccard's (same expression); on dissimilar pairs, most of a large archive's candidates, it reads a fraction.
 */
export function jaccardAtLeast(a: ArrayLike<number>, b: ArrayLike<number>, minimum: number): number {
  if (a.length === 0 && b.length === 0) return 1 >= minimum ? 1 : -1;
  const total = a.length + b.length;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
      continue;
    }
    if (a[i] < b[j]) i += 1;
    else j += 1;
    const reachable = shared + Math.min(a.length - i, b.length - j);
    if (reachable / (total - reachable) < minimum) return -1;
  }
  const similarity = shared / (total - shared);
  return similarity >= minimum ? similarity : -1;
}

/** Whether a Uint32Array's bytes are already in little-endian order (they are on x86 and ARM). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * 32-bit values as one base64 string (little-endian). A collection summary is kept for every draft of an archive:
 * as a string, 144 hashes take ~800 bytes, as an array of numbers ~2.5 KB (most hashes are above 2^31, so each
 * is a boxed number); and the summary stays plain JSON for --cache.
 */
export function packUint32(values: ArrayLike<number>): string {
  if (LITTLE_ENDIAN && values instanceof Uint32Array) return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const bytes = Buffer.allocUnsafe(values.length * 4);
  for (let index = 0; index < values.length; index += 1) bytes.writeUInt32LE(values[index] >>> 0, index * 4);
  return bytes.toString('base64');
}

export function unpackUint32(packed: string): Uint32Array {
  return unpackAllUint32([packed])[0];
}

/**
 * Each packed string's values, decoded into one shared array (a view each). A Buffer and a Uint32Array per draft
 * and per list took ~1.3 KB a draft, all alive at once: 130 MB at 100,000 drafts, where these take ~50.
 */
export function unpackAllUint32(packed: readonly string[]): Uint32Array[] {
  let bytes = 0;
  for (const text of packed) bytes += Buffer.byteLength(text, 'base64'); // at least what each decodes to
  const decoded = Buffer.allocUnsafeSlow(bytes + 4); // not from the pool: starts at offset 0, so 4-byte aligned
  const values = new Uint32Array(decoded.buffer, decoded.byteOffset, decoded.length >>> 2);
  const starts: number[] = [];
  let at = 0;
  for (const text of packed) {
    starts.push(at);
    at += decoded.write(text, at * 4, 'base64') >>> 2; // a broken tail (not a whole value) is overwritten next
  }
  starts.push(at);
  if (!LITTLE_ENDIAN) for (let index = 0; index < at; index += 1) values[index] = decoded.readUInt32LE(index * 4);
  return packed.map((_, index) => values.subarray(starts[index], starts[index + 1]));
}

/** Sorted 32-bit hashes, as a plain array or typed. */
export type HashList = readonly number[] | Uint32Array;

function sameShingles(a: HashList, b: HashList): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The 32-bit values from `start` to `end` as a string of two UTF-16 units each: a key as exact as joining their
 * decimal digits with commas, made without writing numbers out (16 band keys a draft: 90 of the 350 ms this rule
 * spent at 10,000 drafts).
 */
function valuesKey(values: HashList, start: number, end: number): string {
  let key = '';
  for (let index = start; index < end; index += 1) key += String.fromCharCode(values[index] & 0xffff, values[index] >>> 16);
  return key;
}

/** FNV-1a over 32-bit values (a group key's part: equal sets are then compared in full). */
function hashValues(values: HashList): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < values.length; index += 1) hash = Math.imul(hash ^ values[index], 0x01000193);
  return hash >>> 0;
}

export interface SimilarityItem {
  shingles: HashList;
  signature: HashList;
}

export interface SimilarGroups {
  /** Items with exactly the same shingles: indices into the input. */
  groups: number[][];
  /** Pairs of groups (indices into `groups`) whose Jaccard similarity is at least the threshold. */
  edges: Array<{ a: number; b: number; similarity: number }>;
  /** How many group pairs LSH proposed (before exact Jaccard): the work done, near-linear in the input. */
  candidatePairs: number;
}

/** Groups identical texts, then finds similar groups through LSH candidates and exact Jaccard. */
export function findSimilarGroups(items: readonly SimilarityItem[], minSimilarity: number): SimilarGroups {
  const groupOf = new Map<string, number>();
  const groups: number[][] = [];
  const representatives: SimilarityItem[] = [];
  items.forEach((item, index) => {
    const key = `${item.shingles.length}:${hashValues(item.shingles)}:${valuesKey(item.signature, 0, 8)}`;
    const existing = groupOf.get(key);
    if (existing !== undefined && sameShingles(representatives[existing].shingles, item.shingles)) {
      groups[existing].push(index);
      return;
    }
    groupOf.set(key, groups.length);
    groups.push([index]);
    representatives.push(item);
  });

  // Candidates: within each band's buckets (items with the same rows of the signature), each item with the next
  // MAX_BUCKET_NEIGHBOURS members. Gathered item by item, with a mark per item instead of a set of every pair seen:
  // memory stays linear in the number of drafts (a set of pairs grew to millions of entries at 10,000 drafts).
  const count = representatives.length;
  const order: Int32Array[] = []; // per band: items laid out bucket after bucket, in increasing index within one
  const positionOf: Int32Array[] = []; // per band: where each item is in `order`
  const bucketEndOf: Int32Array[] = []; // per band: where each item's bucket ends in `order`
  for (let band = 0; band < BANDS; band += 1) {
    const buckets = new Map<string, number[]>();
    representatives.forEach((item, index) => {
      const key = valuesKey(item.signature, band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    const laidOut = new Int32Array(count);
    const position = new Int32Array(count);
    const bucketEnd = new Int32Array(count);
    let next = 0;
    for (const bucket of buckets.values()) {
      const end = next + bucket.length;
      for (const item of bucket) {
        laidOut[next] = item;
        position[item] = next;
        bucketEnd[item] = end;
        next += 1;
      }
    }
    order.push(laidOut);
    positionOf.push(position);
    bucketEndOf.push(bucketEnd);
  }
  // The candidates' shingles as typed arrays: the comparisons below read them millions of times at 100,000 drafts,
  // and 32-bit integers read faster than a plain array's doubles (exact Jaccard 18.3 -> 13.1 s there, same edges).
  const shingleSets = representatives.map((item) => (item.shingles instanceof Uint32Array ? item.shingles : Uint32Array.from(item.shingles)));
  // Per set, how many of its shingles fall in each of SKETCH_BUCKETS buckets (by their low bits). Two sets share at
  // most, bucket by bucket, the smaller of their counts: a bound read in 32 steps, where the exact comparison reads
  // the sets. A pair whose bound cannot reach the threshold is skipped: exact, and most candidates at 100,000
  // drafts (16 of 28 million; 12.2 -> 9.8 s there, the same edges).
  const sketches = new Uint32Array(count * SKETCH_BUCKETS);
  shingleSets.forEach((set, index) => {
    for (const shingle of set) sketches[index * SKETCH_BUCKETS + (shingle & (SKETCH_BUCKETS - 1))] += 1;
  });
  const edges: SimilarGroups['edges'] = [];
  let candidatePairs = 0;
  const lastComparedWith = new Int32Array(count); // item + 1 of the last item this one was compared with
  for (let item = 0; item < count; item += 1) {
    for (let band = 0; band < BANDS; band += 1) {
      const start = positionOf[band][item] + 1;
      const end = Math.min(bucketEndOf[band][item], start + MAX_BUCKET_NEIGHBOURS);
      for (let at = start; at < end; at += 1) {
        const other = order[band][at]; // always after `item`: buckets list items in increasing order
        if (lastComparedWith[other] === item + 1) continue;
        lastComparedWith[other] = item + 1;
        candidatePairs += 1;
        // Jaccard similarity is at most the smaller set's size over the larger's: skip pairs that cannot reach it.
        const size = shingleSets[item].length;
        const otherSize = shingleSets[other].length;
        if ((size < otherSize ? size : otherSize) < minSimilarity * (size < otherSize ? otherSize : size)) continue;
        let sharedAtMost = 0;
        for (let bucket = item * SKETCH_BUCKETS, otherBucket = other * SKETCH_BUCKETS, last = bucket + SKETCH_BUCKETS; bucket < last; bucket += 1, otherBucket += 1) {
          sharedAtMost += sketches[bucket] < sketches[otherBucket] ? sketches[bucket] : sketches[otherBucket];
        }
        if (sharedAtMost / (size + otherSize - sharedAtMost) < minSimilarity) continue;
        const similarity = jaccardAtLeast(shingleSets[item], shingleSets[other], minSimilarity);
        if (similarity !== -1) edges.push({ a: item, b: other, similarity });
      }
    }
  }
  return { groups, edges, candidatePairs };
}
