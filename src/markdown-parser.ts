// The Markdown parser every part of medpost uses: remark-parse with GitHub Flavored Markdown.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';

/**
 * remark-gfm's parsing half: GFM syntax and its tree nodes. remark-gfm also registers the serialiser half, which
 * medpost never uses and which was a third of the Markdown code compiled at start-up.
 */
function gfmParsing(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmTreeExtensions());
}

/**
 * GFM's tree extensions, less the autolink-literal transform. After parsing, that transform searches every text
 * node again with four regular expressions for the few addresses the tokenizer leaves as text (after some
 * punctuation: `"www.example.es"`) and makes links of them with no position, which mapped their text to the start
 * of the file (a finding on one was reported at 1:1). post.ts finds such addresses in the visible text instead,
 * with positions (bare-domains.ts). The transform was also a sixth of the parse time: 0.5 s of 3,000 drafts.
 */
function gfmTreeExtensions(): ReturnType<typeof gfmFromMarkdown> {
  return gfmFromMarkdown().map((extension) => (extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension));
}

export const markdownParser = unified().use(remarkParse).use(gfmParsing);
