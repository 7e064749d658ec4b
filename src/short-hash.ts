// The first 8 bytes of a SHA-1 digest in hex: findings' fingerprints, which baselines store (so the value must
// not change). Every finding of a run gets one, 70,000 in a 10,000-draft run: made with one call and no Hash
// object where Node has crypto.hash (20.12 and later), ~3x faster than createHash().update().digest().
import crypto from 'node:crypto';

const HEX_DIGITS = '0123456789abcdef';
const hexCodes: number[] = new Array(16);

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'latin1') => string;
const oneShotHash = (crypto as unknown as { hash?: OneShotHash }).hash;

/** SHA-1 of `text` (as UTF-8), its first 8 bytes as 16 lower-case hex digits. */
export function sha1Hex16(text: string): string {
  if (oneShotHash === undefined) return crypto.createHash('sha1').update(text).digest().toString('hex', 0, 8);
  // The digest as 20 latin1 characters, one per byte; the hex string is built whole rather than sliced from a
  // longer one, which would keep that one alive with every finding until the end of the run.
  const digest = oneShotHash('sha1', text, 'latin1');
  for (let index = 0; index < 8; index += 1) {
    const byte = digest.charCodeAt(index);
    hexCodes[2 * index] = HEX_DIGITS.charCodeAt(byte >> 4);
    hexCodes[2 * index + 1] = HEX_DIGITS.charCodeAt(byte & 15);
  }
  return String.fromCharCode.apply(null, hexCodes);
}
