// vocabulary: the team's reject list (settings.vocabulary.reject, per language or 'all'). An entry
// "wrong -> right" also suggests, and fixes to, the right term. (The accept list is honoured by every rule.)
import type { PostRule } from '../../src/types.js';
import { compilePattern, sourceRangeOfText } from '../../src/rule-helpers.js';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const rule: PostRule = {
  meta: {
    id: 'vocabulary',
    description: "Words and phrases on the team's reject list (settings.vocabulary.reject), with the preferred term when given.",
    defaultSeverity: 'warn',
    tags: ['organisation'],
    fixable: true,
    scope: 'post',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check({ post, settings, report }) {
    const entries = [...(settings.vocabulary.reject[post.language] ?? []), ...(settings.vocabulary.reject.all ?? [])];
    for (const entry of entries) {
      const [rejected, preferred] = entry.split(' -> ').map((part) => part.trim());
      if (!rejected) continue;
      const pattern = compilePattern(`\\b${escapeRegExp(rejected).replace(/\s+/g, '\\s+')}\\b`);
      for (const match of post.text.value.matchAll(pattern)) {
        const range = sourceRangeOfText(post, match.index ?? 0, (match.index ?? 0) + match[0].length);
        const literal = post.source.slice(range.start, range.end) === match[0];
        report({
          message: `'${match[0]}' is on the team's reject list${preferred ? `: write '${preferred}'` : ''}`,
          ...range,
          suggestion: preferred ? `use '${preferred}'` : 'rephrase without it',
          fix: preferred && literal ? { range: [range.start, range.end], text: preferred } : undefined,
        });
      }
    }
  },
};

export default rule;
