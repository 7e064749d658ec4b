// platform/hashtags: more hashtags than a network accepts (error) or than is usual there (warning),
// and hashtags on networks where the organisation does not use them (settings.noHashtagPlatforms).
import type { PostRule, PostToken } from '../../../src/types.js';
import { targetPlatforms } from '../shared/platform-profile.js';

interface Options {
  /** Count a hashtag repeated in the same post once. */
  countDuplicatesOnce: boolean;
}

function distinct(hashtags: readonly PostToken[]): PostToken[] {
  const seen = new Set<string>();
  return hashtags.filter((tag) => {
    const key = tag.value.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function listTags(tags: readonly PostToken[], limit = 6): string {
  const shown = tags.slice(0, limit).map((tag) => `#${tag.value}`).join(', ');
  return tags.length > limit ? `${shown} …` : shown;
}

/** A data-file note appended to a message: ' — one topic tag per post'. */
function noteOf(note: string | undefined): string {
  return note ? ` — ${note.replace(/\.$/, '').replace(/^./, (first) => first.toLowerCase())}` : '';
}

const rule: PostRule<Options> = {
  meta: {
    id: 'platform/hashtags',
    description: "Hashtags stay within each platform's hard limit (error) and norm (warning), and are left out where the organisation does not use them.",
    defaultSeverity: 'warn',
    tags: ['platform'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        countDuplicatesOnce: { type: 'boolean', default: false, description: 'Count a hashtag repeated in the same post once (networks count every occurrence).' },
      },
    },
  },
  check({ post, options, settings, report }) {
    if (post.hashtags.length === 0) return;
    const hashtags = options.countDuplicatesOnce ? distinct(post.hashtags) : [...post.hashtags];
    const count = hashtags.length;
    const noHashtags = new Set(settings.noHashtagPlatforms.map((id) => id.toLowerCase()));
    for (const platform of targetPlatforms(post, settings)) {
      const first = hashtags[0];
      const last = hashtags[count - 1];
      if (noHashtags.has(platform.id)) {
        report({
          message: `hashtags on ${platform.name}, where your organisation does not use them (${listTags(hashtags)})`,
          kind: 'not-used',
          platform: platform.id,
          start: first.start,
          end: last.end,
          suggestion: `remove the hashtags from the ${platform.name} version (settings.noHashtagPlatforms lists ${platform.id})`,
        });
        continue;
      }
      const { max, norm } = platform.hashtags;
      if (max !== undefined && count > max) {
        const extra = hashtags.slice(max);
        report({
          message: `${count} hashtags for ${platform.name}, which accepts at most ${max}${noteOf(platform.hashtags.note)}`,
          kind: 'over-limit',
          platform: platform.id,
          severity: 'error',
          start: extra[0].start,
          end: extra[extra.length - 1].end,
          suggestion: `keep the ${max} most relevant; remove ${listTags(extra)}`,
        });
      } else if (norm !== undefined && count > norm) {
        const extra = hashtags.slice(norm);
        report({
          message: `${count} hashtags for ${platform.name}, where the norm is at most ${norm}${noteOf(platform.hashtags.note)}`,
          kind: 'over-norm',
          platform: platform.id,
          start: extra[0].start,
          end: extra[extra.length - 1].end,
          suggestion: norm === 0 ? 'remove the hashtags' : `keep ${norm === 1 ? 'the one' : `the ${norm}`} most relevant (${listTags(hashtags.slice(0, norm))}) and drop ${listTags(extra)}`,
        });
      }
    }
  },
};

export default rule;
