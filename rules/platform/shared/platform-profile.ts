// Typed reading of data/platforms.yaml (merged with settings.platforms by src/platforms.ts), and the platforms
// a draft targets. Values of the wrong type are ignored (the fact counts as unknown), never guessed.
import type { OrganisationSettings, Post } from '../../../src/types.js';
import { platformRegistry, type PlatformFacts } from '../../../src/platforms.js';
import { COUNTING_METHODS, type CountingMethod, type LengthRule } from '../../../src/counting/index.js';

export interface PlatformProfile {
  id: string;
  name: string;
  length?: LengthRule & { note?: string; source?: string };
  hashtags: { max?: number; norm?: number; note?: string; source?: string };
  links: { clickable: boolean; source?: string };
  fold: { at?: number; note?: string; source?: string };
  markdown: { renders: boolean };
  media: { required: boolean; types: string[]; maxItems?: number; altTextMax?: number; source?: string };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

export function profileOf(id: string, facts: PlatformFacts): PlatformProfile {
  const length = record(facts.length);
  const hashtags = record(facts.hashtags);
  const links = record(facts.links);
  const fold = record(facts.fold);
  const markdown = record(facts.markdown);
  const media = record(facts.media);
  const max = positiveNumber(length.max);
  const counting = COUNTING_METHODS.includes(length.counting as CountingMethod) ? (length.counting as CountingMethod) : 'utf16';
  return {
    id,
    name: typeof facts.name === 'string' ? facts.name : id,
    length: max === undefined ? undefined : {
      max,
      counting,
      urlLength: positiveNumber(length.urlLength),
      maxUtf8Bytes: positiveNumber(length.maxUtf8Bytes),
      note: text(length.note),
      source: text(length.source),
    },
    hashtags: { max: positiveNumber(hashtags.max), norm: positiveNumber(hashtags.norm), note: text(hashtags.note), source: text(hashtags.source) },
    links: { clickable: links.clickable !== false, source: text(links.source) },
    fold: { at: positiveNumber(fold.at), note: text(fold.note), source: text(fold.source) },
    markdown: { renders: markdown.renders === true },
    media: {
      required: media.required === true,
      types: Array.isArray(media.types) ? media.types.filter((type): type is string => typeof type === 'string') : ['image', 'video'],
      maxItems: positiveNumber(media.maxItems),
      altTextMax: positiveNumber(media.altTextMax),
      source: text(media.source),
    },
  };
}

/** The platforms a draft is for (post.meta.platforms, already resolved from aliases), with their facts. */
export function targetPlatforms(post: Post, settings: Pick<OrganisationSettings, 'platforms'>): PlatformProfile[] {
  const registry = platformRegistry(settings);
  const profiles: PlatformProfile[] = [];
  for (const id of post.meta.platforms) {
    const facts = registry.facts.get(id);
    if (facts) profiles.push(profileOf(id, facts));
  }
  return profiles;
}

/** "X (Twitter)", "X (Twitter) and LinkedIn", "Instagram, TikTok and YouTube". */
export function listNames(profiles: readonly PlatformProfile[]): string {
  const names = profiles.map((profile) => profile.name);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Formats a number for messages: 2,200. Whole numbers (all the counts) without Intl: toLocaleString creates a
 * number format on every call, ~15 ms a thread at 10,000 drafts, and loading ICU's data for the first.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  return String(value).replace(/\B(?=(?:\d{3})+$)/g, ',');
}
