// URL extraction with twitter-text semantics (twitter/twitter-text js/src/extractUrlsWithIndices.js and its
// regular expressions), written as a scanner so that it runs in linear time on untrusted text.
// It decides what X (and Mastodon) count as a link: each found URL weighs 23 characters there.
// Proven against fixtures/twitter-text/extract.yml (urls, urls_with_indices, urls_with_directional_markers, tco_urls_with_params).
import { parse as parseDomain } from 'tldts';
import { labelToAscii } from './punycode.js';

export interface ExtractedUrl {
  url: string;
  /** UTF-16 offsets in the text, end exclusive. */
  indices: [number, number];
}

export interface UrlExtractionOptions {
  /** Also find 'example.com/path' without http(s):// (X does; Mastodon does not). Default true. */
  withoutProtocol?: boolean;
}

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_DOMAIN_LABEL_LENGTH = 63;

const INVALID_CHARACTERS = '\uFFFE\uFEFF\uFFFF';
const DIRECTIONAL_MARKERS = '\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069';
const SPACES = '\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000';
// twitter-text's `punct` (it has no '"' nor '`').
const PUNCTUATION = "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$";
const LATIN_ACCENTS = '\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF';
const CYRILLIC = '\u0400-\u04FF';

const DOMAIN_CHARACTER = new RegExp(`[^${PUNCTUATION}${SPACES}\\x00-\\x1F\\x7F${INVALID_CHARACTERS}${DIRECTIONAL_MARKERS}]`, 'u');
const PRECEDING_CHARACTER = new RegExp(`[^A-Za-z0-9@＠$#＃${INVALID_CHARACTERS}]|[${DIRECTIONAL_MARKERS}]`);
const PATH_CHARACTER = new RegExp(`[a-z${CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~&|@${LATIN_ACCENTS}]`, 'i');
const PATH_ENDING_CHARACTER = new RegExp(`[+\\-a-z${CYRILLIC}0-9=_#/${LATIN_ACCENTS}]`, 'i');
const QUERY_CHARACTER = /[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]/i;
const QUERY_ENDING_CHARACTER = /[a-z0-9\-_&=#/]/i;
const ASCII_DOMAIN_CHARACTER = new RegExp(`[\\-a-z0-9${LATIN_ACCENTS}]`, 'i');
const PROTOCOL = /^https?:\/\//i;
const TCO_URL = /^https?:\/\/t\.co\/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]{0,4096}[a-z0-9\-_&=#/])?/i;
const PUNYCODE_TLD = /^xn--[-0-9a-z]+/i;
const ASCII_ALPHANUMERIC = /[0-9a-z]/i;

// ccTLDs in use that the Public Suffix List only lists below the top level (twitter-text lists them).
const EXTRA_TOP_LEVEL_DOMAINS = new Set(['za']);
const knownTopLevelDomains = new Map<string, boolean>();
/** Whether `label` is a top-level domain in the ICANN section of the Public Suffix List (via tldts): com, jp, みんな … */
export function isTopLevelDomain(label: string): boolean {
  const key = label.toLowerCase();
  let known = knownTopLevelDomains.get(key);
  if (known === undefined) {
    known = EXTRA_TOP_LEVEL_DOMAINS.has(key) || (key.length >= 2 && !key.includes('.') && parseDomain(`x.${key}`, { allowPrivateDomains: false }).isIcann === true);
    knownTopLevelDomains.set(key, known);
  }
  return known;
}

function isDomainCharacter(character: string | undefined): boolean {
  return character !== undefined && DOMAIN_CHARACTER.test(character);
}

/** The character (a whole code point) at a UTF-16 index. */
function characterAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const codePoint = text.codePointAt(index)!;
  return String.fromCodePoint(codePoint);
}

/**
 * Length of the top-level domain at `start` (right after a dot), or 0: an ASCII TLD must be followed by a character
 * other than [0-9a-zA-Z@+-]; a non-ASCII one (IDN) may be any prefix of the label in the list; 'xn--…' is accepted as is.
 */
function topLevelDomainLength(text: string, start: number, isDomainPart: (character: string) => boolean): number {
  const punycode = PUNYCODE_TLD.exec(text.slice(start, start + 70));
  let best = 0;
  // Candidates: every prefix of the label, longest first.
  let end = start;
  while (end < text.length && end - start < 64) {
    const character = characterAt(text, end)!;
    if (!isDomainPart(character) || character === '-' || character === '_') break;
    end += character.length;
  }
  for (let candidateEnd = end; candidateEnd > start; candidateEnd -= 1) {
    const following = text[candidateEnd];
    if (following !== undefined && (ASCII_ALPHANUMERIC.test(following) || '@+-'.includes(following))) continue;
    if (isTopLevelDomain(text.slice(start, candidateEnd))) {
      best = candidateEnd - start;
      break;
    }
  }
  if (best === 0 && punycode) best = punycode[0].length;
  return best;
}

