// A draft's source text -> a read-only Post: front matter (gray-matter + the yaml engine),
// the mdast tree (remark-parse + GFM), the visible text with a map back to the source,
// links, hashtags, mentions, media and language.
import matter from 'gray-matter';
import { parseDocument, isMap, isScalar, LineCounter, type Document } from 'yaml';
import { readSimpleFrontMatter, type SimpleFrontMatter } from './simple-front-matter.js';
import { parseMarkdown } from './markdown-parser.js';
import type { Root, Nodes } from 'mdast';
import type {
  MediaItem, OrganisationSettings, Post, PostLink, PostMeta, PostToken, Sentence, SourcePoint, VisibleText,
} from './types.js';
import { normalizeMeta } from './front-matter.js';
import { detectLanguage } from './language.js';
import { findBareDomains } from './bare-domains.js';
import { MappedTextBuilder, lastIndexAtOrBefore } from './mapped-text.js';
import { sentenceStarts } from './sentence-breaks.js';

/** A problem that stops a part of the draft from being read (the rest is still linted). */
export interface ParseProblem {
  message: string;
  offset: number;
  /** Absolute 1-based line when known (YAML errors). */
  line?: number;
  column?: number;
}

export interface ParsedPost {
  post: Post;
  problems: ParseProblem[];
}

/** The closing '---' line of a front matter block that opens on the first line. */
const FRONT_MATTER_CLOSE = /^---[ \t]*\r?\n(?:---[ \t]*(?:\r?\n|$)|[^]*?\r?\n---[ \t]*(?:\r?\n|$))/;

/** Aliases beyond this are refused: a YAML "billion laughs" draft would otherwise expand without bound. */
const MAX_YAML_ALIASES = 50;

export interface ParseOptions {
  path: string;
  displayPath: string;
  settings: Pick<OrganisationSettings, 'languages' | 'defaultLanguage'>;
  /** Known platform ids and aliases (for normalising `platform`). */
  platformAliases?: ReadonlyMap<string, string>;
  /** Hold the text in two-byte form (see inTwoByteForm): worth it when this thread parses more than one draft. */
  twoByte?: boolean;
}

/**
 * The same text, stored by V8 as a two-byte string. V8 compiles each regular expression once per string form it
 * meets (one-byte for Latin-1 text, two-byte otherwise), and drafts come in both: ASCII, accented and emoji posts.
 * Every text the rules scan derives from the source, and slices keep its form, so with this each lexicon pattern is
 * compiled once instead of twice (measured: regexp code 32 -> 21 MB per thread at 3,000 drafts, ~2% less time).
 * Not for a run of one draft: compiled for one-byte text alone, the patterns leave out every character beyond
 * Latin-1, and a Latin-1 draft was 15 ms slower to lint in two-byte form (medians of 31 runs).
 * An engine that stored strings otherwise would just compile as before: the text is the same.
 */
function inTwoByteForm(text: string): string {
  return `\u0100${text}`.slice(1);
}

