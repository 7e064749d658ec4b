// health-claims: unsubstantiated or misleading health-advertising claims (miracle, guaranteed, painless,
// risk-free, permanent cure, "the best dentist in…", before/after, unsourced statistics), and, where a
// jurisdiction is configured, what its law bans outright (offers in Italy, testimonials and cure claims in Spain…).
// The words live in lexicon.<lang>.yaml, the messages in kinds.yaml, the law in jurisdictions.yaml.
import type { Post, PostRule } from '../../src/types.js';
import { compilePattern, matchPattern, sourceRangeOfText, prefilteredUnion, sourcesAmong, sourcesMatchingIn } from '../../src/rule-helpers.js';
import { KINDS, KIND_ORDER, NON_SOURCE_HOSTS, checkPattern, jurisdictionRuling, lexiconFor, type Lexicon } from './claim-data.js';

interface Options {
  /** Per language: kind -> extra patterns (same syntax as the lexicon files). */
  extraTerms: Record<string, Record<string, string[]>>;
  /** Per language ('all' for every language): phrases never flagged, matched literally, case-insensitively. */
  allowedPhrases: Record<string, string[]>;
  /** Kinds not to report at all. */
  ignoreKinds: string[];
}

interface Candidate {
  kind: string;
  start: number;
  end: number;
  text: string;
}

const rule: PostRule<Options> = {
  meta: {
    id: 'health-claims',
    description: 'Unsubstantiated or misleading health-advertising claims: miracle, guaranteed results, painless, risk-free, cure claims, superlatives, before/after, unsourced statistics; offers and testimonials where a jurisdiction bans them.',
    defaultSeverity: 'warn',
    tags: ['compliance', 'advertising'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extraTerms: {
          type: 'object',
          description: "Per language code, extra patterns per kind: { es: { superlative: ['\\\\bel más top\\\\b'] } }.",
          additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          default: {},
        },
        allowedPhrases: {
          type: 'object',
          description: "Per language code (or 'all'), phrases that are never flagged: { es: ['sin dolor de cabeza'] }.",
          additionalProperties: { type: 'array', items: { type: 'string' } },
          default: {},
        },
        ignoreKinds: {
          type: 'array',
          description: `Kinds not to report: ${KIND_ORDER.join(', ')}.`,
          items: { type: 'string', enum: KIND_ORDER },
          default: [],
        },
      },
    },
  },
  check({ post, options, settings, report }) {
    const language = post.language;
    const lexicon = lexiconFor(language);
    const extra = options.extraTerms?.[language] ?? {};
    if (!lexicon && Object.keys(extra).length === 0) return;
    const text = post.text.value;
    const jurisdictions = settings.jurisdictions ?? [];
    const ignored = new Set(options.ignoreKinds ?? []);

    const allowedRanges = [
      ...literalRanges(text, [...(options.allowedPhrases?.[language] ?? []), ...(options.allowedPhrases?.all ?? [])]),
      ...literalRanges(text, settings.vocabulary?.accept?.[language] ?? []),
    ];
    /** Whether the draft cites a source: worked out only when a kind that needs none has matched. */
    let sourced: boolean | undefined;

    const checkedKinds = KIND_ORDER.filter((kind) => !ignored.has(kind)
      && !(KINDS[kind].jurisdictionOnly && !jurisdictionRuling(kind, jurisdictions).listed));
    // Only the patterns that can match somewhere in the text (a bundled first pass) are run one by one.
    const possible = new Set(sourcesMatchingIn(text, prefilteredPatterns(lexicon, checkedKinds)));
    const candidates: Candidate[] = [];
    for (const kind of checkedKinds) {
      const definition = KINDS[kind];
      const entry = lexicon?.claims?.[kind];
      const extraPatterns = extra[kind] ?? [];
      for (const pattern of extraPatterns) checkPattern(pattern, `options.extraTerms.${language}.${kind}`);
      const lexiconPatterns = sourcesAmong(entry?.patterns, possible);
      const patterns = extraPatterns.length > 0 ? [...lexiconPatterns, ...extraPatterns] : lexiconPatterns;
      if (patterns.length === 0) continue;
      // Exceptions only matter once a claim matches, which most possible patterns don't: matched on first need.
      let exceptionRanges: Array<{ start: number; end: number }> | undefined;
      const found: Candidate[] = [];
      for (const pattern of patterns) {
        for (const match of matchPattern(text, pattern)) {
          exceptionRanges ??= sourcesAmong(entry?.exceptions, possible).flatMap((exception) => [...matchPattern(text, exception)]);
          if (overlapsAny(match, exceptionRanges) || overlapsAny(match, allowedRanges)) continue;
          found.push({ kind, start: match.start, end: match.end, text: match.match });
        }
      }
      if (found.length > 0 && definition.needsNoSource && (sourced ??= citesSource(post, lexicon, settings.ownDomains ?? []))) continue;
      candidates.push(...found);
    }

    for (const candidate of keepFirstOfOverlapping(candidates)) {
      const ruling = jurisdictionRuling(candidate.kind, jurisdictions);
      const definition = KINDS[candidate.kind];
      const quoted = candidate.text.replace(/\s+/g, ' ').trim();
      report({
        ...sourceRangeOfText(post, candidate.start, candidate.end),
        kind: candidate.kind,
        message: `"${quoted}" ${definition.explanation}${ruling.bases.length > 0 ? `; ${ruling.bases.join('; ')}` : ''}`,
        suggestion: definition.suggestion,
        ...(ruling.severity ? { severity: ruling.severity } : {}),
      });
    }

    if (post.meta.type === 'testimonial' && !ignored.has('testimonial') && !candidates.some((candidate) => candidate.kind === 'testimonial')) {
      const ruling = jurisdictionRuling('testimonial', jurisdictions);
      const range = post.frontMatterRange('type');
      if (ruling.listed && range) {
        report({
          start: range.start,
          end: range.end,
          kind: 'testimonial',
          message: `this draft is a testimonial (type: testimonial) and ${KINDS.testimonial.explanation}; ${ruling.bases.join('; ')}`,
          suggestion: KINDS.testimonial.suggestion,
          ...(ruling.severity ? { severity: ruling.severity } : {}),
        });
      }
    }
  },
};

