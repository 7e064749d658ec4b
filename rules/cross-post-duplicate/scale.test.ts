// The duplicate detector must not compare every pair: 10,000 drafts would be 50 million comparisons.
// These tests count the candidate pairs LSH proposes (work, not time) and check that the planted copies are found.
import { describe, it, expect } from 'vitest';
import { findSimilarGroups, minHashSignature, shingleHashes, jaccard, jaccardAtLeast, hashString, packUint32, unpackUint32, unpackAllUint32, type SimilarityItem } from './similarity.js';
import fc from 'fast-check';
import rule, { type DuplicateSummary } from './index.js';
import { defaultSettings } from '../../src/settings.js';
import type { CollectionReportDescriptor, SummaryEnvelope } from '../../src/types.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function itemOf(words: string[]): SimilarityItem {
  const shingles = shingleHashes(words);
  return { shingles, signature: minHashSignature(shingles) };
}

function summaryOf(words: string[], platforms: string[]): DuplicateSummary {
  const { shingles, signature } = itemOf(words);
  return { platforms, words: words.length, shingles: packUint32(shingles), signature: packUint32(signature), line: 5, column: 1, platformsLine: 2, platformsColumn: 11, reply: false };
}

/** `originals` distinct drafts for instagram (sharing a signature line), plus `planted` facebook copies with one word changed. */
function buildCalendar(originals: number, planted: number, seed: number) {
  const next = random(seed);
  const vocabulary = Array.from({ length: 5000 }, (_, index) => `w${index.toString(36)}`);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)];
  const boilerplate = ['clinica', 'dental', 'sonrisa', 'pide', 'cita', 'en', 'el', 'enlace', 'de', 'la', 'bio'];
  const texts: string[][] = [];
  for (let index = 0; index < originals; index += 1) {
    texts.push([...Array.from({ length: 30 + Math.floor(next() * 50) }, pick), ...boilerplate]);
  }
  const pairs: Array<[number, number]> = [];
  for (let index = 0; index < planted; index += 1) {
    const original = index * Math.floor(originals / planted);
    const copy = [...texts[original]];
    copy[copy.length - boilerplate.length - 2] = pick();
    texts.push(copy);
    pairs.push([original, texts.length - 1]);
  }
  const summaries = texts.map((words, index) => summaryOf(words, index < originals ? ['instagram'] : ['facebook']));
  return { items: texts.map(itemOf), summaries, pairs };
}

