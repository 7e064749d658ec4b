import fc from 'fast-check';
import { formatCount } from '../../rules/platform/shared/platform-profile.js';

describe('formatCount', () => {
  it('writes numbers as toLocaleString does for en-US', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.maxSafeInteger(), fc.double({ noNaN: true })), (value) => {
      expect(formatCount(value)).toBe(value.toLocaleString('en-US'));
    }), { numRuns: 5000 });
    for (const value of [0, 7, 999, 1000, 2200, 65535, 100000, 1234567, -1000]) expect(formatCount(value)).toBe(value.toLocaleString('en-US'));
  });
});
