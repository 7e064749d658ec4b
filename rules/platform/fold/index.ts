// platform/fold: the key message — the first sentence and the call to action — shows before the 'see more' fold
// of networks that truncate long posts (Instagram ~125 characters, LinkedIn ~210).
import type { PostRule } from '../../../src/types.js';
import { ruleData } from '../../../src/data-files.js';
import { matchPattern, sourcesMatchingIn } from '../../../src/rule-helpers.js';
import { splitSentences } from '../../../src/post.js';
import { networkText } from '../shared/network-text.js';
import { offsetAfterGraphemes } from '../../../src/counting/length.js';
import { targetPlatforms } from '../shared/platform-profile.js';

interface Options {
  checkFirstSentence: boolean;
  checkCallToAction: boolean;
}

interface CallToActionLexicon {
  patterns?: string[];
}

function callToActionPatterns(language: string): string[] {
  return ruleData<CallToActionLexicon>(import.meta.url, `cta.${language}.yaml`)?.patterns ?? [];
}

const rule: PostRule<Options> = {
  meta: {
    id: 'platform/fold',
    description: "The first sentence and the call to action show before the 'see more' fold (Instagram ~125 characters, LinkedIn ~210).",
    defaultSeverity: 'warn',
    tags: ['platform'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkFirstSentence: { type: 'boolean', default: true, description: 'Warn when the first sentence ends after the fold.' },
        checkCallToAction: { type: 'boolean', default: true, description: 'Warn when every call to action (book, call us, link in bio …) comes after the fold.' },
      },
    },
  },
  check({ post, options, settings, report }) {
    const text = networkText(post);
    const platforms = targetPlatforms(post, settings).filter((platform) => platform.fold.at !== undefined);
    if (platforms.length === 0 || text.value.length === 0) return;
    // Most posts end before the fold: then there is nothing to split or match.
    const folded = platforms
      .map((platform) => ({ platform, fold: platform.fold.at!, foldOffset: offsetAfterGraphemes(text.value, platform.fold.at!) }))
      .filter((entry): entry is typeof entry & { foldOffset: number } => entry.foldOffset !== undefined);
    if (folded.length === 0) return;
    const sentences = splitSentences(text.value, post.language);
    const calls: Array<{ start: number; end: number }> = [];
    // Only the patterns whose words occur in the text are run (one literal scan decides).
    for (const pattern of sourcesMatchingIn(text.value, callToActionPatterns(post.language))) {
      for (const found of matchPattern(text.value, pattern)) calls.push({ start: found.start, end: found.end });
    }
    calls.sort((a, b) => a.start - b.start);
    for (const { platform, fold, foldOffset } of folded) {
      const first = sentences[0];
      if (options.checkFirstSentence && first && first.end > foldOffset) {
        report({
          message: `the first sentence runs past the 'see more' fold on ${platform.name} (~${fold} characters): readers see only its start`,
          kind: 'first-sentence',
          platform: platform.id,
          start: text.toSource(foldOffset),
          end: text.toSource(first.end - 1) + 1,
          suggestion: `open with a shorter sentence that carries the key message (under ${fold} characters)`,
        });
      }
      if (options.checkCallToAction && calls.length > 0 && calls[0].start >= foldOffset) {
        const call = calls[0];
        report({
          message: `the call to action '${text.value.slice(call.start, call.end)}' comes after the 'see more' fold on ${platform.name} (~${fold} characters)`,
          kind: 'call-to-action',
          platform: platform.id,
          start: text.toSource(call.start),
          end: text.toSource(call.end - 1) + 1,
          suggestion: `move the call to action into the first ${fold} characters`,
        });
      }
    }
  },
};

export default rule;