export async function parsePost(rawSource: string, options: ParseOptions): Promise<ParsedPost> {
  const problems: ParseProblem[] = [];
  const withoutBom = rawSource.charCodeAt(0) === 0xfeff ? rawSource.slice(1) : rawSource;
  const source = options.twoByte ? inTwoByteForm(withoutBom) : withoutBom;
  const lineStarts = computeLineStarts(source);
  const pointAt = (offset: number): SourcePoint => pointFromLineStarts(lineStarts, offset);

  // --- front matter ---
  let frontMatter: Record<string, unknown> = {};
  let yamlDocument: Document | undefined;
  /** Front matter of the usual shapes, read without the yaml package (same value and positions; see its tests). */
  let simpleFrontMatter: SimpleFrontMatter | undefined;
  let matterOffset = 0;
  let bodyOffset = 0;
  const opensFrontMatter = /^---[ \t]*\r?\n/.test(source);
  if (opensFrontMatter && !FRONT_MATTER_CLOSE.test(source)) {
    // Unclosed: gray-matter would swallow the whole draft as YAML; lint it all as body instead.
    problems.push({ message: "front matter is not closed: add a line '---' after the last key", offset: 0 });
  } else if (opensFrontMatter) {
    try {
      const file = matter(source, {
        engines: {
          yaml: (text: string) => {
            simpleFrontMatter = readSimpleFrontMatter(text);
            if (!simpleFrontMatter) yamlDocument = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
            return {};
          },
        },
      });
      bodyOffset = source.length - file.content.length;
      matterOffset = file.matter ? source.indexOf(file.matter, 0) : 0;
      if (matterOffset < 0) matterOffset = 3;
    } catch (error) {
      problems.push({ message: `front matter could not be split: ${(error as Error).message}`, offset: 0 });
    }
    if (simpleFrontMatter) {
      frontMatter = simpleFrontMatter.value;
    } else if (yamlDocument) {
      const errors = yamlDocument.errors;
      if (errors.length > 0) {
        const first = errors[0];
        const offset = matterOffset + (first.pos?.[0] ?? 0);
        problems.push({
          message: `invalid YAML in front matter: ${first.message.split('\n')[0]}`,
          offset,
        });
        yamlDocument = undefined;
      } else {
        try {
          const value = yamlDocument.toJS({ maxAliasCount: MAX_YAML_ALIASES });
          if (value === null || value === undefined) {
            frontMatter = {};
          } else if (typeof value !== 'object' || Array.isArray(value)) {
            problems.push({
              message: `front matter must be a mapping of keys to values (found ${Array.isArray(value) ? 'a list' : typeof value})`,
              offset: matterOffset,
            });
            yamlDocument = undefined;
          } else {
            frontMatter = value as Record<string, unknown>;
          }
        } catch (error) {
          problems.push({ message: `front matter refused: ${(error as Error).message}`, offset: matterOffset });
          yamlDocument = undefined;
        }
      }
    }
  }
  const body = source.slice(bodyOffset);

  // --- body: parse with the front matter blanked out so positions are file positions ---
  let masked = bodyOffset > 0 ? source.slice(0, bodyOffset).replace(/[^\r\n]/g, ' ') + body : source;
  masked = defangForParser(masked, bodyOffset, problems);
  const tree = parseMarkdown(masked);

  const extraction = extractFromTree(tree, source);
  const text = extraction.text;
  const meta = normalizeMeta(frontMatter, options.platformAliases);
  const frontMatterRange = frontMatterRanges(simpleFrontMatter, yamlDocument, matterOffset);
  const media: MediaItem[] = [...frontMatterMedia(frontMatter, frontMatterRange), ...extraction.media];
  (meta as PostMeta).media = media;

  const links = [...extraction.links, ...findBareDomainsInText(text, extraction.links)];
  links.sort((a, b) => a.start - b.start);
  const hashtags = findTokens(text, HASHTAG);
  const mentions = findTokens(text, MENTION);

  const frontMatterLang = meta.lang;
  let language: string;
  let languageSource: Post['languageSource'];
  if (frontMatterLang) {
    language = frontMatterLang;
    languageSource = 'front-matter';
  } else {
    const detected = await detectLanguage(text.value, options.settings.languages);
    language = detected ?? options.settings.defaultLanguage;
    languageSource = detected ? 'detected' : 'default';
  }

  let sentenceCache: Sentence[] | undefined;
  const post: Post = {
    path: options.path,
    displayPath: options.displayPath,
    source,
    frontMatter: Object.freeze(frontMatter),
    meta: Object.freeze(meta),
    bodyOffset,
    body,
    tree,
    text,
    get sentences() {
      sentenceCache ??= splitSentences(text.value, language);
      return sentenceCache;
    },
    links: Object.freeze(links),
    hashtags: Object.freeze(hashtags),
    mentions: Object.freeze(mentions),
    language,
    languageSource,
    pointAt,
    frontMatterRange,
  };
  return { post, problems };
}

// ---------------------------------------------------------------------------------------------
// parser limits

