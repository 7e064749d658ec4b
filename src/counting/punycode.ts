// Punycode (RFC 3492) encoding of one domain label, enough to measure the length a host name has on the wire
// (twitter-text refuses hosts whose encoded labels exceed 63 characters). Node's own `punycode` module is deprecated.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, pointCount: number, firstTime: boolean): number {
  let scaled = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  scaled += Math.floor(scaled / pointCount);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

function digitToCharacter(digit: number): string {
  return String.fromCharCode(digit < 26 ? digit + 97 : digit + 22);
}

/** The Punycode form of a label's code points, without the 'xn--' prefix ("bücher" -> "bcher-kva"). */
export function encodePunycode(label: string): string {
  const codePoints = Array.from(label, (character) => character.codePointAt(0)!);
  let output = codePoints.filter((codePoint) => codePoint < 0x80).map((codePoint) => String.fromCodePoint(codePoint)).join('');
  const basicCount = output.length;
  let handled = basicCount;
  if (basicCount > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    let next = Number.MAX_SAFE_INTEGER;
    for (const codePoint of codePoints) if (codePoint >= n && codePoint < next) next = codePoint;
    delta += (next - n) * (handled + 1);
    n = next;
    for (const codePoint of codePoints) {
      if (codePoint < n) delta += 1;
      if (codePoint !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output += digitToCharacter(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digitToCharacter(q);
      bias = adapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return output;
}

/** A label as it goes into DNS: unchanged when ASCII, else 'xn--' + Punycode. */
export function labelToAscii(label: string): string {
  return /^[\x00-\x7f]*$/.test(label) ? label : `xn--${encodePunycode(label)}`;
}
