// platform/links: URLs in the text of networks where they are not clickable (Instagram captions, TikTok captions).
import type { PostRule } from '../../../src/types.js';
import { listNames, targetPlatforms } from '../shared/platform-profile.js';

interface Options {
  /** Also flag a bare domain written as text ('clinica.es', 'www.clinica.es'), which readers can still type. */
  flagBareDomains: boolean;
}

const rule: PostRule<Options> = {
  meta: {
    id: 'platform/links',
    description: 'No links in the text of networks where links are not clickable (Instagram, TikTok): use the bio or the first comment.',
    defaultSeverity: 'warn',
    tags: ['platform'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        flagBareDomains: { type: 'boolean', default: false, description: "Also flag a bare domain such as 'clinica.es' or 'www.clinica.es' (short enough to type, so allowed by default)." },
      },
    },
  },
  check({ post, options, settings, report }) {
    const platforms = targetPlatforms(post, settings).filter((platform) => !platform.links.clickable);
    if (platforms.length === 0) return;
    for (const link of post.links) {
      if (link.form === 'front-matter' || /^(mailto|tel):/i.test(link.url)) continue;
      const written = post.source.slice(link.start, link.end);
      const isBareDomain = (link.form === 'bare' || link.form === 'autolink') && !/^<?[a-z][a-z0-9+.-]*:\/\//i.test(written) && !/[/?#]./.test(written.replace(/\/?>?$/, ''));
      if (isBareDomain && !options.flagBareDomains) continue;
      for (const platform of platforms) {
        report({
          message: `links are not clickable in ${platform.name} posts: readers cannot tap ${link.url}`,
          kind: 'not-clickable',
          platform: platform.id,
          start: link.start,
          end: link.end,
          suggestion: `put the link in your bio and write 'link in bio' (or post it as the first comment); on ${listNames(platforms)} a short, typeable address also works`,
        });
      }
    }
  },
};

export default rule;