/** More emphasis markers than this and the Markdown parser's delimiter matching turns quadratic (minutes). */
export const MAX_EMPHASIS_MARKERS = 5000;
/** Block quotes nested deeper than this on one line: the parser's container handling turns quadratic. */
export const MAX_QUOTE_DEPTH = 32;

/**
 * Same-length rewrites of structures that make remark-parse (micromark) quadratic, so that no draft can hang a
 * run: beyond the limits, emphasis markers and quote markers are read as spaces, and a problem says so.
 * Real drafts are far below both limits; offsets are unchanged, so every position stays exact.
 */
function defangForParser(text: string, bodyOffset: number, problems: ParseProblem[]): string {
  let markers = 0;
  for (let index = bodyOffset; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 42 || code === 95) markers += 1; // * _
  }
  let result = text;
  if (markers > MAX_EMPHASIS_MARKERS) {
    result = result.slice(0, bodyOffset) + result.slice(bodyOffset).replace(/[*_]/g, ' ');
    problems.push({ message: `${markers} emphasis markers (* and _), more than the ${MAX_EMPHASIS_MARKERS} medpost parses as Markdown: they are read as plain text`, offset: bodyOffset });
  }
  let deepLine: number | undefined;
  const parts: string[] = [];
  let cursor = 0;
  for (let lineStart = bodyOffset; lineStart < result.length; ) {
    let index = lineStart;
    let depth = 0;
    while (index < result.length && (result[index] === '>' || result[index] === ' ' || result[index] === '\t')) {
      if (result[index] === '>') {
        depth += 1;
        if (depth > MAX_QUOTE_DEPTH) {
          parts.push(result.slice(cursor, index), ' ');
          cursor = index + 1;
          deepLine ??= lineStart;
        }
      }
      index += 1;
    }
    const newline = result.indexOf('\n', index);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (deepLine !== undefined) {
    parts.push(result.slice(cursor));
    result = parts.join('');
    problems.push({ message: `block quotes nested more than ${MAX_QUOTE_DEPTH} deep: the deeper '>' markers are read as plain text`, offset: deepLine });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// positions

export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

export function pointFromLineStarts(lineStarts: number[], offset: number): SourcePoint {
  const low = lastIndexAtOrBefore(lineStarts, offset);
  return { line: low + 1, column: offset - lineStarts[low] + 1, offset };
}

/** Where a top-level front matter key and its value are in the source, from whichever reader read them. */
type FrontMatterRanges = (key: string) => { start: number; end: number; keyStart?: number } | undefined;

function frontMatterRanges(simple: SimpleFrontMatter | undefined, document: Document | undefined, matterOffset: number): FrontMatterRanges {
  if (simple) {
    return (key) => {
      const entry = simple.entries.find((candidate) => candidate.key === key);
      return entry && { start: matterOffset + entry.valueStart, end: matterOffset + entry.valueEnd, keyStart: matterOffset + entry.keyStart };
    };
  }
  return (key) => frontMatterKeyRange(document, matterOffset, key);
}

function frontMatterKeyRange(document: Document | undefined, matterOffset: number, key: string) {
  if (!document || !isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    const pairKey = isScalar(pair.key) ? pair.key.value : pair.key;
    if (pairKey !== key) continue;
    const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const start = (valueRange ?? keyRange)?.[0];
    const end = (valueRange ?? keyRange)?.[1];
    if (start === undefined || end === undefined) return undefined;
    return { start: matterOffset + start, end: matterOffset + end, keyStart: keyRange ? matterOffset + keyRange[0] : undefined };
  }
  return undefined;
}

function frontMatterMedia(frontMatter: Record<string, unknown>, frontMatterRange: FrontMatterRanges): MediaItem[] {
  const items: MediaItem[] = [];
  const range = frontMatterRange('media') ?? { start: 0, end: 0 };
  const raw = frontMatter.media;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  for (const entry of list) {
    if (typeof entry === 'string') {
      items.push({ type: mediaTypeOf(entry), src: entry, origin: 'front-matter', start: range.start, end: range.end });
    } else if (entry && typeof entry === 'object') {
      const object = entry as Record<string, unknown>;
      const src = typeof object.src === 'string' ? object.src : typeof object.file === 'string' ? object.file : undefined;
      items.push({
        type: typeof object.type === 'string' ? object.type : mediaTypeOf(src ?? ''),
        src,
        alt: typeof object.alt === 'string' ? object.alt : undefined,
        origin: 'front-matter',
        start: range.start,
        end: range.end,
      });
    }
  }
  return items;
}

const VIDEO_EXTENSIONS = /\.(mp4|mov|m4v|webm|avi|mkv)$/i;
const DOCUMENT_EXTENSIONS = /\.(pdf|pptx?|docx?)$/i;
function mediaTypeOf(src: string): string {
  if (VIDEO_EXTENSIONS.test(src)) return 'video';
  if (DOCUMENT_EXTENSIONS.test(src)) return 'document';
  return 'image';
}

// ---------------------------------------------------------------------------------------------
// visible text

const BLOCK_TYPES = new Set([
  'paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'table', 'tableRow', 'thematicBreak',
  'footnoteDefinition', 'definition',
]);

interface Extraction {
  text: VisibleText;
  links: PostLink[];
  media: MediaItem[];
}

function extractFromTree(tree: Root, source: string): Extraction {
  const builder = new MappedTextBuilder();
  const links: PostLink[] = [];
  const media: MediaItem[] = [];

  // An explicit stack instead of recursion: deeply nested block quotes must not overflow the call stack.
  type Frame = { node: Nodes; exiting: boolean };
  const stack: Frame[] = [{ node: tree, exiting: false }];
  while (stack.length > 0) {
    const { node, exiting } = stack.pop()!;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (exiting) {
      if (node.type === 'tableCell') builder.separate(' ');
      else if (BLOCK_TYPES.has(node.type)) builder.separate('\n');
      continue;
    }
    switch (node.type) {
      case 'text':
        builder.append(node.value, start, end - start);
        break;
      case 'inlineCode': {
        const inner = source.indexOf(node.value, start);
        builder.append(node.value, inner >= start && inner < end ? inner : start, node.value.length);
        break;
      }
      case 'code': {
        const inner = source.indexOf(node.value, start);
        builder.append(node.value, inner >= start && inner < end ? inner : start, node.value.length);
        builder.separate('\n');
        break;
      }
      case 'break':
        builder.separate('\n');
        break;
      case 'html':
        for (const link of findHtmlLinks(node.value, start)) links.push(link);
        for (const image of findHtmlImages(node.value, start)) media.push(image);
        break;
      case 'image':
        media.push({ type: mediaTypeOf(node.url), src: node.url, alt: node.alt ?? undefined, origin: 'body', start, end });
        break;
      case 'imageReference':
        media.push({ type: 'image', alt: node.alt ?? undefined, origin: 'body', start, end });
        break;
      case 'link': {
        const form: PostLink['form'] = source[start] === '<' ? 'autolink' : source[start] === '[' ? 'markdown' : 'bare';
        links.push({ url: node.url, form, start, end });
        break;
      }
      case 'definition':
        links.push({ url: node.url, form: 'markdown', start, end });
        continue; // a definition is not visible text
      default:
        break;
    }
    if ('children' in node && node.children.length > 0) {
      stack.push({ node, exiting: true });
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push({ node: node.children[index] as Nodes, exiting: false });
      }
    } else if (BLOCK_TYPES.has(node.type) || node.type === 'tableCell') {
      stack.push({ node, exiting: true });
    }
  }
  return { text: builder.build(), links, media };
}

const HTML_HREF = /<a\s[^>]*?href\s*=\s*["']([^"']{1,2048})["']/gi;
function findHtmlLinks(html: string, offset: number): PostLink[] {
  const found: PostLink[] = [];
  for (const match of html.matchAll(HTML_HREF)) {
    const start = offset + (match.index ?? 0);
    found.push({ url: match[1], form: 'html', start, end: start + match[0].length });
  }
  return found;
}

const HTML_IMG = /<(img|video)\s[^>]{0,2048}>/gi;
const HTML_ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i');
function findHtmlImages(html: string, offset: number): MediaItem[] {
  const found: MediaItem[] = [];
  for (const match of html.matchAll(HTML_IMG)) {
    const start = offset + (match.index ?? 0);
    const src = HTML_ATTRIBUTE('src').exec(match[0])?.[1];
    const alt = HTML_ATTRIBUTE('alt').exec(match[0])?.[1];
    found.push({ type: match[1].toLowerCase() === 'video' ? 'video' : 'image', src, alt, origin: 'body', start, end: start + match[0].length });
  }
  return found;
}

function findBareDomainsInText(text: VisibleText, known: PostLink[]): PostLink[] {
  const found: PostLink[] = [];
  for (const domain of findBareDomains(text.value)) {
    const start = text.toSource(domain.start);
    const end = text.toSource(domain.end - 1) + 1;
    // Skip what a link node already covers (GFM autolink literals are links already).
    if (known.some((link) => start >= link.start && start < link.end)) continue;
    found.push({ url: domain.value, form: 'bare', start, end });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// hashtags, mentions

// As twitter-text: a '#' not preceded by a letter, digit, '&' or another '#', then letters/digits/_ with at least one letter.
const HASHTAG = /(?<![\p{L}\p{N}\p{M}_&#/=])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;
// '@user' or fediverse '@user@instance.tld', not inside an e-mail address.
const MENTION = /(?<![\p{L}\p{N}_.@/])[@＠]([A-Za-z0-9_]{1,50}(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/gu;

function findTokens(text: VisibleText, pattern: RegExp): PostToken[] {
  const tokens: PostToken[] = [];
  for (const match of text.value.matchAll(pattern)) {
    const textStart = match.index ?? 0;
    const textEnd = textStart + match[0].length;
    tokens.push({ value: match[1], start: text.toSource(textStart), end: text.toSource(textEnd - 1) + 1 });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// sentences

const segmenters = new Map<string, Intl.Segmenter>();
/** Longer lines are split by LONG_LINE_SENTENCE instead of Intl.Segmenter. */
const MAX_SEGMENTER_LINE = 1000;
/** A sentence of a long line: up to 1,000 characters, then the . ! ? … that end it. Covers every character. */
const LONG_LINE_SENTENCE = /[^.!?…]{1,1000}[.!?…]*|[.!?…]+/gu;
/** Where the segments of a line start: found directly for the characters sentence-breaks.ts knows, else by ICU. */
function segmentStarts(line: string, language: string): number[] {
  const known = sentenceStarts(line);
  if (known) return known;
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return Array.from(segmenter.segment(line), (segment) => segment.index);
}

export function splitSentences(value: string, language: string): Sentence[] {
  const sentences: Sentence[] = [];
  // Lines are hard boundaries: a list item or a heading is a sentence of its own.
  let lineStart = 0;
  while (lineStart <= value.length) {
    let lineEnd = value.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = value.length;
    const line = value.slice(lineStart, lineEnd);
    if (line.length > MAX_SEGMENTER_LINE) {
      // Intl.Segmenter slows down more than linearly on very long lines; split them at sentence punctuation.
      for (const match of line.matchAll(LONG_LINE_SENTENCE)) {
        const trimmedStart = match[0].length - match[0].trimStart().length;
        const trimmed = match[0].trim();
        if (trimmed.length === 0) continue;
        const start = lineStart + (match.index ?? 0) + trimmedStart;
        sentences.push({ text: trimmed, start, end: start + trimmed.length });
      }
    } else if (line.trim().length > 0) {
      const starts = segmentStarts(line, language);
      for (const [position, segmentStart] of starts.entries()) {
        const segment = line.slice(segmentStart, starts[position + 1] ?? line.length);
        const trimmedStart = segment.length - segment.trimStart().length;
        const trimmed = segment.trim();
        if (trimmed.length === 0) continue;
        const start = lineStart + segmentStart + trimmedStart;
        sentences.push({ text: trimmed, start, end: start + trimmed.length });
      }
    }
    lineStart = lineEnd + 1;
  }
  return sentences;
}