interface Label {
  start: number;
  end: number;
}

/** Splits text from `start` into dot-separated labels made of the given characters (plus '-' and '_'), stopping at an empty label. */
function labelsFrom(text: string, start: number, isLabelCharacter: (character: string) => boolean, limit: number): Label[] {
  const labels: Label[] = [];
  let position = start;
  while (position < limit) {
    let end = position;
    while (end < limit) {
      const character = characterAt(text, end)!;
      if (!isLabelCharacter(character)) break;
      end += character.length;
    }
    if (end === position) break;
    labels.push({ start: position, end });
    if (text[end] !== '.') break;
    position = end + 1;
  }
  return labels;
}

function isValidLabel(text: string, label: Label, allowUnderscore: boolean): boolean {
  const first = characterAt(text, label.start)!;
  const lastCodeUnit = text.charCodeAt(label.end - 1);
  const last = lastCodeUnit >= 0xdc00 && lastCodeUnit <= 0xdfff ? text.slice(label.end - 2, label.end) : text[label.end - 1];
  if (!isDomainCharacter(first) || !isDomainCharacter(last)) return false;
  return allowUnderscore || !text.slice(label.start, label.end).includes('_');
}

const withHyphenAndUnderscore = (character: string) => isDomainCharacter(character) || character === '-' || character === '_';

/**
 * Where domains can be in a text, computed once so that every start offset is answered in constant time
 * (a regular expression would rescan the same labels from every start: quadratic on long dotted runs).
 * Labels are maximal runs of domain characters, '-' and '_'; a chain is labels joined by single dots.
 */
class DomainIndex {
  private readonly segmentOf: Int32Array;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly lastUnderscore: number[] = [];
  private readonly chainEnd: number[] = [];
  private readonly firstInvalidSubdomain: number[] = [];
  private readonly previousGoodName: number[] = [];
  private readonly tldLengths = new Map<number, number>();

  constructor(private readonly text: string) {
    this.segmentOf = new Int32Array(text.length).fill(-1);
    for (let position = 0; position < text.length; ) {
      const character = characterAt(text, position)!;
      if (!withHyphenAndUnderscore(character)) {
        position += character.length;
        continue;
      }
      const segment = this.starts.length;
      let underscore = -1;
      let end = position;
      while (end < text.length) {
        const inner = characterAt(text, end)!;
        if (!withHyphenAndUnderscore(inner)) break;
        if (inner === '_') underscore = end;
        this.segmentOf.fill(segment, end, end + inner.length);
        end += inner.length;
      }
      this.starts.push(position);
      this.ends.push(end);
      this.lastUnderscore.push(underscore);
      position = end;
    }
    const count = this.starts.length;
    for (let segment = count - 1; segment >= 0; segment -= 1) {
      const linked = this.linksToNext(segment);
      this.chainEnd[segment] = linked ? this.chainEnd[segment + 1] : segment;
      const valid = this.isValidLabel(segment, this.starts[segment], true);
      this.firstInvalidSubdomain[segment] = !valid ? segment : linked ? this.firstInvalidSubdomain[segment + 1] : segment + 1;
    }
    for (let segment = 0; segment < count; segment += 1) {
      const linkedFromPrevious = segment > 0 && this.linksToNext(segment - 1);
      const inherited = linkedFromPrevious ? this.previousGoodName[segment - 1] : -1;
      this.previousGoodName[segment] = this.isGoodName(segment, this.starts[segment]) ? segment : inherited;
    }
  }

  private linksToNext(segment: number): boolean {
    return this.text[this.ends[segment]] === '.' && this.starts[segment + 1] === this.ends[segment] + 1;
  }

  private isValidLabel(segment: number, from: number, allowUnderscore: boolean): boolean {
    return isValidLabel(this.text, { start: from, end: this.ends[segment] }, true) && (allowUnderscore || this.lastUnderscore[segment] < from);
  }

  private tldAfter(segment: number): number {
    let length = this.tldLengths.get(segment);
    if (length === undefined) {
      const end = this.ends[segment];
      length = this.text[end] === '.' ? topLevelDomainLength(this.text, end + 1, withHyphenAndUnderscore) : 0;
      this.tldLengths.set(segment, length);
    }
    return length;
  }

