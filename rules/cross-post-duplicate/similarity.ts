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

/** Sorted, distinct hashes of the word shingles (a text shorter than a shingle is one shingle). */
export function shingleHashes(words: readonly string[], size = SHINGLE_SIZE): number[] {
  const hashes = new Set<number>();
  if (words.length > 0 && words.length < size) hashes.add(hashJoinedWords(words, 0, words.length));
  for (let index = 0; index + size <= words.length; index += 1) hashes.add(hashJoinedWords(words, index, index + size));
  return [...hashes].sort((a, b) => a - b);
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

const SEEDS: number[] = (() => {
  const seeds: number[] = [];
  let state = 0x9e3779b9;
  for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
    state = mix(state + 0x6d2b79f5);
    seeds.push(state);
  }
  return seeds;
})();

/** The MinHash signature of a shingle set: for each of SIGNATURE_LENGTH hash functions, the smallest value. */
export function minHashSignature(shingles: readonly number[]): number[] {
  const signature = new Array<number>(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
      const value = mix(shingle ^ SEEDS[index]);
      if (value < signature[index]) signature[index] = value;
    }
  }
  return signature;
}

/** Exact Jaccard similarity of two sorted sets. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

export interface SimilarityItem {
  shingles: readonly number[];
  signature: readonly number[];
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
    const key = `${item.shingles.length}:${hashString(item.shingles.join(','))}:${item.signature.slice(0, 8).join(',')}`;
    const existing = groupOf.get(key);
    if (existing !== undefined && jaccard(representatives[existing].shingles, item.shingles) === 1) {
      groups[existing].push(index);
      return;
    }
    groupOf.set(key, groups.length);
    groups.push([index]);
    representatives.push(item);
  });

  const seen = new Set<number>();
  const edges: SimilarGroups['edges'] = [];
  let candidatePairs = 0;
  const consider = (a: number, b: number) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = low * groups.length + high;
    if (seen.has(key)) return;
    seen.add(key);
    candidatePairs += 1;
    const similarity = jaccard(representatives[low].shingles, representatives[high].shingles);
    if (similarity >= minSimilarity) edges.push({ a: low, b: high, similarity });
  };
  for (let band = 0; band < BANDS; band += 1) {
    const buckets = new Map<string, number[]>();
    representatives.forEach((item, index) => {
      const key = item.signature.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i += 1) {
        const last = Math.min(bucket.length, i + 1 + MAX_BUCKET_NEIGHBOURS);
        for (let j = i + 1; j < last; j += 1) consider(bucket[i], bucket[j]);
      }
    }
  }
  return { groups, edges, candidatePairs };
}
