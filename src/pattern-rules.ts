// Rules written as data in a config file (`patterns:`), for compliance teams who don't write code:
//   patterns:
//     - id: team/no-whatsapp
//       message: Don't invite patients to WhatsApp: use the booking page.
//       severity: warn
//       platforms: [instagram, facebook]
//       patterns: { es: ['\bwhatsapp\b'], it: ['\bwhatsapp\b'], all: ['wa\.me/'] }
import type { PostRule, Severity } from './types.js';
import { compilePattern, matchPattern, sourceRangeOfText } from './rule-helpers.js';

export interface PatternRuleDefinition {
  id: string;
  message: string;
  description?: string;
  suggestion?: string;
  severity?: Severity;
  platforms?: string[];
  patterns: Record<string, string[]>;
}

/** Throws with the offending pattern when one does not compile. */
export function createPatternRule(definition: PatternRuleDefinition): PostRule {
  for (const list of Object.values(definition.patterns)) {
    for (const pattern of list) compilePattern(pattern);
  }
  return {
    meta: {
      id: definition.id,
      description: definition.description ?? definition.message,
      defaultSeverity: definition.severity ?? 'warn',
      tags: ['pattern'],
      scope: 'post',
    },
    check({ post, report }) {
      const platforms = definition.platforms;
      if (platforms && !post.meta.platforms.some((platform) => platforms.includes(platform))) return;
      const lists = [definition.patterns[post.language] ?? [], definition.patterns.all ?? []];
      for (const list of lists) {
        for (const source of list) {
          for (const match of matchPattern(post.text.value, source)) {
            const range = sourceRangeOfText(post, match.start, match.end);
            report({ message: `${definition.message} ('${match.match}')`, ...range, suggestion: definition.suggestion });
          }
        }
      }
    },
  };
}