  private isGoodName(segment: number, from: number): boolean {
    return this.isValidLabel(segment, from, false) && this.tldAfter(segment) > 0;
  }

  /**
   * End of the domain starting at `start` as twitter-text's validDomain matches it (subdomains with '-' and '_',
   * a domain name without '_', a dot and a known TLD; the rightmost TLD wins, as backtracking would choose), or -1.
   */
  matchDomain(start: number): number {
    const segment = start < this.text.length ? this.segmentOf[start] : -1;
    if (segment < 0) return -1;
    const last = this.chainEnd[segment];
    let firstInvalid: number;
    if (!this.isValidLabel(segment, start, true)) firstInvalid = segment;
    else firstInvalid = segment === last ? segment + 1 : this.firstInvalidSubdomain[segment + 1];
    const candidate = this.previousGoodName[Math.min(firstInvalid, last)];
    let name = -1;
    if (candidate > segment) name = candidate;
    else if (this.isGoodName(segment, start)) name = segment;
    return name < 0 ? -1 : this.ends[name] + 1 + this.tldAfter(name);
  }
}

/** ASCII-only domains inside a domain (twitter-text's validAsciiDomain, global): how URLs without a protocol are found. */
function asciiDomainsIn(domain: string): Label[] {
  const found: Label[] = [];
  const isAscii = (character: string) => ASCII_DOMAIN_CHARACTER.test(character);
  let position = 0;
  while (position < domain.length) {
    if (!isAscii(domain[position])) {
      position += 1;
      continue;
    }
    const labels = labelsFrom(domain, position, isAscii, domain.length);
    let end = -1;
    for (let index = labels.length - 1; index >= 0 && end < 0; index -= 1) {
      if (domain[labels[index].end] !== '.') continue;
      const tldLength = topLevelDomainLength(domain, labels[index].end + 1, (character) => isDomainCharacter(character) || character === '-');
      if (tldLength > 0) end = labels[index].end + 1 + tldLength;
    }
    if (end > 0) {
      found.push({ start: position, end });
      position = end;
    } else {
      // Starting later inside the same label chain cannot succeed either.
      position = labels.length > 0 ? labels[0].end : position + 1;
    }
  }
  return found;
}

/** Path after the domain (and port): '/' then path characters and balanced parentheses, ending on an allowed character. */
function matchPath(text: string, start: number): number {
  if (text[start] !== '/') return start;
  let position = start + 1;
  let lastGoodEnd = start + 1;
  const limit = Math.min(text.length, start + MAX_URL_LENGTH);
  while (position < limit) {
    const character = text[position];
    if (character === '(') {
      const parenthesesEnd = matchBalancedParentheses(text, position, limit);
      if (parenthesesEnd < 0) break;
      position = parenthesesEnd;
      lastGoodEnd = position;
      continue;
    }
    const full = characterAt(text, position)!;
    if (!PATH_CHARACTER.test(full)) break;
    position += full.length;
    if (PATH_ENDING_CHARACTER.test(full)) lastGoodEnd = position;
  }
  return lastGoodEnd;
}

/** '(' path characters ')' with at most one nested level, as twitter-text's validUrlBalancedParens. */
function matchBalancedParentheses(text: string, start: number, limit: number): number {
  let position = start + 1;
  let depth = 1;
  let innerCharacters = 0;
  let nestedOpened = false;
  while (position < limit) {
    const character = text[position];
    if (character === '(') {
      if (depth === 2 || nestedOpened) return -1;
      depth = 2;
      nestedOpened = true;
      innerCharacters = 0;
      position += 1;
      continue;
    }
    if (character === ')') {
      if (innerCharacters === 0) return -1;
      position += 1;
      if (depth === 2) {
        depth = 1;
        continue;
      }
      return position;
    }
    const full = characterAt(text, position)!;
    if (!PATH_CHARACTER.test(full)) return -1;
    innerCharacters += 1;
    position += full.length;
  }
  return -1;
}

function matchQuery(text: string, start: number): number {
  if (text[start] !== '?') return start;
  let position = start + 1;
  let lastGoodEnd = -1;
  const limit = Math.min(text.length, start + MAX_URL_LENGTH);
  while (position < limit && QUERY_CHARACTER.test(text[position])) {
    if (QUERY_ENDING_CHARACTER.test(text[position])) lastGoodEnd = position + 1;
    position += 1;
  }
  return lastGoodEnd > 0 ? lastGoodEnd : start;
}

