// cross-post-duplicate: one text copy-pasted to several networks "looks sloppy and unprofessional" (seed 000).
// Compares every draft's words (without links, hashtags, mentions, case and punctuation) with every other
// draft's through MinHash + LSH, and reports each copy with the drafts it matches on other platforms.
// A single draft aimed at several platforms is the same habit in one file: reported as 'multi-platform'.
import type { CollectionRule } from '../../src/types.js';
import { normalizedWords, shingleHashes, minHashSignature, findSimilarGroups, packUint32, unpackAllUint32 } from './similarity.js';

interface Options {
  minSimilarity: number;
  minWords: number;
  flagMultiPlatform: boolean;
  maxListed: number;
}

export interface DuplicateSummary {
  platforms: string[];
  words: number;
  /** Sorted hashes of the word 3-shingles, packed (packUint32). */
  shingles: string;
  /** Their MinHash signature, packed. */
  signature: string;
  /** Where the body text starts. */
  line: number;
  column: number;
  /** Where the platforms are named in front matter. */
  platformsLine: number;
  platformsColumn: number;
  reply: boolean;
}

/** 'a', 'a and b', 'a, b and c' */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function samePlatforms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((platform) => b.includes(platform));
}

const rule: CollectionRule<Options, DuplicateSummary> = {
  meta: {
    id: 'cross-post-duplicate',
    description: 'The same text is not copy-pasted to several networks: each platform gets its own version.',
    defaultSeverity: 'warn',
    tags: ['calendar', 'platform'],
    scope: 'collection',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSimilarity: { type: 'number', minimum: 0, maximum: 1, default: 0.7, description: 'Jaccard similarity of word 3-shingles from which two texts count as copies.' },
        minWords: { type: 'integer', minimum: 1, default: 8, description: 'Texts shorter than this (after removing links and hashtags) are not compared.' },
        flagMultiPlatform: { type: 'boolean', default: true, description: "Report a single draft whose 'platforms' lists several networks." },
        maxListed: { type: 'integer', minimum: 1, default: 3, description: 'How many matching drafts a message names.' },
      },
    },
  },

  summarize({ post }) {
    const words = normalizedWords(post.text.value);
    const shingles = shingleHashes(words);
    const firstVisible = post.text.value.search(/\S/);
    const body = post.pointAt(firstVisible >= 0 ? post.text.toSource(firstVisible) : post.bodyOffset);
    const platformsRange = post.frontMatterRange('platforms') ?? post.frontMatterRange('platform');
    const platformsPoint = post.pointAt(platformsRange?.start ?? 0);
    return {
      platforms: [...post.meta.platforms],
      words: words.length,
      shingles: packUint32(shingles),
      signature: packUint32(minHashSignature(shingles)),
      line: body.line,
      column: body.column,
      platformsLine: platformsPoint.line,
      platformsColumn: platformsPoint.column,
      reply: post.meta.type === 'reply' || post.meta.replyTo !== undefined,
    };
  },

  check({ drafts, options, report }) {
    if (options.flagMultiPlatform) {
      for (const draft of drafts) {
        const { summary } = draft;
        if (summary.platforms.length < 2 || summary.reply) continue;
        report({
          path: draft.path, line: summary.platformsLine, column: summary.platformsColumn, kind: 'multi-platform',
          message: `one text for ${listWords(summary.platforms)}: each network has its own length, hashtag and link norms, and the same copy everywhere looks careless`,
          suggestion: 'write one draft per network and adapt each (length, hashtags, links, tone)',
        });
      }
    }

    const compared = drafts.filter((draft) => draft.summary.words >= options.minWords && draft.summary.platforms.length > 0 && !draft.summary.reply);
    const shingles = unpackAllUint32(compared.map(({ summary }) => summary.shingles));
    const signatures = unpackAllUint32(compared.map(({ summary }) => summary.signature));
    const { groups, edges } = findSimilarGroups(
      compared.map((_, index) => ({ shingles: shingles[index], signature: signatures[index] })),
      options.minSimilarity,
    );
    const neighbours = new Map<number, Array<{ group: number; similarity: number }>>();
    for (const edge of edges) {
      for (const [from, to] of [[edge.a, edge.b], [edge.b, edge.a]]) {
        const list = neighbours.get(from);
        if (list) list.push({ group: to, similarity: edge.similarity });
        else neighbours.set(from, [{ group: to, similarity: edge.similarity }]);
      }
    }
    groups.forEach((members, groupIndex) => {
      const related = [{ group: groupIndex, similarity: 1 }, ...(neighbours.get(groupIndex) ?? [])];
      if (related.length === 1 && members.length === 1) return;
      for (const member of members) {
        const draft = compared[member];
        if (!draft.reported) continue;
        const matches: Array<{ displayPath: string; platforms: string[]; similarity: number }> = [];
        for (const { group, similarity } of related) {
          for (const other of groups[group]) {
            if (other === member) continue;
            const otherDraft = compared[other];
            if (samePlatforms(draft.summary.platforms, otherDraft.summary.platforms)) continue; // a repeat, not a cross-post
            matches.push({ displayPath: otherDraft.displayPath, platforms: otherDraft.summary.platforms, similarity });
          }
        }
        if (matches.length === 0) continue;
        matches.sort((a, b) => b.similarity - a.similarity || a.displayPath.localeCompare(b.displayPath));
        const listed = matches.slice(0, options.maxListed).map((match) =>
          `${match.displayPath} (${match.platforms.join(', ')}, ${match.similarity === 1 ? 'identical' : `${Math.round(match.similarity * 100)}% similar`})`);
        const more = matches.length > options.maxListed ? ` and ${matches.length - options.maxListed} more` : '';
        const otherPlatforms = [...new Set(matches.flatMap((match) => match.platforms))].filter((platform) => !draft.summary.platforms.includes(platform));
        report({
          path: draft.path, line: draft.summary.line, column: draft.summary.column, kind: 'copy',
          platform: draft.summary.platforms.length === 1 ? draft.summary.platforms[0] : undefined,
          message: `the same text as ${listed.join(', ')}${more}: copy-pasting one text to ${listWords([...draft.summary.platforms, ...otherPlatforms])} looks careless`,
          suggestion: `rewrite it for ${listWords(draft.summary.platforms)}: its own opening, length, hashtags and call to action`,
          fingerprintText: `copy of ${matches.map((match) => match.displayPath).sort().join(' ')}`,
        });
      }
    });
  },
};

export default rule;
