// no-medical-advice: a post gives personal, prescriptive advice (what to take, how much, what you have)
// instead of general health information plus an invitation to book a consultation.
import type { Post, PostRule } from '../../src/types.js';
import { sourceRangeOfText, maskValue } from '../../src/rule-helpers.js';
import { lexiconFor, escapeRegExp, type FindingKind, type CompiledLexicon, type CueCategory, type LexiconPattern } from './lexicon.js';
import { PatternPrefilter } from '../../src/pattern-prefilter.js';
import { scoreSentence, isAdvice, prepareForMatching, DEFAULT_THRESHOLD, ACT_CATEGORIES } from './score.js';

interface Options {
  strictReplies: boolean;
  threshold: number;
  extraTerms: Record<string, Record<string, string[]>>;
  allowedPhrases: Record<string, string[]>;
}

const WHAT_IT_DOES: Record<FindingKind, string> = {
  treatment: 'tells someone which medicine or treatment to take, start, stop or change',
  dose: 'gives someone a dose or a schedule',
  diagnosis: 'tells someone what condition they have',
  personal: "answers one person's symptoms or situation",
};

const MAX_QUOTE = 90;

const rule: PostRule<Options> = {
  meta: {
    id: 'no-medical-advice',
    description: 'No personal medical advice in posts: no doses, treatment choices or diagnoses addressed to someone; general information and an invitation to consult instead.',
    defaultSeverity: 'error',
    tags: ['content', 'advice'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        strictReplies: {
          type: 'boolean',
          default: true,
          description: 'Judge replies (type: reply, reply_to, or a body opening with @someone) more strictly: a reply to one person is personal by nature.',
        },
        threshold: {
          type: 'integer',
          minimum: 1,
          maximum: 10,
          default: DEFAULT_THRESHOLD,
          description: 'Score from which a sentence is reported (higher: fewer findings).',
        },
        extraTerms: {
          type: 'object',
          default: {},
          description: "Extra words per language for the lexicon's word lists, e.g. {es: {drug: ['Dalsy']}, it: {condition: ['cervicalgia']}}.",
          additionalProperties: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
        },
        allowedPhrases: {
          type: 'object',
          default: {},
          description: "Phrases per language that never count, e.g. your standard disclaimer: {en: ['take your medication as prescribed']}.",
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
  check({ post, options, settings, report }) {
    const language = post.language;
    const lexicon = lexiconFor(language, options.extraTerms?.[language] ?? {});
    if (!lexicon) return; // no lexicon for this language: nothing to judge with
    const allowed = [...(options.allowedPhrases?.[language] ?? []), ...(settings.vocabulary?.accept?.[language] ?? [])];
    const strictReply = (options.strictReplies ?? true) && isReply(post);
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;

    for (const sentence of post.sentences) {
      const text = maskAllowedPhrases(prepareForMatching(sentence.text), allowed);
      // Only patterns whose required words occur in the sentence can match it: one literal scan decides.
      // Without a possible act (a treatment, dose, diagnosis…) the sentence cannot be advice, whatever else it says.
      const flat = flatten(lexicon);
      const present = flat.prefilter.scan(text);
      if (!flat.actIndexes.some((index) => flat.prefilter.mayMatch(index, present))) continue;
      const verdict = scoreSentence(text, lexicon, { strictReply }, (group, category, position) => flat.prefilter.mayMatch(flat.flatIndex[group][category][position], present), true);
      if (!isAdvice(verdict, threshold) || !verdict.kind || !verdict.cue) continue;
      const range = sourceRangeOfText(post, sentence.start, sentence.end);
      const quote = quoteOf(sentence.text);
      const cue = cueText(sentence.text.slice(verdict.cue.start, verdict.cue.end));
      report({
        kind: verdict.kind,
        start: range.start,
        end: range.end,
        message: `personal medical advice${strictReply ? ' in a reply' : ''}: "${quote}" ${WHAT_IT_DOES[verdict.kind]} (cue: "${cue}"); advice for one person needs a consultation, not a public post`,
        suggestion: suggestionFor(verdict.kind, lexicon.alternatives[verdict.kind]),
        fingerprintText: `${verdict.kind}\0${maskMentions(sentence.text)}`,
      });
    }
  },
};

interface FlatLexicon {
  prefilter: PatternPrefilter;
  /** For each pattern of the flat list: where it belongs. */
  places: Array<{ group: 'cues' | 'markers'; category: string }>;
  /** The patterns of cues that are acts (see ACT_CATEGORIES): a sentence with none of them possible is skipped. */
  actIndexes: number[];
  /** group -> category -> position in the category -> index in the flat list. */
  flatIndex: Record<'cues' | 'markers', Record<string, number[]>>;
}

const flatLexicons = new WeakMap<CompiledLexicon, FlatLexicon>();

function flatten(lexicon: CompiledLexicon): FlatLexicon {
  let flat = flatLexicons.get(lexicon);
  if (!flat) {
    const patterns: LexiconPattern[] = [];
    const places: FlatLexicon['places'] = [];
    const flatIndex: FlatLexicon['flatIndex'] = { cues: {}, markers: {} };
    for (const group of ['cues', 'markers'] as const) {
      for (const [category, list] of Object.entries<LexiconPattern[]>(lexicon[group])) {
        flatIndex[group][category] = [];
        for (const pattern of list) {
          flatIndex[group][category].push(patterns.length);
          patterns.push(pattern);
          places.push({ group, category });
        }
      }
    }
    const actIndexes = places.flatMap((place, index) => (place.group === 'cues' && ACT_CATEGORIES.has(place.category as CueCategory) ? [index] : []));
    flat = { prefilter: new PatternPrefilter(patterns), places, actIndexes, flatIndex };
    flatLexicons.set(lexicon, flat);
  }
  return flat;
}

/** A reply to one person: `type: reply`, `reply_to`/`in_reply_to` in front matter, or a body that opens with @someone. */
export function isReply(post: Post): boolean {
  return post.meta.type === 'reply' || Boolean(post.meta.replyTo) || /^\s*[@＠][A-Za-z0-9_]/.test(post.text.value);
}

function suggestionFor(kind: FindingKind, alternative: string | undefined): string {
  const base = kind === 'diagnosis' || kind === 'personal'
    ? 'do not assess one person in public: share general information about the topic and invite them to book a consultation (or to write privately to arrange one)'
    : 'share general information (what the medicine is for, that the right dose depends on the person) and invite them to book a consultation';
  return alternative ? `${base}, e.g. "${alternative}"` : base;
}

/** The words that fired, without the @handle or punctuation that opened the clause. */
function cueText(matched: string): string {
  const text = matched.replace(/^[\s,;:(\-–—•·*>/¡]*(?:[@＠][\w.]+,?\s*)?/u, '').trim() || matched.trim();
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

/** The sentence as shown in a message: short, with @handles masked (a reply's addressee may be a patient). */
function quoteOf(sentence: string): string {
  const masked = maskMentions(sentence.replace(/\s+/g, ' ').trim());
  return masked.length > MAX_QUOTE ? `${masked.slice(0, MAX_QUOTE - 1).trimEnd()}…` : masked;
}

function maskMentions(text: string): string {
  return text.replace(/([@＠])([A-Za-z0-9_]+)/g, (_whole, at: string, handle: string) => at + maskValue(handle, 1, 0));
}

/** Blanks out allowed phrases (same length, so offsets hold). */
function maskAllowedPhrases(text: string, phrases: string[]): string {
  let result = text;
  for (const phrase of phrases) {
    const trimmed = phrase.trim();
    if (!trimmed) continue;
    const pattern = new RegExp(escapeRegExp(trimmed).replace(/ +/g, '\\s+'), 'giu');
    result = result.replace(pattern, (match) => ' '.repeat(match.length));
  }
  return result;
}

export default rule;
