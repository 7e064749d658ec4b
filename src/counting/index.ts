// Counting text as each network counts it. Reused by the platform rules and the benchmark.
export { extractUrlsWithIndices, isTopLevelDomain, type ExtractedUrl, type UrlExtractionOptions } from './urls.js';
export { encodePunycode, labelToAscii } from './punycode.js';
export { extractEmojiWithIndices, countEmoji, type ExtractedEmoji } from './emoji.js';
export {
  parseXPost, countXWeightedLength, X_COUNTING_V2, X_COUNTING_V3, type XCountingConfig, type XParseResult, type WeightRange,
} from './x-weighted-length.js';
export {
  certainlyFits, countGraphemes, countCodePoints, countUtf16Units, countUtf8Bytes, countMastodonLength, mastodonCountableText, measureLength,
  COUNTING_METHODS, type CountingMethod, type LengthRule, type LengthMeasure,
} from './length.js';
