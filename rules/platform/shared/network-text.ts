// The text a network receives when the draft is pasted into it as plain text: what the platform rules count.
// - Front matter, HTML (comments, medpost directives, tags) and images are left out (images are media).
// - Markdown syntax is left out as a plain-text rendering would: '# Heading' -> 'Heading', '**bold**' -> 'bold',
//   '> quote' -> 'quote', fenced code -> its content (the platform/markdown rule separately warns that the raw
//   syntax would show and offers the fix).
// - A link '[text](url)' becomes 'text url' (a plain-text network shows the address after its text);
//   '<https://…>' and bare URLs stay as written.
// - Paragraphs keep their blank lines (line breaks count as characters) and list items keep their marker ('- ', '1. ').
// Each run of the text maps back to a source offset, so findings point at the draft.
import type { Nodes, Parent, Root } from 'mdast';
import type { Post } from '../../../src/types.js';
import { MappedTextBuilder, type MappedText } from '../../../src/mapped-text.js';

export type NetworkText = MappedText;

const cache = new WeakMap<Post, NetworkText>();

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}

/** Whether a node produces text on the network (images, HTML and definitions do not). */
function isSilent(node: Nodes): boolean {
  return node.type === 'html' || node.type === 'definition' || node.type === 'footnoteDefinition' || node.type === 'thematicBreak'
    || node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference' || node.type === 'yaml' as string;
}

/** Source text of a link's address when written as [text](url): its offset, for mapping. */
function urlOffsetInSource(source: string, node: Nodes & { url: string }, after: number): number {
  const found = source.indexOf(node.url, after);
  return found >= 0 && found < endOf(node) ? found : after;
}

export function networkText(post: Post): NetworkText {
  const cached = cache.get(post);
  if (cached) return cached;
  const builder = new MappedTextBuilder();
  const source = post.source;

  // Recursion depth follows Markdown nesting; remark already bounds it in practice, and lists/quotes deeper than
  // a few levels are not social-media posts. Inline content is flat enough.
  const renderBlocks = (children: Nodes[], depth: number) => {
    let previousEnd = -1;
    for (const child of children) {
      if (isSilent(child)) continue;
      if (previousEnd >= 0 && builder.size > 0) {
        const gap = source.slice(previousEnd, startOf(child));
        const newlines = Math.min(2, Math.max(1, (gap.match(/\n/g) ?? []).length));
        builder.append('\n'.repeat(newlines), previousEnd, 0);
      }
      const before = builder.size;
      renderBlock(child, depth);
      if (builder.size > before) previousEnd = endOf(child);
    }
  };

  const renderBlock = (node: Nodes, depth: number) => {
    if (depth > 40) return;
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        renderInline(node.children as Nodes[]);
        break;
      case 'blockquote':
      case 'root':
        renderBlocks(node.children as Nodes[], depth + 1);
        break;
      case 'list':
        renderBlocks(node.children as Nodes[], depth + 1);
        break;
      case 'listItem': {
        const first = node.children[0];
        const markerEnd = first ? startOf(first) : endOf(node);
        const marker = source.slice(startOf(node), markerEnd).trimEnd();
        if (marker) builder.append(`${marker} `, startOf(node), marker.length);
        renderBlocks(node.children as Nodes[], depth + 1);
        break;
      }
      case 'code': {
        const inner = source.indexOf(node.value, startOf(node));
        builder.append(node.value, inner >= 0 && inner < endOf(node) ? inner : startOf(node));
        break;
      }
      case 'table':
        node.children.forEach((row, rowIndex) => {
          if (rowIndex > 0) builder.append('\n', startOf(row), 0);
          row.children.forEach((cell, cellIndex) => {
            if (cellIndex > 0) builder.append(' | ', startOf(cell), 0);
            renderInline(cell.children as Nodes[]);
          });
        });
        break;
      default:
        if ('children' in node) renderInline((node as Parent).children as Nodes[]);
        else if ('value' in node && typeof node.value === 'string') builder.append(node.value, startOf(node));
    }
  };

  const renderInline = (children: Nodes[]) => {
    for (const node of children) {
      switch (node.type) {
        case 'text':
          builder.append(node.value, startOf(node), endOf(node) - startOf(node));
          break;
        case 'inlineCode': {
          const inner = source.indexOf(node.value, startOf(node));
          builder.append(node.value, inner >= 0 && inner < endOf(node) ? inner : startOf(node));
          break;
        }
        case 'break':
          builder.append('\n', startOf(node), 0);
          break;
        case 'link': {
          const before = builder.size;
          renderInline(node.children as Nodes[]);
          const shown = builder.size > before;
          const isWrittenAsMarkdownLink = source[startOf(node)] === '[';
          if (isWrittenAsMarkdownLink || !shown) {
            const lastChild = node.children[node.children.length - 1];
            const urlStart = urlOffsetInSource(source, node, lastChild ? endOf(lastChild) : startOf(node));
            const sameAsText = source.slice(startOf(node) + 1, lastChild ? endOf(lastChild) : startOf(node)) === node.url;
            if (!sameAsText) builder.append(`${shown ? ' ' : ''}${node.url}`, urlStart, node.url.length);
          }
          break;
        }
        default:
          if (isSilent(node)) break;
          if ('children' in node) renderInline((node as Parent).children as Nodes[]);
          else if ('value' in node && typeof node.value === 'string') builder.append(node.value, startOf(node));
      }
    }
  };

  renderBlock(post.tree as Root, 0);
  const text = builder.build();
  // The network trims surrounding white space.
  const trimmedEnd = text.value.trimEnd().length;
  const result: NetworkText = { value: text.value.slice(0, trimmedEnd), toSource: text.toSource };
  cache.set(post, result);
  return result;
}
