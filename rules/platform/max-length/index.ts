// platform/max-length: the post is longer than the network accepts, counted the way that network counts.
import type { PostRule } from '../../../src/types.js';
import { certainlyFits, measureLength, type CountingMethod } from '../../../src/counting/index.js';
import { networkText } from '../shared/network-text.js';
import { formatCount, targetPlatforms } from '../shared/platform-profile.js';

const HOW_COUNTED: Record<CountingMethod, string> = {
  'x-weighted': 'weighted characters (links count 23, emoji 2, CJK and most symbols such as € and … count 2)',
  graphemes: 'characters',
  'code-points': 'characters',
  utf16: 'characters (emoji count 2)',
  'utf8-bytes': 'bytes',
  mastodon: 'characters (links count 23)',
};

const rule: PostRule = {
  meta: {
    id: 'platform/max-length',
    description: 'The post fits the hard length limit of each platform it targets, counted as that network counts.',
    defaultSeverity: 'error',
    tags: ['platform'],
    scope: 'post',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  },
  check({ post, settings, report }) {
    const text = networkText(post);
    if (text.value.length === 0) return;
    for (const platform of targetPlatforms(post, settings)) {
      if (!platform.length || certainlyFits(text.value, platform.length)) continue;
      const measure = measureLength(text.value, platform.length);
      const overLength = measure.length > measure.max;
      const overBytes = measure.utf8Bytes !== undefined && measure.maxUtf8Bytes !== undefined;
      if (!overLength && !overBytes) continue;
      const start = text.toSource(measure.overflowOffset ?? 0);
      const end = text.toSource(text.value.length - 1) + 1;
      const unit = HOW_COUNTED[measure.counting];
      const message = overLength
        ? `too long for ${platform.name}: ${formatCount(measure.length)} ${unit}, the limit is ${formatCount(measure.max)}`
        : `too long for ${platform.name}: ${formatCount(measure.utf8Bytes!)} bytes of UTF-8, the limit is ${formatCount(measure.maxUtf8Bytes!)}`;
      const excess = overLength ? measure.length - measure.max : measure.utf8Bytes! - measure.maxUtf8Bytes!;
      report({
        message,
        kind: overLength ? 'length' : 'bytes',
        platform: platform.id,
        start,
        end: Math.max(start, end),
        suggestion: `cut at least ${formatCount(Math.ceil(excess))} ${overLength ? 'characters' : 'bytes'}; the text past the limit starts here${platform.length.note ? ` (${platform.length.note})` : ''}`,
      });
    }
  },
};

export default rule;
