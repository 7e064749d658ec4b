import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sha1Hex16 } from '../../src/short-hash.js';

const reference = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

describe('sha1Hex16 (fingerprints: baselines store them, so they must not change)', () => {
  it('is the first 16 hex digits of the SHA-1 of the text as UTF-8', () => {
    expect(sha1Hex16('')).toBe('da39a3ee5e6b4b0d');
    expect(sha1Hex16('no-patient-data\0name\0drafts/a.md\0maría garcía')).toBe(reference('no-patient-data\0name\0drafts/a.md\0maría garcía'));
  });

  it('agrees with createHash on any text, lone surrogates, NUL and astral characters included', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('\ud800', 'a\udc00b', '\u0000', '😀'.repeat(50)));
    fc.assert(fc.property(text, (value) => sha1Hex16(value) === reference(value)), { numRuns: 2000 });
  });
});
