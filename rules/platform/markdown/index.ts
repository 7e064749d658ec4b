// platform/markdown: Markdown that the target networks show as literal characters (headings, bold/italic markers,
// code, block quotes, tables, HTML, [text](url) links), with the plain-text alternative and a fix where safe.
import type { PostRule } from '../../../src/types.js';
import { listNames, targetPlatforms } from '../shared/platform-profile.js';
import { findMarkdownConstructs, truncate, type ConstructKind } from './constructs.js';

interface Options {
  /** Construct kinds not to report. */
  allow: ConstructKind[];
}

const WHAT: Record<ConstructKind, string> = {
  heading: 'heading marker',
  emphasis: 'bold/italic markers',
  strikethrough: 'strikethrough markers',
  code: 'code markers',
  blockquote: 'block-quote markers',
  table: 'table',
  html: 'HTML',
  link: 'Markdown link syntax',
};

const rule: PostRule<Options> = {
  meta: {
    id: 'platform/markdown',
    description: 'No Markdown the target networks would show as literal characters; fixable to plain text where safe.',
    defaultSeverity: 'warn',
    tags: ['platform'],
    fixable: true,
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string', enum: ['heading', 'emphasis', 'strikethrough', 'code', 'blockquote', 'table', 'html', 'link'] },
          default: [],
          description: 'Kinds of Markdown not to report (e.g. [link] when your scheduling tool converts links).',
        },
      },
    },
  },
  check({ post, options, settings, report }) {
    const platforms = targetPlatforms(post, settings).filter((platform) => !platform.markdown.renders);
    if (platforms.length === 0) return;
    const allowed = new Set(options.allow ?? []);
    const where = listNames(platforms);
    for (const construct of findMarkdownConstructs(post.tree, post.source)) {
      if (allowed.has(construct.kind)) continue;
      const alternative = construct.kind === 'html' ? 'remove the HTML tags' : construct.plain.trim() ? `write it as plain text: '${truncate(construct.plain)}'` : 'remove it';
      report({
        message: `${WHAT[construct.kind]} (${construct.syntax}) will show as literal characters on ${where}, which ${platforms.length > 1 ? 'do' : 'does'} not render Markdown`,
        kind: construct.kind,
        platform: platforms.map((platform) => platform.id).join(','),
        start: construct.start,
        end: construct.end,
        suggestion: construct.kind === 'table' ? `write each row as a line of text, e.g. '${truncate(construct.plain.split('\n')[0] ?? '')}'` : alternative,
        fix: construct.fixable ? { range: [construct.start, construct.end], text: construct.plain } : undefined,
      });
    }
  },
};

export default rule;