/** A domain as twitter-text's idna.toAscii accepts it: every label 1–63 characters once Punycode-encoded. */
function isValidHost(domain: string): boolean {
  if (domain.slice(0, 4) === 'xn--' && asciiDomainsIn(domain).length === 0) return false;
  return domain.split('.').every((label) => {
    const encoded = labelToAscii(label);
    return encoded.length >= 1 && encoded.length <= MAX_DOMAIN_LABEL_LENGTH;
  });
}

interface UrlMatch {
  before: string;
  start: number;
  protocol: string;
  domainStart: number;
  domainEnd: number;
  pathStart: number;
  pathEnd: number;
  end: number;
}

function matchUrlAt(text: string, domains: DomainIndex, start: number, before: string): UrlMatch | undefined {
  const protocolMatch = PROTOCOL.exec(text.slice(start, start + 8));
  for (const protocol of protocolMatch ? [protocolMatch[0], ''] : ['']) {
    const domainStart = start + protocol.length;
    if (!isDomainCharacter(characterAt(text, domainStart))) continue;
    const domainEnd = domains.matchDomain(domainStart);
    if (domainEnd < 0) continue;
    let position = domainEnd;
    const port = /^:[0-9]+/.exec(text.slice(position, position + 12));
    if (port) position += port[0].length;
    const pathStart = position;
    position = matchPath(text, position);
    const pathEnd = position;
    position = matchQuery(text, position);
    return { before, start, protocol, domainStart, domainEnd, pathStart, pathEnd, end: position };
  }
  return undefined;
}

/**
 * For each start offset, whether a domain could begin there: the run of domain characters, '-', '_' and '.'
 * from that offset holds a dot. Computed once, right to left, so that long runs of CJK text stay linear.
 */
function domainReachability(text: string): (start: number) => boolean {
  const dotAhead = new Uint8Array(text.length + 1);
  let seenDot = false;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const code = text.charCodeAt(index);
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const character = text[index];
    if (character === '.') seenDot = true;
    else if (!isSurrogate && !withHyphenAndUnderscore(character)) seenDot = false;
    dotAhead[index] = seenDot ? 1 : 0;
  }
  return (start) => start < text.length && dotAhead[start] === 1;
}

/** The URLs in a text, with their UTF-16 indices, as twitter-text's extractUrlsWithIndices finds them. */
export function extractUrlsWithIndices(text: string, options: UrlExtractionOptions = {}): ExtractedUrl[] {
  const withoutProtocol = options.withoutProtocol ?? true;
  if (!text || (withoutProtocol ? !text.includes('.') : !text.includes(':'))) return [];
  const urls: ExtractedUrl[] = [];
  const canStartDomain = domainReachability(text);
  const domains = new DomainIndex(text);
  const tryAt = (start: number, before: string) => {
    const protocol = PROTOCOL.exec(text.slice(start, start + 8));
    const possible = canStartDomain(start) || (protocol !== null && canStartDomain(start + protocol[0].length));
    return possible ? matchUrlAt(text, domains, start, before) : undefined;
  };
  let cursor = 0;
  while (cursor <= text.length) {
    let match: UrlMatch | undefined;
    // The preceding character is consumed by the match, as in the original regular expression.
    for (let position = cursor; position < text.length && !match; ) {
      const character = characterAt(text, position)!;
      if (PRECEDING_CHARACTER.test(character)) match = tryAt(position + character.length, character);
      if (!match && position === 0) match = tryAt(0, '');
      position += character.length;
    }
    if (!match) break;
    cursor = match.end;
    const url = text.slice(match.start, match.end);
    const domain = text.slice(match.domainStart, match.domainEnd);
    const hasPath = match.pathEnd > match.pathStart;
    if (!isValidHost(domain) || (match.protocol || 'https://').length + url.length > MAX_URL_LENGTH) continue;
    if (!match.protocol) {
      if (!withoutProtocol || /[-_./]$/.test(match.before)) continue;
      const asciiDomains = asciiDomainsIn(domain);
      if (asciiDomains.length === 0) continue;
      asciiDomains.forEach((found, index) => {
        const entry: ExtractedUrl = { url: domain.slice(found.start, found.end), indices: [match!.domainStart + found.start, match!.domainStart + found.end] };
        if (index === asciiDomains.length - 1 && hasPath) {
          entry.url = url.replace(domain, entry.url);
          entry.indices[1] = match!.end;
        }
        urls.push(entry);
      });
      continue;
    }
    const tco = TCO_URL.exec(url);
    if (tco) {
      if (tco[1].length > MAX_TCO_SLUG_LENGTH) continue;
      urls.push({ url: tco[0], indices: [match.start, match.start + tco[0].length] });
      continue;
    }
    urls.push({ url, indices: [match.start, match.end] });
  }
  return urls;
}
