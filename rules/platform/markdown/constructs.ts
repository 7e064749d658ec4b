// Markdown constructs that social networks do not render: found in the mdast tree, each with its plain-text
// alternative and, where the rewrite is safe, a fix in source offsets.
import { parseMarkdown } from '../../../src/markdown-parser.js';
import type { Nodes, Parent, Root } from 'mdast';

export type ConstructKind = 'heading' | 'emphasis' | 'strikethrough' | 'code' | 'blockquote' | 'table' | 'html' | 'link';

export interface MarkdownConstruct {
  kind: ConstructKind;
  /** How the construct is written, for the message: '**…**', '# ', '[text](url)' … */
  syntax: string;
  start: number;
  end: number;
  /** The plain text a network would show instead. */
  plain: string;
  /** Whether `plain` can replace the source safely (no new Markdown appears, nothing is lost). */
  fixable: boolean;
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}

const HTML_COMMENT = /^\s*<!--[\s\S]*-->\s*$/;

/** Plain text of inline content: formatting markers dropped, links as 'text url', the rest as written. */
export function plainInline(nodes: readonly Nodes[], source: string): string {
  let result = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'strong':
      case 'emphasis':
      case 'delete':
        result += plainInline(node.children as Nodes[], source);
        break;
      case 'inlineCode':
        result += node.value;
        break;
      case 'link':
        result += plainLink(node, source);
        break;
      default:
        result += source.slice(startOf(node), endOf(node));
    }
  }
  return result;
}

function plainLink(node: Extract<Nodes, { type: 'link' }>, source: string): string {
  const written = source.slice(startOf(node), endOf(node));
  if (written.startsWith('<')) return node.url.replace(/^mailto:/i, '');
  if (!written.startsWith('[')) return written;
  const text = plainInline(node.children as Nodes[], source);
  if (text.length === 0) return node.url;
  if (text === node.url || `mailto:${text}` === node.url) return text;
  return `${text} ${node.url}`;
}

function truncate(value: string, length = 60): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Every construct of a tree that a plain-text network would show literally. Nested ones inside a reported one are left to it. */
export function findMarkdownConstructs(tree: Root, source: string): MarkdownConstruct[] {
  const found: MarkdownConstruct[] = [];
  const visit = (node: Nodes, depth: number) => {
    if (depth > 60) return;
    const start = startOf(node);
    const end = endOf(node);
    switch (node.type) {
      case 'heading': {
        const plain = plainInline(node.children as Nodes[], source);
        const isAtx = source[start] === '#';
        found.push({ kind: 'heading', syntax: isAtx ? `${'#'.repeat(node.depth)} ` : 'underlined heading', start, end, plain, fixable: true });
        return;
      }
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const marker = source.slice(start, start + (node.type === 'emphasis' ? 1 : 2));
        found.push({
          kind: node.type === 'delete' ? 'strikethrough' : 'emphasis',
          syntax: `${marker}…${marker}`,
          start,
          end,
          plain: plainInline(node.children as Nodes[], source),
          fixable: true,
        });
        return;
      }
      case 'inlineCode':
        found.push({ kind: 'code', syntax: '`…`', start, end, plain: node.value, fixable: true });
        return;
      case 'code':
        found.push({ kind: 'code', syntax: source.startsWith('~~~', start) ? '~~~' : source.startsWith('```', start) ? '```' : 'indented code', start, end, plain: node.value, fixable: true });
        return;
      case 'blockquote': {
        const plain = source.slice(start, end).replace(/^[ \t]{0,3}(?:>[ \t]?)+/gm, '');
        found.push({ kind: 'blockquote', syntax: '> ', start, end, plain, fixable: true });
        break; // constructs inside the quote are reported on their own
      }
      case 'table':
        found.push({ kind: 'table', syntax: '| … |', start, end, plain: tableAsLines(node, source), fixable: false });
        return;
      case 'html':
        if (!HTML_COMMENT.test(node.value)) found.push({ kind: 'html', syntax: truncate(node.value, 20), start, end, plain: '', fixable: false });
        return;
      case 'link': {
        const written = source.slice(start, end);
        if (written.startsWith('[') || written.startsWith('<')) {
          found.push({ kind: 'link', syntax: written.startsWith('<') ? '<url>' : '[text](url)', start, end, plain: plainLink(node, source), fixable: true });
          return;
        }
        break;
      }
      case 'linkReference':
        found.push({ kind: 'link', syntax: '[text][ref]', start, end, plain: plainInline(node.children as Nodes[], source), fixable: false });
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of (node as Parent).children as Nodes[]) visit(child, depth + 1);
  };
  visit(tree, 0);
  return found.map((construct) => (construct.fixable ? { ...construct, fixable: isSafeReplacement(construct, source) } : construct));
}

function tableAsLines(node: Extract<Nodes, { type: 'table' }>, source: string): string {
  return node.children
    .map((row) => row.children.map((cell) => plainInline(cell.children as Nodes[], source).trim()).join(' – '))
    .join('\n');
}

/**
 * A rewrite is safe when the plain text, read again as Markdown in its place, holds none of the constructs
 * this rule reports (so a second run changes nothing) — e.g. `*not emphasis*` inside code is not unwrapped.
 */
function isSafeReplacement(construct: MarkdownConstruct, source: string): boolean {
  if (construct.plain.length === 0) return construct.kind === 'heading';
  // Without any Markdown punctuation, indented lines or underlines, no construct can appear: skip the parse.
  if (!/[*_`~#>[\]<|\\]/.test(construct.plain) && !/^(?: {4}|\t|[ \t]*[=-]{2,}[ \t]*$)/m.test(construct.plain)) return true;
  const lineStart = source.lastIndexOf('\n', construct.start - 1) + 1;
  const prefix = source.slice(lineStart, construct.start);
  const context = /^[ \t]*$/.test(prefix) ? construct.plain : `a ${construct.plain}`;
  const tree = parseMarkdown(context);
  return findMarkdownConstructsShallow(tree, context) === 0;
}

function findMarkdownConstructsShallow(tree: Root, source: string): number {
  let count = 0;
  const visit = (node: Nodes, depth: number) => {
    if (depth > 60) return;
    switch (node.type) {
      case 'heading': case 'strong': case 'emphasis': case 'delete': case 'inlineCode': case 'code': case 'blockquote': case 'table': case 'linkReference':
        count += 1;
        return;
      case 'html':
        if (!HTML_COMMENT.test(node.value)) count += 1;
        return;
      case 'link': {
        const first = source[startOf(node)];
        if (first === '[' || first === '<') count += 1;
        break;
      }
      default:
        break;
    }
    if ('children' in node) for (const child of (node as Parent).children as Nodes[]) visit(child, depth + 1);
  };
  visit(tree, 0);
  return count;
}

export { truncate };
