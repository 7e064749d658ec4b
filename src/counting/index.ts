// Counting text as each network counts it. Reused by the platform rules and the benchmark.
export { extractUrlsWithIndices, isTopLevelDomain, type ExtractedUrl, type UrlExtractionOptions } from './urls.js';
export { encodePunycode, labelToAscii } from './punycode.js';
