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

const TOKEN = /\S{4,300}/g;
const LEADING_PUNCTUATION = /^[(\[{"'«¿¡“‘<]+/;
const TRAILING_PUNCTUATION = ')]}"\'»”’.,;:!?>…';
/** Any ASCII punctuation before an address with a scheme or 'www.' ('!www.example.es'), as GFM allows. */
const ADDRESS_AFTER_PUNCTUATION = /^[!-/:-@[-`{-~]+(?=https?:\/\/|www\.)/i;
const SCHEME = /^https?:\/\//i;
const DOMAIN_SHAPE = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?:[/?#].*)?$/i;
// Top-level domains that are far more often file extensions in a post.
const FILE_EXTENSION_TLDS = new Set(['md', 'py', 'sh', 'zip', 'mov', 'rs', 'pl', 'js', 'ai']);

export function findBareDomains(text: string): BareDomain[] {
  const found: BareDomain[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let token = match[0];
    if (token.includes('@') || !token.includes('.')) continue;
    let start = match.index ?? 0;
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