export default rule;

/** Per lexicon, per set of checked kinds (joined): the list prefilteredPatterns returns, built once. */
const prefilteredByLexicon = new WeakMap<Lexicon, Map<string, readonly string[]>>();

/**
 * Every claim and exception pattern of the checked kinds that the first pass may rule out, in one list: one pass per
 * draft instead of two per kind. Which patterns it rules out depends on each pattern alone, so the result is the
 * same. Kinds not checked (offers without a jurisdiction that lists them) stay out: each literal slows the pass.
 * Lists of a single pattern are left out too: sourcesMatchingIn runs those without a first pass (see sourcesAmong in src/rule-helpers.ts).
 */
function prefilteredPatterns(lexicon: Lexicon | undefined, kinds: readonly string[]): readonly string[] {
  if (!lexicon) return [];
  let byKinds = prefilteredByLexicon.get(lexicon);
  if (!byKinds) {
    byKinds = new Map();
    prefilteredByLexicon.set(lexicon, byKinds);
  }
  const key = kinds.join(' ');
  let patterns = byKinds.get(key);
  if (!patterns) {
    const lists = kinds.flatMap((kind) => [lexicon.claims?.[kind]?.patterns ?? [], lexicon.claims?.[kind]?.exceptions ?? []]);
    patterns = prefilteredUnion(lists);
    byKinds.set(key, patterns);
  }
  return patterns;
}

function overlapsAny(range: { start: number; end: number }, others: ReadonlyArray<{ start: number; end: number }>): boolean {
  for (const other of others) if (range.start < other.end && other.start < range.end) return true;
  return false;
}

/** Sorted by position; of overlapping matches the kind listed first in kinds.yaml (then the longer match) wins. */
function keepFirstOfOverlapping(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (b.end - b.start) - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) if (!overlapsAny(candidate, kept)) kept.push(candidate);
  return kept.sort((a, b) => a.start - b.start);
}

function literalRanges(text: string, phrases: readonly string[]): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const phrase of phrases) {
    if (!phrase.trim()) continue;
    const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    for (const match of text.matchAll(compilePattern(escaped))) {
      const start = match.index ?? 0;
      ranges.push({ start, end: start + match[0].length });
    }
  }
  return ranges;
}

/** A draft cites a source when it links somewhere other than the organisation's own site or a booking/social page, or names one in words. */
function citesSource(post: Post, lexicon: Lexicon | undefined, ownDomains: readonly string[]): boolean {
  for (const link of post.links) {
    const host = hostOf(link.url);
    if (!host) continue;
    if (ownDomains.some((domain) => sameOrSubdomain(host, domain))) continue;
    if (NON_SOURCE_HOSTS.some((domain) => sameOrSubdomain(host, domain))) continue;
    return true;
  }
  return (lexicon?.sourceCues ?? []).some((pattern) => compilePattern(pattern).test(post.text.value));
}

function hostOf(url: string): string | undefined {
  if (/^(mailto|tel|sms):/i.test(url) || url.startsWith('#')) return undefined;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
    return parsed.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function sameOrSubdomain(host: string, domain: string): boolean {
  const normalized = domain.toLowerCase().replace(/^www\./, '');
  return host === normalized || host.endsWith(`.${normalized}`);
}
