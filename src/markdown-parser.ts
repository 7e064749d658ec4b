// The Markdown parser every part of medpost uses: remark-parse with GitHub Flavored Markdown.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Extension } from 'micromark-util-types';
import type { Root } from 'mdast';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFromMarkdown } from 'mdast-util-gfm';

/**
 * GFM's syntax extensions, in the order micromark-extension-gfm combines them, each with what a text must contain
 * for it to find anything. Without that, the extension cannot change the tree, only cost time: the autolink
 * literal one alone tries an e-mail address at the start of every word (30% of the GFM parse of the bench corpus,
 * where 58% of drafts have no '@', 'www.' or 'http'). A test parses generated texts both ways and compares trees.
 */
const GFM_SYNTAX: ReadonlyArray<{ extension: () => Extension; needs: RegExp }> = [
  // Web addresses start 'www.', 'http://' or 'https://' (any case); e-mail addresses (mailto:, xmpp: too) hold '@'.
  // In this order: micromark puts a later extension's constructs for a character before an earlier one's, and the
  // e-mail construct comes first in the published extension.
  { extension: () => autolinkLiteralPart(false), needs: /www\.|http/i },
  { extension: () => autolinkLiteralPart(true), needs: /@/ },
  // Calls and definitions both open '[^'.
  { extension: gfmFootnote, needs: /\[\^/ },
  { extension: gfmStrikethrough, needs: /~/ },
  // The delimiter row separates its cells with '|'; one column can do without, if a colon aligns it (':--').
  { extension: gfmTable, needs: /\||:-|-:/ },
  { extension: gfmTaskListItem, needs: /\[/ },
];

/**
 * The autolink-literal extension's e-mail constructs, or the rest (web addresses), apart. The e-mail one is tried
 * at the start of every word and can only succeed on an '@': in a draft with a link but no '@' it was 4% of all
 * the memory a run allocates. Combined (see GFM_SYNTAX for the order), the two parts are the extension itself: a
 * test compares the trees.
 */
function autolinkLiteralPart(email: boolean): Extension {
  const part: NonNullable<Extension['text']> = {};
  for (const [code, value] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = (Array.isArray(value) ? value : value ? [value] : []).filter((construct) => (construct.name === 'emailAutolink') === email);
    if (kept.length > 0) part[Number(code)] = kept;
  }
  return { text: part };
}

/**
 * GFM's tree extensions, less the autolink-literal transform. After parsing, that transform searches every text
 * node again with four regular expressions for the few addresses the tokenizer leaves as text (after some
 * punctuation: `"www.example.es"`) and makes links of them with no position, which mapped their text to the start
 * of the file (a finding on one was reported at 1:1). post.ts finds such addresses in the visible text instead,
 * with positions (bare-domains.ts). The transform was also a sixth of the parse time: 0.5 s of 3,000 drafts.
 * remark-gfm's serialiser half is not registered either: medpost never writes Markdown from a tree.
 */
function gfmTreeExtensions(): ReturnType<typeof gfmFromMarkdown> {
  return gfmFromMarkdown().map((extension) => (extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension));
}

/** remark-parse with these syntax extensions and GFM's tree extensions. */
export function parserWith(syntax: readonly Extension[]): Processor {
  return unified().use(remarkParse).use(function gfmParsing(this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(...syntax);
    (data.fromMarkdownExtensions ??= []).push(gfmTreeExtensions());
  }) as unknown as Processor;
}

/** Every GFM extension: the parser for any text. */
export const markdownParser = parserWith(GFM_SYNTAX.map(({ extension }) => extension()));

/** Parsers by the set of extensions a text needs (a bit per GFM_SYNTAX entry), made on first use. */
const parsersByNeeds = new Map<number, Processor>([[(1 << GFM_SYNTAX.length) - 1, markdownParser]]);

/** The tree of a text: the same as markdownParser.parse(text), without the extensions that cannot apply to it. */
export function parseMarkdown(text: string): Root {
  let needs = 0;
  GFM_SYNTAX.forEach(({ needs: pattern }, index) => {
    if (pattern.test(text)) needs |= 1 << index;
  });
  let parser = parsersByNeeds.get(needs);
  if (!parser) {
    parser = parserWith(GFM_SYNTAX.filter((_, index) => needs & (1 << index)).map(({ extension }) => extension()));
    parsersByNeeds.set(needs, parser);
  }
  return parser.parse(text) as Root;
}
