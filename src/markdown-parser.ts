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
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

export const markdownParser = unified().use(remarkParse).use(gfmParsing);
