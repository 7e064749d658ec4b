// X (Twitter) weighted length: the twitter-text v3 algorithm (twitter/twitter-text js/src/parseTweet.js).
// The text is NFC-normalised; each URL counts `transformedURLLength`; each emoji sequence counts `defaultWeight`
// (v3); every other character counts the weight of the range its first UTF-16 unit falls in, else `defaultWeight`.
// Weights are in 1/scale units: with scale 100, Latin text weighs 1 per character and CJK 2.
// Proven by fixtures/twitter-text/validate.yml (see test/counting/twitter-text-validate.test.ts).
import { extractUrlsWithIndices } from './urls.js';
import { extractEmojiWithIndices } from './emoji.js';

export interface WeightRange {
  start: number;
  end: number;
  weight: number;
}

export interface XCountingConfig {
  version: number;
  maxWeightedTweetLength: number;
  scale: number;
  defaultWeight: number;
  emojiParsingEnabled: boolean;
  transformedURLLength: number;
  ranges: WeightRange[];
}

/** twitter-text config/v3.json: the weighting X uses today (280 weighted characters for a standard account). */
export const X_COUNTING_V3: Readonly<XCountingConfig> = Object.freeze({
  version: 3,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  emojiParsingEnabled: true,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
});

/** twitter-text config/v2.json: v3 without emoji discounting. */
export const X_COUNTING_V2: Readonly<XCountingConfig> = Object.freeze({ ...X_COUNTING_V3, version: 2, emojiParsingEnabled: false });

export interface XParseResult {
  weightedLength: number;
  valid: boolean;
  /** weightedLength / max, in thousandths, rounded down. */
  permillage: number;
  /** Inclusive UTF-16 indices in the original text. */
  displayRangeStart: number;
  displayRangeEnd: number;
  /** Last index (inclusive) still within the limit and before any invalid character. */
  validRangeStart: number;
  validRangeEnd: number;
}

const INVALID_CHARACTERS = /[\uFFFE\uFEFF\uFFFF]/;

function characterWeight(codeUnit: number, config: XCountingConfig): number {
  for (const range of config.ranges) if (codeUnit >= range.start && codeUnit <= range.end) return range.weight;
  return config.defaultWeight;
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

/** parseTweet: the weighted length of a post on X, whether it fits, and where it stops fitting. */
export function parseXPost(text: string, config: Readonly<XCountingConfig> = X_COUNTING_V3): XParseResult {
  const normalized = text.normalize('NFC');
  const urlStarts = new Map(extractUrlsWithIndices(normalized).map((url) => [url.indices[0], url.indices[1]]));
  const emojiStarts = config.emojiParsingEnabled
    ? new Map(extractEmojiWithIndices(normalized).map((emoji) => [emoji.indices[0], emoji.indices[1]]))
    : new Map<number, number>();
  const limit = config.maxWeightedTweetLength * config.scale;
  let weighted = 0;
  let validDisplayIndex = 0;
  let valid = true;
  for (let index = 0; index < normalized.length; index += 1) {
    const urlEnd = urlStarts.get(index);
    const emojiEnd = emojiStarts.get(index);
    if (urlEnd !== undefined) {
      weighted += config.transformedURLLength * config.scale;
      index = urlEnd - 1;
    } else if (emojiEnd !== undefined) {
      weighted += config.defaultWeight;
      index = emojiEnd - 1;
    } else {
      if (isHighSurrogateAt(normalized, index)) index += 1;
      weighted += characterWeight(normalized.charCodeAt(index), config);
    }
    if (valid) valid = !INVALID_CHARACTERS.test(normalized.charAt(index));
    if (valid && weighted <= limit) validDisplayIndex = index;
  }
  const weightedLength = weighted / config.scale;
  return {
    weightedLength,
    valid: valid && weightedLength > 0 && weightedLength <= config.maxWeightedTweetLength,
    permillage: Math.floor((weightedLength / config.maxWeightedTweetLength) * 1000),
    displayRangeStart: 0,
    displayRangeEnd: text.length > 0 ? text.length - 1 : 0,
    validRangeStart: 0,
    validRangeEnd: validDisplayIndex + (text.length - normalized.length),
  };
}

/** The weighted length X shows in its counter (280 for a standard account). */
export function countXWeightedLength(text: string, config: Readonly<XCountingConfig> = X_COUNTING_V3): number {
  return parseXPost(text, config).weightedLength;
}