describe('cross-post-duplicate at scale', () => {
  const { items, summaries, pairs } = buildCalendar(9_850, 150, 20260301);

  it('proposes a near-linear number of candidate pairs for 10,000 drafts and finds every planted copy', () => {
    const { groups, edges, candidatePairs } = findSimilarGroups(items, 0.8);
    expect(groups).toHaveLength(10_000);
    // All pairs would be 49,995,000; the planted copies alone are 150. Allow a generous linear bound.
    expect(candidatePairs).toBeGreaterThanOrEqual(150);
    expect(candidatePairs).toBeLessThan(2 * items.length);
    const found = new Set(edges.map((edge) => `${edge.a}-${edge.b}`));
    for (const [original, copy] of pairs) expect(found.has(`${original}-${copy}`)).toBe(true);
    expect(edges).toHaveLength(150);
    for (const edge of edges) expect(jaccard(items[edge.a].shingles, items[edge.b].shingles)).toBeGreaterThanOrEqual(0.8);
  });

  it('stays far below a candidate per draft as the calendar grows (false candidates are rare, not all pairs)', () => {
    for (const [originals, planted] of [[2_450, 50], [4_900, 100], [9_800, 200]]) {
      const candidates = findSimilarGroups(buildCalendar(originals, planted, 99).items, 0.8).candidatePairs;
      const drafts = originals + planted;
      expect(candidates).toBeGreaterThanOrEqual(planted);
      // Unrelated texts become candidates with probability about 16·J⁴ (J their similarity): a few in ten thousand drafts.
      expect(candidates - planted).toBeLessThan(0.05 * drafts);
    }
  });

  it('collapses a text copied 2,000 times into one group instead of two million pairs', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`);
    const copies = Array.from({ length: 2_000 }, () => itemOf(words));
    const { groups, candidatePairs } = findSimilarGroups(copies, 0.8);
    expect(groups).toHaveLength(1);
    expect(candidatePairs).toBe(0);
  });

  it('reports each planted copy through the rule itself', () => {
    const drafts: SummaryEnvelope<DuplicateSummary>[] = summaries.map((summary, index) => ({
      path: `/calendar/${index}.md`, displayPath: `${index}.md`, reported: true, summary,
    }));
    const reports: CollectionReportDescriptor[] = [];
    rule.check({
      drafts, settings: defaultSettings(), today: '2026-03-01', report: (descriptor) => reports.push(descriptor),
      options: { minSimilarity: 0.8, minWords: 8, flagMultiPlatform: true, maxListed: 3 },
    });
    expect(reports.filter((report) => report.kind === 'copy')).toHaveLength(300);
  });
});

describe('packUint32', () => {
  it('round-trips any list of 32-bit values through a base64 string', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), (values) => {
      const packed = packUint32(values);
      expect(packed).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      expect([...unpackUint32(packed)]).toEqual(values);
    }));
  });

  it('packs a typed array (or a view into one) as it packs the same values in a plain array', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 100 }), fc.nat({ max: 5 }), (values, skip) => {
      const view = Uint32Array.from([...Array.from({ length: skip }, () => 7), ...values]).subarray(skip);
      expect(packUint32(view)).toBe(packUint32(values));
    }));
  });

  it('unpacks many lists at once, each as it was', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 70 }), { maxLength: 20 }), (lists) => {
      expect(unpackAllUint32(lists.map(packUint32)).map((values) => [...values])).toEqual(lists);
    }));
  });

  it('is little-endian whatever the machine (a cache can move between machines)', () => {
    expect(packUint32([1, 0x01020304])).toBe(Buffer.from([1, 0, 0, 0, 4, 3, 2, 1]).toString('base64'));
    expect(packUint32(Uint32Array.of(1, 0x01020304))).toBe(Buffer.from([1, 0, 0, 0, 4, 3, 2, 1]).toString('base64'));
  });
});

describe('findSimilarGroups among candidates', () => {
  it('finds exactly the pairs whose Jaccard similarity reaches the threshold (its shortcuts skip none)', () => {
    // Identical signatures make every pair of a small set a candidate: the edges must then be all pairs that reach
    // the threshold, however the size check, the bucket-count bound and the early exit cut the work.
    const signature = Array.from({ length: 64 }, (_, index) => index);
    const set = fc.uniqueArray(fc.nat({ max: 400 }), { minLength: 1, maxLength: 120 }).map((values) => values.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(set, { minLength: 2, maxLength: 40 }), fc.constantFrom(0.3, 0.5, 0.7, 0.8, 0.95), (sets, minimum) => {
        // Near-copies: each set also appears with a few elements changed.
        const items = sets.flatMap((shingles) => [shingles, [...new Set([...shingles.slice(1), 1000 + shingles[0]])].sort((a, b) => a - b)])
          .map((shingles) => ({ shingles, signature }));
        const { groups, edges } = findSimilarGroups(items, minimum);
        const expected: string[] = [];
        for (let a = 0; a < groups.length; a += 1) {
          for (let b = a + 1; b < groups.length; b += 1) {
            const similarity = jaccard(items[groups[a][0]].shingles, items[groups[b][0]].shingles);
            if (similarity >= minimum) expected.push(`${a}-${b}:${similarity}`);
          }
        }
        expect(edges.map((edge) => `${edge.a}-${edge.b}:${edge.similarity}`).sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('shingleHashes', () => {
  it('hashes each shingle as the words joined by one space', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 12 }), (words) => {
        const reference = new Set<number>();
        if (words.length > 0 && words.length < 3) reference.add(hashString(words.join(' ')));
        for (let index = 0; index + 3 <= words.length; index += 1) reference.add(hashString(words.slice(index, index + 3).join(' ')));
        expect(Array.from(shingleHashes(words))).toEqual([...reference].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('minHashSignature', () => {
  it('holds, for each hash function, the smallest value over the shingles', () => {
    // The hash functions as first written: Murmur3's finaliser over the shingle XOR each seed (seeds from the same).
    const mix = (value: number) => {
      let hash = value >>> 0;
      hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> 0;
      hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
      return (hash ^ (hash >>> 16)) >>> 0;
    };
    const seeds: number[] = [];
    for (let index = 0, state = 0x9e3779b9; index < 64; index += 1) seeds.push((state = mix(state + 0x6d2b79f5)));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 60 }), (shingles) => {
        const expected = seeds.map((seed) => Math.min(0xffffffff, ...shingles.map((shingle) => mix(shingle ^ seed))));
        expect(Array.from(minHashSignature(shingles.sort((a, b) => a - b)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('jaccardAtLeast', () => {
  it('is jaccard when that reaches the minimum, -1 when not (it may stop reading early)', () => {
    const sortedSet = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }).map((values) => values.sort((a, b) => a - b));
    fc.assert(
      fc.property(sortedSet, sortedSet, fc.constantFrom(0, 0.3, 0.5, 0.7, 0.8, 0.95, 1), (a, b, minimum) => {
        const exact = jaccard(a, b);
        expect(jaccardAtLeast(a, b, minimum)).toBe(exact >= minimum ? exact : -1);
      }),
      { numRuns: 3000 },
    );
  });
});
