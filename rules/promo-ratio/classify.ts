// Is a draft promotional or informational? Front matter `type` decides when present; otherwise the cues of
// cues.<lang>.yaml and cues.all.yaml do (prices, discounts, booking calls, launches, the clinic as the subject
// versus tips, public-health information, sourced facts). Shared by the promo-ratio rule and `medpost stats`.
import type { Post } from '../../src/types.js';
import { ruleData } from '../../src/data-files.js';
import { compilePattern, prefilteredUnion, sourceRangeOfText, sourcesAmong, sourcesMatchingIn } from '../../src/rule-helpers.js';

export type DraftCategory = 'promotional' | 'informational' | 'neutral' | 'reply';

/** How front matter `type` values count (POST_TYPES in src/front-matter.ts). */
export const CATEGORY_OF_TYPE: Readonly<Record<string, DraftCategory>> = {
  promo: 'promotional',
  testimonial: 'promotional',
  info: 'informational',
  education: 'informational',
  news: 'informational',
  event: 'informational',
  reply: 'reply',
  neutral: 'neutral',
};

/** A promotional draft needs at least this promotional weight, and more than its informational weight. */
export const PROMOTIONAL_THRESHOLD = 2;

export interface FiredCue {
  id: string;
  side: 'promotional' | 'informational' | 'neutral';
  weight: number;
  /** What matched, as written (for explanations). */
  text: string;
  /** Where: 1-based line and column in the draft. */
  line: number;
  column: number;
  description?: string;
}

export interface Classification {
  category: DraftCategory;
  /** What decided: the front matter `type`, a reply field, or the cues. */
  decidedBy: 'type' | 'reply-to' | 'cues';
  promotionalScore: number;
  informationalScore: number;
  cues: FiredCue[];
  /** A sentence a person can read: why the draft counts as it does. */
  reason: string;
}

interface CueDefinition {
  weight?: number;
  description?: string;
  patterns: string[];
}

interface CueFile {
  promotional?: Record<string, CueDefinition>;
  informational?: Record<string, CueDefinition>;
  neutral?: Record<string, CueDefinition>;
  bookingLinks?: { weight?: number; patterns: string[] };
}

const SIDES = ['promotional', 'informational', 'neutral'] as const;

/** Per language: its cue file, looked up once (ruleData resolves a path and checks the file on every call). */
const cueFiles = new Map<string, CueFile | undefined>();

function cueFile(language: string): CueFile | undefined {
  if (cueFiles.has(language)) return cueFiles.get(language);
  const file = /^[a-z]{2,3}$/.test(language) ? ruleData<CueFile>(import.meta.url, `cues.${language}.yaml`) : undefined;
  if (cueFiles.size < 100) cueFiles.set(language, file);
  return file;
}

interface CueEntry {
  side: (typeof SIDES)[number];
  id: string;
  /** `side:id`: a cue fires once per draft, whichever file it comes from. */
  key: string;
  definition: CueDefinition;
  patterns: readonly string[];
}

/** A cue file laid out for matching: its cues in order, and every pattern the first pass can rule out. */
interface PreparedCueFile {
  entries: CueEntry[];
  /** Patterns of the cues with several patterns, in one list: one first pass per draft instead of one per cue. */
  prefiltered: readonly string[];
  bookingLinks: CueFile['bookingLinks'];
}

const preparedCueFiles = new WeakMap<CueFile, PreparedCueFile>();

function prepared(file: CueFile): PreparedCueFile {
  let ready = preparedCueFiles.get(file);
  if (ready) return ready;
  const entries: CueEntry[] = [];
  for (const side of SIDES) {
    for (const [id, definition] of Object.entries(file[side] ?? {})) {
      entries.push({ side, id, key: `${side}:${id}`, definition, patterns: definition.patterns ?? [] });
    }
  }
  const prefiltered = prefilteredUnion(entries.map((entry) => entry.patterns));
  ready = { entries, prefiltered, bookingLinks: file.bookingLinks };
  preparedCueFiles.set(file, ready);
  return ready;
}

/** Per language file: its patterns and those of cues.all.yaml that the first pass may rule out, in one list. */
const prefilteredByFirstFile = new WeakMap<CueFile, readonly string[]>();

function prefilteredOf(files: readonly CueFile[]): readonly string[] {
  if (files.length === 1) return prepared(files[0]).prefiltered;
  let patterns = prefilteredByFirstFile.get(files[0]);
  if (!patterns) {
    patterns = [...new Set(files.flatMap((file) => prepared(file).prefiltered))];
    prefilteredByFirstFile.set(files[0], patterns);
  }
  return patterns;
}

