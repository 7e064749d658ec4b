// Domains written without a scheme or 'www.' ("visit dentalplus.es/offers"): GFM does not link them,
// but readers (and some networks) do. Also addresses with a scheme or 'www.' right after punctuation
// ('"www.example.es"'), which GFM's tokenizer leaves as text (src/markdown-parser.ts). Token by token, so the
// scan stays linear on any input; the caller drops what a link in the tree already covers.
import { parse as parseDomain } from 'tldts';
import { trimTrailing } from './rule-helpers.js';

export interface BareDomain {
  value: string;
  start: number;
  end: number;
}

/** Tokens are runs of non-space of 4 to 300 characters (a longer run is read 300 at a time), as /\S{4,300}/g reads them. */
const MIN_TOKEN = 4;
const MAX_TOKEN = 300;
const LEADING_PUNCTUATION = /^[(\[{"'«¿¡“‘<]+/;
const TRAILING_PUNCTUATION = ')]}"\'»”’.,;:!?>…';
/** Any ASCII punctuation before an address with a scheme or 'www.' ('!www.example.es'), as GFM allows. */
const ADDRESS_AFTER_PUNCTUATION = /^[!-/:-@[-`{-~]+(?=https?:\/\/|www\.)/i;
const SCHEME = /^https?:\/\//i;
const DOMAIN_SHAPE = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?:[/?#].*)?$/i;
// Top-level domains that are far more often file extensions in a post.
const FILE_EXTENSION_TLDS = new Set(['md', 'py', 'sh', 'zip', 'mov', 'rs', 'pl', 'js', 'ai']);

/** \s of a regular expression: white space and line terminators. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * The tokens of a text that hold a '.' and no '@' (the only ones that can be domains), as [start, end) pairs. Read
 * character by character: matching every word with a regular expression made an array per word (~8 KB a draft).
 */
export function dottedTokens(text: string): number[] {
  const ranges: number[] = [];
  // The next '.' and '@' at or after a token's start, looked up again only once passed: linear on any text.
  let dot = -2;
  let at = -2;
  let index = 0;
  while (index < text.length) {
    while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
    let runEnd = index;
    while (runEnd < text.length && !isSpace(text.charCodeAt(runEnd))) runEnd += 1;
    for (let start = index; runEnd - start >= MIN_TOKEN; start += MAX_TOKEN) {
      const end = Math.min(runEnd, start + MAX_TOKEN);
      if (dot !== -1 && dot < start) dot = text.indexOf('.', start);
      if (dot === -1 || dot >= end) continue;
      if (at !== -1 && at < start) at = text.indexOf('@', start);
      if (at === -1 || at >= end) ranges.push(start, end);
    }
    index = runEnd;
  }
  return ranges;
}

export function findBareDomains(text: string): BareDomain[] {
  const found: BareDomain[] = [];
  const tokens = dottedTokens(text);
  for (let pair = 0; pair < tokens.length; pair += 2) {
    let start = tokens[pair];
    let token = text.slice(start, tokens[pair + 1]);
    const leading = (ADDRESS_AFTER_PUNCTUATION.exec(token) ?? LEADING_PUNCTUATION.exec(token))?.[0].length ?? 0;
    token = token.slice(leading);
    start += leading;
    token = trimTrailing(token, TRAILING_PUNCTUATION);
    const scheme = SCHEME.exec(token)?.[0].length ?? 0;
    if (!DOMAIN_SHAPE.test(token.slice(scheme))) continue;
    const hostname = token.slice(scheme).split(/[/?#]/)[0];
    const topLevel = hostname.slice(hostname.lastIndexOf('.') + 1);
    // With a scheme or 'www.' the writer means an address; without, guard against names and file names.
    const written = scheme > 0 || /^www\./i.test(hostname);
    // "Dr.House" is a name, not a domain: a top-level domain is written in lower case (or as a short all-caps code).
    if (!written && topLevel !== topLevel.toLowerCase() && !(topLevel.length <= 3 && topLevel === topLevel.toUpperCase())) continue;
    if (!written && FILE_EXTENSION_TLDS.has(topLevel.toLowerCase())) continue;
    if (/^\d+$/.test(topLevel)) continue;
    const parsed = parseDomain(hostname.toLowerCase());
    if (!parsed.domain || !parsed.isIcann || parsed.isIp) continue;
    found.push({ value: token, start, end: start + token.length });
  }
  return found;
}
