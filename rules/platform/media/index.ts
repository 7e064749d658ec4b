// platform/media: visual networks need an image or video; images need alt text; alt text within each network's
// limit; no more media than a post can carry.
import type { MediaItem, PostRule } from '../../../src/types.js';
import { countGraphemes } from '../../../src/counting/index.js';
import { formatCount, listNames, targetPlatforms } from '../shared/platform-profile.js';

interface Options {
  requireAltText: boolean;
}

function describeItem(item: MediaItem): string {
  return item.src ? `'${item.src}'` : `the ${item.type}`;
}

/** Where to point for the whole draft's media: the front matter `media` key, else the start of the body. */
function mediaAnchor(post: { frontMatterRange(key: string): { start: number; end: number } | undefined; bodyOffset: number }) {
  const range = post.frontMatterRange('media') ?? post.frontMatterRange('platforms') ?? post.frontMatterRange('platform');
  return range ?? { start: post.bodyOffset, end: post.bodyOffset };
}

const rule: PostRule<Options> = {
  meta: {
    id: 'platform/media',
    description: 'Visual networks get an image or video; every image has alt text within the network limit; no more media than a post holds.',
    defaultSeverity: 'warn',
    tags: ['platform', 'accessibility'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireAltText: { type: 'boolean', default: true, description: 'Images need alt text (a description for screen-reader users).' },
      },
    },
  },
  check({ post, options, settings, report }) {
    const platforms = targetPlatforms(post, settings);
    if (platforms.length === 0) return;
    const media = post.meta.media;
    const images = media.filter((item) => item.type === 'image');

    for (const platform of platforms) {
      const { media: facts } = platform;
      if (facts.required && !media.some((item) => facts.types.includes(item.type))) {
        // 'a video or image', 'an image': the article goes with the first word.
        const wanted = `${/^[aeiou]/i.test(facts.types[0] ?? '') ? 'an' : 'a'} ${facts.types.join(' or ')}`;
        const anchor = mediaAnchor(post);
        report({
          message: `${platform.name} is a visual network: this post has no ${facts.types.join(' or ')}${media.length > 0 ? ` (only ${media.map((item) => item.type).join(', ')})` : ''}`,
          kind: 'missing',
          platform: platform.id,
          start: anchor.start,
          end: anchor.end,
          suggestion: `add ${wanted} under 'media' in the front matter, e.g. media: [{src: foto.jpg, alt: "…"}]`,
        });
      }
      if (facts.maxItems !== undefined && media.length > facts.maxItems) {
        const extra = media[facts.maxItems];
        report({
          message: `${media.length} media items for ${platform.name}, which takes at most ${facts.maxItems} per post`,
          kind: 'too-many',
          platform: platform.id,
          severity: 'error',
          start: extra.start,
          end: extra.end,
          suggestion: `keep ${facts.maxItems}, or split the post`,
        });
      }
      if (facts.altTextMax !== undefined) {
        for (const image of media) {
          if (!image.alt) continue;
          const length = countGraphemes(image.alt);
          if (length <= facts.altTextMax) continue;
          report({
            message: `the alt text of ${describeItem(image)} is ${formatCount(length)} characters; ${platform.name} accepts at most ${formatCount(facts.altTextMax)}`,
            kind: 'alt-too-long',
            platform: platform.id,
            severity: 'error',
            start: image.start,
            end: image.end,
            suggestion: `shorten the description to ${formatCount(facts.altTextMax)} characters: what the image shows and why it matters`,
          });
        }
      }
    }

    if (options.requireAltText) {
      for (const image of images) {
        if (image.alt && image.alt.trim()) continue;
        report({
          message: `${describeItem(image)} has no alt text: people using screen readers on ${listNames(platforms)} will not know what it shows`,
          kind: 'alt-missing',
          platform: platforms.map((platform) => platform.id).join(','),
          start: image.start,
          end: image.end,
          suggestion: image.origin === 'body' ? 'describe the image inside the brackets: ![what it shows](file.jpg)' : "add an 'alt' to the media entry: {src: file.jpg, alt: 'what it shows'}",
        });
      }
    }
  },
};

export default rule;