/** Every cue that fires in a draft, each cue id once per side (its first match). */
export function findCues(post: Post): FiredCue[] {
  const fired = new Map<string, FiredCue>();
  const text = post.text.value;
  const files = [cueFile(post.language), cueFile('all')].filter((file): file is CueFile => file !== undefined);
  const pointOfText = (start: number, end: number) => post.pointAt(sourceRangeOfText(post, start, end).start);
  const possible = new Set(sourcesMatchingIn(text, prefilteredOf(files)));
  for (const file of files) {
    const { entries, bookingLinks } = prepared(file);
    for (const entry of entries) {
      if (fired.has(entry.key)) continue;
      for (const pattern of sourcesAmong(entry.patterns, possible)) {
        const match = compilePattern(pattern).exec(text);
        if (!match || match[0].length === 0) continue;
        const point = pointOfText(match.index, match.index + match[0].length);
        const { side, id, definition } = entry;
        fired.set(entry.key, {
          id, side, weight: side === 'neutral' ? 0 : definition.weight ?? 1, text: match[0], line: point.line, column: point.column,
          description: definition.description,
        });
        break;
      }
    }
    if (bookingLinks && !fired.has('promotional:booking-link')) {
      for (const link of post.links) {
        const hit = bookingLinks.patterns.some((pattern) => compilePattern(pattern).test(link.url));
        if (!hit) continue;
        const point = post.pointAt(link.start);
        fired.set('promotional:booking-link', {
          id: 'booking-link', side: 'promotional', weight: bookingLinks.weight ?? 1, text: link.url,
          line: point.line, column: point.column, description: 'a link to a booking page',
        });
        break;
      }
    }
  }
  if (post.meta.sponsored === true) {
    const range = post.frontMatterRange('sponsored');
    const point = post.pointAt(range?.start ?? 0);
    fired.set('promotional:sponsored', {
      id: 'sponsored', side: 'promotional', weight: 2, text: 'sponsored: true', line: point.line, column: point.column,
      description: 'a paid or sponsored post',
    });
  }
  return [...fired.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The category of a draft and everything that led to it. */
export function explainClassification(post: Post): Classification {
  const cues = findCues(post);
  const promotionalScore = cues.filter((cue) => cue.side === 'promotional').reduce((sum, cue) => sum + cue.weight, 0);
  const informationalScore = cues.filter((cue) => cue.side === 'informational').reduce((sum, cue) => sum + cue.weight, 0);
  const scores = { promotionalScore, informationalScore, cues };
  const type = post.meta.type;
  if (type && CATEGORY_OF_TYPE[type]) {
    return { category: CATEGORY_OF_TYPE[type], decidedBy: 'type', ...scores, reason: `front matter 'type: ${type}' decides` };
  }
  if (post.meta.replyTo) {
    return { category: 'reply', decidedBy: 'reply-to', ...scores, reason: "a reply ('reply_to' is set): neither promotional nor informational" };
  }
  const figures = `promotional weight ${promotionalScore}, informational weight ${informationalScore}`;
  if (promotionalScore >= PROMOTIONAL_THRESHOLD && promotionalScore > informationalScore) {
    return { category: 'promotional', decidedBy: 'cues', ...scores, reason: `${figures}: promotional (needs at least ${PROMOTIONAL_THRESHOLD} and more than informational)` };
  }
  if (informationalScore === 0 && promotionalScore < PROMOTIONAL_THRESHOLD && cues.some((cue) => cue.side === 'neutral')) {
    return { category: 'neutral', decidedBy: 'cues', ...scores, reason: `${figures}, logistics cues: neutral (left out of the ratio)` };
  }
  return { category: 'informational', decidedBy: 'cues', ...scores, reason: `${figures}: informational` };
}

export function classifyPost(post: Post): DraftCategory {
  return explainClassification(post).category;
}

/** The explanation as lines of text (for `medpost lint --explain-type`). */
export function formatClassification(displayPath: string, classification: Classification): string {
  const lines = [`${displayPath}: ${classification.category} (${classification.reason})`];
  if (classification.cues.length === 0) lines.push('  no cue fired');
  const positionWidth = Math.max(0, ...classification.cues.map((cue) => `${cue.line}:${cue.column}`.length));
  for (const cue of classification.cues) {
    const sign = cue.side === 'promotional' ? '+' : cue.side === 'informational' ? '-' : ' ';
    const weight = cue.side === 'neutral' ? 'neutral' : `${sign}${cue.weight} ${cue.side}`;
    lines.push(`  ${`${cue.line}:${cue.column}`.padEnd(positionWidth)}  ${cue.id.padEnd(18)} ${weight.padEnd(17)} "${cue.text}"`);
  }
  return lines.join('\n');
}
