// ad-disclosure: a sponsored draft, or one that shows a paid partnership (affiliate link, a brand's discount code,
// "in collaboration with", a gift from a brand), must carry a clear ad label near the start, before the 'see more'
// fold: #ad, Sponsored, Paid partnership; Publicidad, Patrocinado por; Pubblicità, Sponsorizzato da.
// Ambiguous tags (#sp, #collab, #thanks) and labels buried among trailing hashtags do not count.
import type { Post, PostRule, OrganisationSettings } from '../../src/types.js';
import { compilePattern, foldText, matchPattern, sourceRangeOfText, prefilteredUnion, sourcesAmong, sourcesMatchingIn } from '../../src/rule-helpers.js';
import { platformRegistry } from '../../src/platforms.js';
import {
  AFFILIATE, ALL_AMBIGUOUS_TAGS, ALL_LABELS, ALL_LABEL_EXCEPTIONS, ALL_SPONSORSHIP_TAGS, JURISDICTIONS, LEXICONS, type DisclosureLexicon,
} from './disclosure-data.js';

interface Options {
  foldLength: number;
  usePlatformFold: boolean;
  buriedHashtagRun: number;
  extraTerms: Record<string, { labels?: string[]; partnershipCues?: string[]; ambiguousTags?: string[] }>;
  allowedPhrases: Record<string, string[]>;
}

interface Range { start: number; end: number }
interface Reason { describe: string; textRange?: Range; sourceRange?: Range }

const HASHTAG_IN_TEXT = /(?<![\p{L}\p{N}\p{M}_&#/=])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;
const MENTION_IN_TEXT = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_.]{2,50})/gu;

