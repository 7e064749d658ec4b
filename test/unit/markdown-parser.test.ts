// parseMarkdown leaves out the GFM extensions a text cannot use: its trees must be exactly those of the parser with
// every extension, positions included, on any text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { markdownParser, parseMarkdown, parserWith } from '../../src/markdown-parser.js';

/** Pieces of drafts, with every character that makes an extension apply, and near-misses of them. */
const pieces = [
  'word', 'Hola', ' ', ' ', '\n', '\n\n', '\t', '    ', '- ', '* ', '1. ', '> ', '# ', '## ', '---', '***', '```', '~~~',
  '[', ']', '(', ')', '[link](https://x.es)', '[^1]', '[^1]: note', '[ ] ', '[x] ', '- [ ] task', '^', '!', '![alt](a.jpg)',
  '|', '| a | b |', '|---|---|', ' --- ', ':--', '--:', ':-:', '-', '~', '~~', '~~gone~~', '@', '@ana', 'ana@clinic.es', 'mailto:', 'xmpp:',
  'www.', 'www.clinic.es', 'info@www.clinic.es', 'http@x.es', 'hola@', 'WWW.x.it', 'http', 'http://x.es', 'HTTPS://x.es/a?b', 'ww.', 'htp', '.', ',', ':', '_', '__',
  '*', '**', '`', '\\', '&amp;', '<', '>', '<b>', '<https://x.es>', '😀', 'é', '#tag', '\r\n', '=', '+',
];

/** Texts that lack some of the trigger characters (a random subset dropped), so that every parser variant is used. */
const text = fc
  .tuple(
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
    fc.subarray(['@', 'www', 'http', '[', '~', '|', ':-', '-:']),
  )
  .map(([parts, dropped]) => parts.filter((part) => !dropped.some((trigger) => part.toLowerCase().includes(trigger))).join(''));

/** The tree, or the error: under test, the parser's development build asserts, and a few odd texts fail one. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

describe('parseMarkdown', () => {
  it('gives the tree of the parser with every GFM extension, on any text', () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(outcome(() => parseMarkdown(source))).toEqual(outcome(() => markdownParser.parse(source)));
      }),
      { numRuns: 6000 },
    );
  });

  it('gives with every extension the trees of the GFM extensions as published (the autolink one is split in two)', () => {
    // The order micromark-extension-gfm combines them in.
    const published = parserWith([gfmAutolinkLiteral(), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]);
    fc.assert(
      fc.property(text, (source) => {
        expect(outcome(() => markdownParser.parse(source))).toEqual(outcome(() => published.parse(source)));
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds what each extension finds', () => {
    const tree = JSON.stringify(parseMarkdown('Mira www.clinica.es o escribe a citas@clinica.es\n\n~~no~~ [^1]\n\n| a |\n| - |\n\n- [x] hecho\n\n[^1]: nota'));
    for (const type of ['"link"', '"delete"', '"footnoteReference"', '"footnoteDefinition"', '"table"', '"checked":true']) expect(tree).toContain(type);
  });
});
