// front-matter: the draft's front matter follows medpost's schema (known keys, platforms, dates, languages, types).
import type { PostRule } from '../../src/types.js';
import { checkFrontMatter } from '../../src/front-matter.js';
import { platformRegistry } from '../../src/platforms.js';

interface Options {
  requirePlatform: boolean;
  requireDate: boolean;
}

const rule: PostRule<Options> = {
  meta: {
    id: 'front-matter',
    description: 'Front matter uses known keys and valid values: platforms, ISO dates, configured languages, known types.',
    defaultSeverity: 'error',
    tags: ['schema'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requirePlatform: { type: 'boolean', default: true, description: 'A draft must name the platform(s) it is for.' },
        requireDate: { type: 'boolean', default: false, description: 'A draft must have a publication date (the calendar rules need one).' },
      },
    },
  },
  check({ post, options, settings, report }) {
    const registry = platformRegistry(settings);
    const problems = checkFrontMatter(post.frontMatter as Record<string, unknown>, {
      platformIds: registry.ids,
      aliases: registry.aliases,
      languages: settings.languages,
    });
    for (const problem of problems) {
      const range = post.frontMatterRange(problem.key) as { start: number; end: number; keyStart?: number } | undefined;
      const start = problem.at === 'key' ? range?.keyStart ?? range?.start : range?.start;
      report({
        message: problem.message,
        kind: problem.key,
        start: start ?? 0,
        end: problem.at === 'key' ? (start ?? 0) + problem.key.length : range?.end ?? 0,
      });
    }
    const hasFrontMatter = post.bodyOffset > 0;
    if (options.requirePlatform && post.frontMatter.platform === undefined && post.frontMatter.platforms === undefined) {
      report({
        message: 'the draft names no platform, so platform rules cannot check it',
        kind: 'platform',
        start: 0,
        end: hasFrontMatter ? 3 : 0,
        suggestion: `add 'platform: instagram' (or 'platforms: [x, linkedin]') to the front matter; known: ${registry.ids.join(', ')}`,
      });
    }
    if (options.requireDate && post.frontMatter.date === undefined) {
      report({ message: 'the draft has no date', kind: 'date', start: 0, end: hasFrontMatter ? 3 : 0, suggestion: "add 'date: YYYY-MM-DD'" });
    }
  },
};

export default rule;
