// The built-in rules. One import and one list entry per rule; the engine learns of rules only through this list.
import type { Rule } from '../src/types.js';
import { builtInDocsUrl } from '../src/docs.js';
import frontMatter from './front-matter/index.js';
import noCompetitorLinks from './no-competitor-links/index.js';
import { platformRules } from './platform/index.js';

export const builtInRules: Rule[] = [
  frontMatter,
  noCompetitorLinks,
  ...platformRules,
];

for (const rule of builtInRules) rule.meta.docsUrl ??= builtInDocsUrl(rule.meta.id);
