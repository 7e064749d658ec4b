// brand-consistency: the clinic's name is written the one right way (seed 000: "be consistent with your brand"),
// and the brand hashtags or signature a team requires on a platform are there.
import type { Post, PostRule, PostRuleContext } from '../../src/types.js';
import { ruleData } from '../../src/data-files.js';
import { foldText, sourceRangeOfText } from '../../src/rule-helpers.js';

interface Options {
  /** Hashtags (without '#') required per platform id; '*' applies to every platform. */
  requiredHashtags: Record<string, string[]>;
  /** Text a draft must contain per platform id (a signature line); '*' applies to every platform. */
  signature: Record<string, string>;
}

interface GenericWords {
  institutions?: string[];
  descriptors?: string[];
  connectors?: string[];
}

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** What may separate two words of a brand name: a few spaces, or a hyphen or ampersand. */
const NAME_GAP = /^(?:[ \t\u00a0]{1,3}|[ \t\u00a0]?[-&+][ \t\u00a0]?)$/u;

/** foldText of single words, remembered: drafts repeat the same few thousand words, and folding is slow (NFD). */
const foldedWords = new Map<string, string>();
const MAX_FOLDED_WORDS = 100_000;

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= MAX_FOLDED_WORDS) foldedWords.clear();
    folded = foldText(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    tokens.push({ text: match[0], folded: foldWord(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

interface GenericWordSets { institutions: Set<string>; generic: Set<string> }

/** Per list of languages: the same few lists are folded once, not for every draft. */
const genericWordsByLanguages = new Map<string, GenericWordSets>();

function genericWords(languages: readonly string[]): GenericWordSets {
  const key = languages.join('\u0000');
  let sets = genericWordsByLanguages.get(key);
  if (!sets) {
    sets = loadGenericWords(languages);
    genericWordsByLanguages.set(key, sets);
  }
  return sets;
}

function loadGenericWords(languages: readonly string[]): GenericWordSets {
  const institutions = new Set<string>();
  const generic = new Set<string>();
  for (const language of new Set([...languages, 'en', 'es', 'it'])) {
    if (!/^[a-z]{2,3}$/.test(language)) continue;
    const data = ruleData<GenericWords>(import.meta.url, `generic.${language}.yaml`);
    for (const word of data?.institutions ?? []) institutions.add(foldText(word));
    for (const word of [...(data?.institutions ?? []), ...(data?.descriptors ?? []), ...(data?.connectors ?? [])]) generic.add(foldText(word));
  }
  return { institutions, generic };
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isAllLowerCase = (word: string) => word === word.toLowerCase();

/** Whether the visible text at `offset` starts a sentence (after . ! ? or a line break, or at the start). */
function atSentenceStart(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 4), offset);
  return offset === 0 || /(?:^|[.!?¡¿:]\s*|\n\s*)[«"“'(]?$/u.test(before);
}

/** The brand's accepted forms and their words, as every draft's check needs them. */
interface BrandWords {
  brand: string;
  forms: string[];
  /** Per form: its folded words. */
  formWords: string[][];
  brandWords: Set<string>;
  /** Brand words that are not generic (or all of them when every word is generic). */
  distinctive: Set<string>;
  institutions: Set<string>;
}

/** Settings objects differ per config file but hold the same brand: computed once per brand, aliases and languages. */
const brandWordsBySettings = new Map<string, BrandWords>();

function brandWordsOf(brand: string, aliases: readonly string[] | undefined, languages: readonly string[]): BrandWords {
  const key = JSON.stringify([brand, aliases ?? [], languages]);
  let cached = brandWordsBySettings.get(key);
  if (cached) return cached;
  const forms = [brand, ...(aliases ?? []).map((alias) => alias.trim()).filter(Boolean)];
  const formWords = forms.map((form) => tokenize(form).map((token) => token.folded));
  const brandWords = new Set(formWords.flat());
  const { institutions, generic } = genericWords(languages);
  const distinctive = new Set([...brandWords].filter((word) => !generic.has(word)));
  if (distinctive.size === 0) for (const word of brandWords) distinctive.add(word);
  cached = { brand, forms, formWords, brandWords, distinctive, institutions };
  if (brandWordsBySettings.size > 100) brandWordsBySettings.clear();
  brandWordsBySettings.set(key, cached);
  return cached;
}

/**
 * False when no word of the text folds to one of `words` (folded): a misspelt brand name holds a distinctive word
 * of the brand, and most drafts hold none, so they are not cut into words. Folding the whole text gives each
 * word's folding in place (accents go whatever surrounds them), except the final sigma that lower-casing picks by
 * context: a text with 'Σ' may hold any.
 */
export function mayHoldWord(text: string, words: ReadonlySet<string>): boolean {
  if (text.includes('Σ')) return true;
  const folded = foldText(text);
  for (const word of words) if (folded.includes(word)) return true;
  return false;
}

function checkBrandName(context: PostRuleContext<Options>): void {
  const { post, settings, report } = context;
  const brand = settings.brandName?.trim();
  if (!brand) return;
  const { forms, formWords, brandWords, distinctive, institutions } = brandWordsOf(brand, settings.brandAliases, settings.languages);

  const text = post.text.value;
  if (!mayHoldWord(text, distinctive)) return;
  const tokens = tokenize(text);
  const skipped = [...post.hashtags, ...post.mentions, ...post.links];
  const insideToken = (token: Token) => {
    const source = post.text.toSource(token.start);
    return skipped.some((item) => source >= item.start && source < item.end);
  };

  let index = 0;
  while (index < tokens.length) {
    if (!brandWords.has(tokens[index].folded) || insideToken(tokens[index])) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < tokens.length && brandWords.has(tokens[end].folded) && !insideToken(tokens[end])
      && NAME_GAP.test(text.slice(tokens[end - 1].end, tokens[end].start))) end += 1;
    const run = tokens.slice(index, end);
    index = end;
    if (!run.some((token) => distinctive.has(token.folded))) continue;
    const written = text.slice(run[0].start, run[run.length - 1].end);
    if (forms.includes(written)) continue;
    if (forms.some((form) => written.includes(form))) continue;
    const foldedRun = run.map((token) => token.folded).join(' ');
    const sameWordsAs = forms.find((_form, position) => formWords[position].join(' ') === foldedRun);
    const distinctiveTokens = run.filter((token) => distinctive.has(token.folded));
    // Evidence that the words name the clinic rather than being ordinary words of the sentence.
    const capitalisedName = distinctiveTokens.some((token) => isCapitalised(token.text) && !atSentenceStart(text, token.start))
      || (run.length >= 2 && run.every((token) => isCapitalised(token.text)));
    let problem: string | undefined;
    let replacement = brand;
    if (sameWordsAs !== undefined) {
      const hasInstitution = run.some((token) => institutions.has(token.folded));
      if (run.length === 1 ? !isAllLowerCase(written) : hasInstitution || capitalisedName) {
        problem = `'${written}' is written differently from the brand name '${sameWordsAs}' (capitals or accents)`;
        replacement = sameWordsAs;
      }
    } else if (run.length >= 2 && capitalisedName) {
      problem = `'${written}' looks like the brand name, which is written '${brand}'`;
    }
    if (!problem) continue;
    const range = sourceRangeOfText(post, run[0].start, run[run.length - 1].end);
    report({
      message: `${problem}: one spelling everywhere keeps the brand recognisable`,
      start: range.start,
      end: range.end,
      kind: 'name',
      suggestion: `write '${replacement}'${forms.length > 1 ? ` (accepted forms: ${forms.map((form) => `'${form}'`).join(', ')})` : ''}`,
      fix: { range: [range.start, range.end], text: replacement },
    });
  }
}

function requiredFor<T>(table: Record<string, T> | undefined, platforms: readonly string[]): Array<{ platform: string; value: T }> {
  const found: Array<{ platform: string; value: T }> = [];
  for (const [key, value] of Object.entries(table ?? {})) {
    if (key === '*') found.push({ platform: '*', value });
    else if (platforms.includes(key)) found.push({ platform: key, value });
  }
  return found;
}

function bodyStart(post: Post): number {
  const first = post.text.value.search(/\S/);
  return first >= 0 ? post.text.toSource(first) : post.bodyOffset;
}

function checkHashtagsAndSignature({ post, options, report }: PostRuleContext<Options>): void {
  if (post.meta.type === 'reply' || post.meta.replyTo) return;
  const start = bodyStart(post);
  const platformOf = (platform: string) => (platform === '*' ? undefined : platform);
  const reportedTags = new Set<string>();
  for (const { platform, value: tags } of requiredFor(options.requiredHashtags, post.meta.platforms)) {
    for (const rawTag of tags ?? []) {
      const tag = rawTag.replace(/^[#＃]/, '');
      if (reportedTags.has(tag)) continue;
      const present = post.hashtags.find((hashtag) => foldText(hashtag.value) === foldText(tag));
      if (present && present.value === tag) continue;
      reportedTags.add(tag);
      if (present) {
        report({
          message: `the brand hashtag is written #${present.value}; the team writes it #${tag}`,
          start: present.start, end: present.end, kind: 'hashtag-case', platform: platformOf(platform),
          suggestion: `write #${tag} (capitals also help screen readers read the words)`,
          fix: { range: [present.start, present.end], text: `#${tag}` },
        });
      } else {
        report({
          message: `the brand hashtag #${tag} is missing${platform === '*' ? '' : ` (required on ${platform})`}`,
          start, end: start, kind: 'hashtag', platform: platformOf(platform),
          suggestion: `add #${tag} with the other hashtags`,
        });
      }
    }
  }
  const signatures = requiredFor(options.signature, post.meta.platforms);
  if (signatures.length === 0) return;
  const foldedText = foldText(post.text.value).replace(/\s+/g, ' ');
  for (const { platform, value: signature } of signatures) {
    if (typeof signature !== 'string' || signature.trim() === '') continue;
    if (foldedText.includes(foldText(signature).replace(/\s+/g, ' ').trim())) continue;
    report({
      message: `the signature '${signature.trim()}' is missing${platform === '*' ? '' : ` (required on ${platform})`}`,
      start, end: start, kind: 'signature', platform: platformOf(platform),
      suggestion: `end the post with '${signature.trim()}'`,
    });
  }
}

const rule: PostRule<Options> = {
  meta: {
    id: 'brand-consistency',
    description: "The clinic's name is written the one configured way, and required brand hashtags or signatures are present.",
    defaultSeverity: 'warn',
    tags: ['organisation'],
    scope: 'post',
    fixable: true,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requiredHashtags: {
          type: 'object', default: {},
          description: "Hashtags (without '#') required per platform id, e.g. {instagram: [ClinicaSonrisa]}; '*' for every platform.",
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
        signature: {
          type: 'object', default: {},
          description: "Text a draft must contain per platform id, e.g. {linkedin: 'Equipo Clínica Dental Sonrisa'}; '*' for every platform.",
          additionalProperties: { type: 'string' },
        },
      },
    },
  },
  check(context) {
    checkBrandName(context);
    checkHashtagsAndSignature(context);
  },
};

export default rule;