const rule: PostRule<Options> = {
  meta: {
    id: 'ad-disclosure',
    description: "Sponsored drafts and paid partnerships carry a clear ad label (#ad, Publicidad, Pubblicità…) near the start, before the 'see more' fold.",
    defaultSeverity: 'error',
    tags: ['compliance', 'advertising'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        foldLength: {
          type: 'integer', minimum: 20, default: 125,
          description: "Characters a reader sees before the 'see more' fold, for drafts whose platforms have no fold of their own (data/platforms.yaml fold.at).",
        },
        usePlatformFold: {
          type: 'boolean', default: true,
          description: "Use the smallest fold of the draft's platforms (Instagram 125, LinkedIn 210…) when they have one; false: always foldLength.",
        },
        buriedHashtagRun: {
          type: 'integer', minimum: 2, default: 3,
          description: 'A label inside a closing run of at least this many hashtags is buried and does not count.',
        },
        extraTerms: {
          type: 'object',
          description: "Per language code (or 'all'): { labels: [...patterns], partnershipCues: [...patterns], ambiguousTags: [...tags without '#'] }.",
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              labels: { type: 'array', items: { type: 'string' } },
              partnershipCues: { type: 'array', items: { type: 'string' } },
              ambiguousTags: { type: 'array', items: { type: 'string' } },
            },
          },
          default: {},
        },
        allowedPhrases: {
          type: 'object',
          description: "Per language code (or 'all'): phrases that never show a partnership, matched literally: { es: ['en colaboración con el Hospital La Paz'] }.",
          additionalProperties: { type: 'array', items: { type: 'string' } },
          default: {},
        },
      },
    },
  },
  check({ post, options, settings, report }) {
    if (post.meta.sponsored === false) return; // the author states it is not paid for
    const language = post.language;
    const lexicon: DisclosureLexicon = LEXICONS.get(language) ?? {};
    const extra = { ...(options.extraTerms?.all ?? {}), ...(options.extraTerms?.[language] ?? {}) };
    const text = post.text.value;
    const allowed = literalRanges(text, [...(options.allowedPhrases?.[language] ?? []), ...(options.allowedPhrases?.all ?? [])]);

    // Most drafts have no hashtag or mention: a quick look for the sign spares the Unicode-aware regex.
    const hashtags = !text.includes('#') && !text.includes('＃') ? [] : [...text.matchAll(HASHTAG_IN_TEXT)].map((match) => ({
      value: foldTag(match[1]), text: match[0], start: match.index ?? 0, end: (match.index ?? 0) + match[0].length,
    }));
    const extraAmbiguous = new Set((extra.ambiguousTags ?? []).map((tag) => foldText(tag.replace(/^#/, ''))));

    const reasons = partnershipReasons(post, settings, lexicon, [...(extra.partnershipCues ?? [])], allowed, hashtags);
    if (reasons.length === 0) return;

    const fold = effectiveFold(post, settings, options);
    const closingRun = closingHashtagRun(text, hashtags);
    const buried = (range: Range) => closingRun.count >= options.buriedHashtagRun && range.start >= closingRun.start;

    const labelExceptions = ALL_LABEL_EXCEPTIONS.flatMap((pattern) => [...matchPattern(text, pattern)]);
    const labels = [...ALL_LABELS, ...(extra.labels ?? [])]
      .flatMap((pattern) => [...matchPattern(text, pattern)])
      .filter((match) => !overlapsAny(match, labelExceptions))
      .map((match) => trimRange(text, match))
      .sort((a, b) => a.start - b.start);
    const visible = (range: Range) => codePointLength(text.slice(0, range.start)) < fold && !buried(range);
    if (labels.some(visible)) return;

    const bases = (settings.jurisdictions ?? []).map((code) => JURISDICTIONS[code.toLowerCase()]?.basis).filter((basis): basis is string => !!basis);
    const why = bases.length > 0 ? bases.join('; ') : 'readers must be able to tell that it is an ad before they read on';
    const suggestedLabel = lexicon.suggestedLabel ?? LEXICONS.get('en')?.suggestedLabel ?? '"#ad"';
    const because = reasons[0].describe;

    if (labels.length > 0) {
      const label = labels[0];
      const quoted = text.slice(label.start, label.end).trim();
      const where = buried(label)
        ? `is buried among the ${closingRun.count} hashtags at the end`
        : `comes after the first ${fold} characters, below the 'see more' fold`;
      report({
        ...sourceRangeOfText(post, label.start, label.end),
        kind: 'label-after-fold',
        message: `the ad label "${quoted}" ${where}, where most readers never see it; ${why}`,
        suggestion: `move the label to the start of the post (within the first ${fold} characters): ${suggestedLabel}`,
      });
      return;
    }

    const ambiguous = hashtags.find((tag) => ALL_AMBIGUOUS_TAGS.has(tag.value) || extraAmbiguous.has(tag.value));
    if (ambiguous) {
      report({
        ...sourceRangeOfText(post, ambiguous.start, ambiguous.end),
        kind: 'ambiguous-label',
        message: `"${ambiguous.text}" does not tell readers that this post is an ad (${because}); ${why}`,
        suggestion: `replace it with a clear label at the start of the post: ${suggestedLabel}`,
      });
      return;
    }

    const first = reasons[0];
    const range = first.sourceRange ?? (first.textRange ? sourceRangeOfText(post, first.textRange.start, first.textRange.end) : undefined);
    report({
      ...(range ?? { start: post.bodyOffset, end: post.bodyOffset }),
      kind: 'missing-label',
      message: `${because}, but the post carries no ad label; ${why}`,
      suggestion: `start the post with ${suggestedLabel}, within the first ${fold} characters`,
    });
  },
};

export default rule;

/** Why the draft needs a label: the front matter, affiliate links, a brand's discount code, partnership wording, sponsorship tags. */
function partnershipReasons(
  post: Post,
  settings: Readonly<OrganisationSettings>,
  lexicon: DisclosureLexicon,
  extraCues: string[],
  allowed: Range[],
  hashtags: Array<{ value: string; text: string; start: number; end: number }>,
): Reason[] {
  const reasons: Reason[] = [];
  const text = post.text.value;
  const ownDomains = settings.ownDomains ?? [];
  if (post.meta.sponsored === true) {
    reasons.push({ describe: 'the draft is marked sponsored: true', sourceRange: post.frontMatterRange('sponsored') });
  }
  const brandLinks = post.links.filter((link) => {
    const host = hostOf(link.url);
    return !!host && !ownDomains.some((domain) => sameOrSubdomain(host, domain)) && !(settings.allowedDomains ?? []).some((domain) => sameOrSubdomain(host, domain));
  });
  for (const link of brandLinks) {
    if (isAffiliateLink(link.url)) {
      reasons.push({ describe: `it has an affiliate link (${hostOf(link.url)})`, sourceRange: { start: link.start, end: link.end } });
      break;
    }
  }
  const possible = new Set(sourcesMatchingIn(text, prefilteredCues(lexicon)));
  // Exceptions only matter once a cue matches, which most possible cues don't.
  let cueExceptionRanges: Range[] | undefined;
  const cueExceptions = () => (cueExceptionRanges ??= sourcesAmong(lexicon.cueExceptions, possible).flatMap((pattern) => [...matchPattern(text, pattern)]));
  for (const pattern of [...sourcesAmong(lexicon.partnershipCues, possible), ...extraCues]) {
    for (const match of matchPattern(text, pattern)) {
      if (overlapsAny(match, cueExceptions()) || overlapsAny(match, allowed)) continue;
      reasons.push({ describe: `it shows a partnership ("${match.match.trim()}")`, textRange: match });
      break;
    }
  }
  const ownHandles = new Set((settings.ownHandles ?? []).map((handle) => handle.replace(/^@/, '').toLowerCase()));
  const brandMentions = !text.includes('@') ? [] : [...text.matchAll(MENTION_IN_TEXT)].filter((match) => !ownHandles.has(match[1].toLowerCase().replace(/\.$/, '')));
  const personal = () => (lexicon.personalCodeCues ?? []).some((pattern) => compilePattern(pattern).test(text));
  if (brandMentions.length > 0 || brandLinks.length > 0 || personal()) {
    for (const pattern of lexicon.discountCodeCues ?? []) {
      const match = matchPattern(text, pattern).next().value;
      if (match && !overlapsAny(match, allowed)) {
        const brand = brandMentions[0]?.[0] ?? (brandLinks[0] ? hostOf(brandLinks[0].url) : undefined);
        reasons.push({ describe: `it gives a discount code${brand ? ` with ${brand}` : ''} ("${match.match.trim()}")`, textRange: match });
        break;
      }
    }
  }
  const tag = hashtags.find((hashtag) => ALL_SPONSORSHIP_TAGS.has(hashtag.value));
  if (tag) reasons.push({ describe: `it is tagged ${tag.text}`, textRange: tag });
  return reasons;
}

const prefilteredByLexicon = new WeakMap<DisclosureLexicon, readonly string[]>();

/**
 * A lexicon's partnership cues and their exceptions in one list: one first pass per draft instead of two. Which
 * patterns it rules out depends on each pattern alone, so the result is the same. Lists of a single pattern are left
 * out: sourcesMatchingIn runs those without a first pass (see sourcesAmong in src/rule-helpers.ts).
 */
function prefilteredCues(lexicon: DisclosureLexicon): readonly string[] {
  let patterns = prefilteredByLexicon.get(lexicon);
  if (!patterns) {
    const lists = [lexicon.partnershipCues ?? [], lexicon.cueExceptions ?? []];
    patterns = prefilteredUnion(lists);
    prefilteredByLexicon.set(lexicon, patterns);
  }
  return patterns;
}

/** foldText of hashtag words, remembered: the same few tags come back in draft after draft. */
const foldedTags = new Map<string, string>();

function foldTag(tag: string): string {
  let folded = foldedTags.get(tag);
  if (folded === undefined) {
    if (foldedTags.size >= 10_000) foldedTags.clear();
    folded = foldText(tag);
    foldedTags.set(tag, folded);
  }
  return folded;
}

function effectiveFold(post: Post, settings: Readonly<OrganisationSettings>, options: Options): number {
  if (!options.usePlatformFold) return options.foldLength;
  const registry = platformRegistry(settings);
  const folds = post.meta.platforms
    .map((platform) => (registry.facts.get(platform)?.fold as { at?: unknown } | undefined)?.at)
    .filter((at): at is number => typeof at === 'number' && at > 0);
  return folds.length > 0 ? Math.min(...folds) : options.foldLength;
}

/** The run of hashtags (with mentions, emoji and punctuation between them) that closes the post. */
function closingHashtagRun(text: string, hashtags: Array<{ start: number; end: number }>): { start: number; count: number } {
  let start = text.trimEnd().length;
  let count = 0;
  for (let index = hashtags.length - 1; index >= 0; index -= 1) {
    const between = text.slice(hashtags[index].end, start);
    // Only separators may lie between one closing hashtag and the next: spaces, punctuation, emoji, @mentions.
    // Mentions removed first, then one character class: an alternation of overlapping branches ('@' is
    // punctuation too) under '*' would backtrack exponentially on a long stretch.
    if (!/^[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]*$/u.test(between.replace(/@[A-Za-z0-9_.]{1,50}/g, ''))) break;
    start = hashtags[index].start;
    count += 1;
  }
  return { start, count };
}

function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /[\s[(|]/.test(text[start])) start += 1;
  while (end > start && /[\s:\])|–—-]/.test(text[end - 1])) end -= 1;
  return { start, end };
}

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

function overlapsAny(range: Range, others: readonly Range[]): boolean {
  return others.some((other) => range.start < other.end && other.start < range.end);
}

function literalRanges(text: string, phrases: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const phrase of phrases) {
    if (!phrase.trim()) continue;
    const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    for (const match of text.matchAll(compilePattern(escaped))) ranges.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return ranges;
}

function parseUrl(url: string): URL | undefined {
  if (/^(mailto|tel|sms):/i.test(url) || url.startsWith('#')) return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string | undefined {
  return parseUrl(url)?.hostname.toLowerCase().replace(/^www\./, '');
}

function sameOrSubdomain(host: string, domain: string): boolean {
  const normalized = domain.toLowerCase().replace(/^www\./, '');
  return host === normalized || host.endsWith(`.${normalized}`);
}

export function isAffiliateLink(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (AFFILIATE.hosts.some((domain) => sameOrSubdomain(host, domain))) return true;
  for (const [key, value] of parsed.searchParams) {
    const name = key.toLowerCase();
    if (AFFILIATE.queryParameters.includes(name)) return true;
    if (AFFILIATE.queryValues[name]?.includes(value.toLowerCase())) return true;
    if (name === 'tag' && AFFILIATE.amazonHosts.some((domain) => sameOrSubdomain(host, domain))) return true;
  }
  return false;
}
