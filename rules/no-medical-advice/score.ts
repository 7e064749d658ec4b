// Scoring one sentence: is it personal, prescriptive advice, or general health information?
// Cues (from the lexicon) raise the score, education markers lower it; a sentence is advice when its score
// reaches the threshold AND it does something to someone (an act: a treatment, a dose, a diagnosis, an answer
// to someone's situation). Addressee signals (you, @name, a reply) only strengthen an act, never make one.
import type { CompiledLexicon, CueCategory, FindingKind, LexiconPattern, MarkerCategory } from './lexicon.js';

/** How much each cue raises the score. Acts carry their kind; addressee signals have none. */
const CUE_RULES: Record<CueCategory, { weight: number; kind?: FindingKind }> = {
  remote: { weight: 3, kind: 'personal' }, // "send me a photo of the rash", "comment your symptoms and I'll tell you"
  diagnosis: { weight: 3, kind: 'diagnosis' }, // "you have a sinus infection", "lo que tienes es ansiedad"
  assessment: { weight: 2, kind: 'diagnosis' }, // "it's probably just a virus", "no hace falta ir a urgencias"
  treatment: { weight: 3, kind: 'treatment' }, // "take ibuprofen", "toma un antibiótico", "prendi la tachipirina"
  change: { weight: 3, kind: 'treatment' }, // "stop taking your statins", "deja la medicación", "sospendi la terapia"
  caution: { weight: 2, kind: 'treatment' }, // "don't give him ibuprofen", "you don't need antibiotics"
  instruction: { weight: 0 }, // an instruction verb ("take", "give", "apply"): makes a dose in the sentence an order
  dose: { weight: 1, kind: 'dose' }, // "400 mg", "20 gotas", "2 compresse"
  regimen: { weight: 1, kind: 'dose' }, // "every 8 hours", "dos veces al día", "per 5 giorni": counts only near a treatment
  personal: { weight: 1, kind: 'personal' }, // "in your case", "if I were you", "your test results"
  symptomReference: { weight: 1, kind: 'personal' }, // "with those symptoms", "por lo que cuentas"
  treatmentMention: { weight: 0 }, // a drug or medication word: lets a regimen count; +1 in a reply
  secondPerson: { weight: 1 }, // you, tu, hai…
  vocative: { weight: 1 }, // "@maria,", "Hola Ana,"
};

/** Cues that do something to someone: a sentence is advice only when one of them fires (see isAdvice). */
export const ACT_CATEGORIES: ReadonlySet<CueCategory> = new Set(
  (Object.entries(CUE_RULES) as Array<[CueCategory, { kind?: FindingKind }]>).filter(([, cue]) => cue.kind).map(([category]) => category),
);

/** How much each education marker lowers the score. */
const MARKER_WEIGHTS: Record<MarkerCategory, number> = {
  consult: -1, // "talk to your doctor", "pide cita", "prenota una visita"
  deferral: -3, // "as prescribed", "without talking to your doctor first", "senza consultare il medico"
  generic: -2, // "adults", "people with diabetes", "los pacientes", "chi soffre di"
  authority: -2, // "the WHO recommends", "según la OMS", "secondo l'ISS"
  general: -1, // "in general", "por lo general", "di solito"
  disclaimer: -1, // "for information only", "no sustituye la consulta"
};

/** A dose or schedule given with an instruction verb ("take 2 tablets") or in a reply is an order, not a figure (once per sentence). */
const INSTRUCTED_DOSE_BONUS = 2;
/** Being in a reply to one person: +1 on every sentence, a drug name +1, a dose counts as instructed. */
const REPLY_BONUS = 1;
const REPLY_TREATMENT_MENTION_BONUS = 1;
/** A diagnosis put as a question ("could it be anxiety?") counts less, and not at all outside replies. */
const QUESTION_PENALTY = 1;

export const DEFAULT_THRESHOLD = 3;

export interface SentenceContext {
  /** The draft is a reply to one person and replies are judged strictly. */
  strictReply: boolean;
}

export interface CueHit {
  category: CueCategory;
  text: string;
  start: number;
  end: number;
}

export interface SentenceVerdict {
  score: number;
  kind: FindingKind | undefined;
  /** The act that fired, to name in the message. */
  cue: CueHit | undefined;
  cues: CueHit[];
  markers: MarkerCategory[];
}

/**
 * Whether the `position`-th pattern of a category can match the sentence at all (from a literal prefilter);
 * patterns that cannot are not run.
 */
export type PatternGate = (group: 'cues' | 'markers', category: string, position: number) => boolean;

const RUN_EVERY_PATTERN: PatternGate = () => true;

/** Scores a sentence (already prepared: see prepareForMatching). */
export function scoreSentence(
  text: string,
  lexicon: CompiledLexicon,
  context: SentenceContext,
  canMatch: PatternGate = RUN_EVERY_PATTERN,
  /** Stop once no act fires: the verdict then has no cue, and its score and other cues are not worked out. */
  onlyWithAct = false,
): SentenceVerdict {
  const cues: CueHit[] = [];
  const isQuestion = /\?\s*\S{0,12}$/u.test(text) || /^\s*¿/u.test(text);
  const { cueLists, markerLists } = categoryLists(lexicon);
  const hitOf = (category: CueCategory, patterns: LexiconPattern[]): CueHit | undefined => {
    const hit = firstHit(text, patterns, category, lexicon, canMatch);
    if (hit && (category === 'diagnosis' || category === 'assessment') && isQuestion && !context.strictReply) return undefined;
    return hit;
  };
  // The acts first, when only a sentence with one matters (most sentences have none: 14,000 of the 18,000 of the
  // 3,000-draft bench corpus that the literal scan lets through); the cues then go in their own order, as ever.
  const actHits: Array<CueHit | undefined> = [];
  if (onlyWithAct) {
    let anyAct = false;
    cueLists.forEach(([category, patterns], index) => {
      if (!ACT_CATEGORIES.has(category)) return;
      actHits[index] = hitOf(category, patterns);
      if (actHits[index]) anyAct = true;
    });
    if (!anyAct) return { score: 0, kind: undefined, cue: undefined, cues: [], markers: [] };
  }
  cueLists.forEach(([category, patterns], index) => {
    const hit = onlyWithAct && ACT_CATEGORIES.has(category) ? actHits[index] : hitOf(category, patterns);
    if (hit) cues.push(hit);
  });
  const markers: MarkerCategory[] = [];
  for (const [category, patterns] of markerLists) {
    for (let position = 0; position < patterns.length; position += 1) {
      if (canMatch('markers', category, position) && test(patterns[position].regex, text)) {
        markers.push(category);
        break;
      }
    }
  }

  const has = (category: CueCategory) => cues.some((cue) => cue.category === category);
  let score = 0;
  const acts: Array<{ hit: CueHit; weight: number }> = [];
  // A schedule ("twice a day") is about a treatment only when one is named or dosed: not "brush twice a day".
  const regimenCounts = has('treatmentMention') || has('dose');
  const instructed = has('instruction') || context.strictReply;
  let dosingBonusGiven = false;
  for (const hit of cues) {
    let weight = CUE_RULES[hit.category].weight;
    if (hit.category === 'regimen' && !regimenCounts) continue;
    if ((hit.category === 'dose' || hit.category === 'regimen') && instructed && !dosingBonusGiven) {
      weight += INSTRUCTED_DOSE_BONUS;
      dosingBonusGiven = true;
    }
    if ((hit.category === 'diagnosis' || hit.category === 'assessment') && isQuestion) weight -= QUESTION_PENALTY;
    if (hit.category === 'treatmentMention' && context.strictReply) weight += REPLY_TREATMENT_MENTION_BONUS;
    if (hit.category === 'vocative' && context.strictReply) continue; // "@ana" opening a reply is the reply itself
    score += weight;
    if (CUE_RULES[hit.category].kind) acts.push({ hit, weight });
  }
  if (context.strictReply) score += REPLY_BONUS;
  for (const marker of markers) score += MARKER_WEIGHTS[marker];

  acts.sort((a, b) => b.weight - a.weight || a.hit.start - b.hit.start);
  const strongest = acts[0]?.hit;
  return {
    score,
    kind: strongest ? CUE_RULES[strongest.category].kind : undefined,
    cue: strongest,
    cues,
    markers,
  };
}

export function isAdvice(verdict: SentenceVerdict, threshold = DEFAULT_THRESHOLD): boolean {
  return verdict.cue !== undefined && verdict.score >= threshold;
}

/**
 * Each lexicon's categories as lists, made once: every sentence of every draft walks them (Object.entries and a
 * closure per category and sentence were ~40 KB of garbage a draft).
 */
const categoryListsOf = new WeakMap<CompiledLexicon, { cueLists: Array<[CueCategory, LexiconPattern[]]>; markerLists: Array<[MarkerCategory, LexiconPattern[]]> }>();

function categoryLists(lexicon: CompiledLexicon) {
  let lists = categoryListsOf.get(lexicon);
  if (!lists) {
    lists = {
      cueLists: Object.entries(lexicon.cues) as Array<[CueCategory, LexiconPattern[]]>,
      markerLists: Object.entries(lexicon.markers) as Array<[MarkerCategory, LexiconPattern[]]>,
    };
    categoryListsOf.set(lexicon, lists);
  }
  return lists;
}

/** The first match of any pattern of a category; diagnosis cues framed as hypotheses ("if you have…") are skipped. */
function firstHit(text: string, patterns: LexiconPattern[], category: CueCategory, lexicon: CompiledLexicon, canMatch: PatternGate): CueHit | undefined {
  const checksHypothesis = category === 'diagnosis' || category === 'assessment';
  let best: CueHit | undefined;
  // exec() on the shared global pattern, not matchAll(): matchAll clones the RegExp on every call, which costs
  // far more than the match itself on the lexicon's large alternations.
  for (let position = 0; position < patterns.length; position += 1) {
    if (!canMatch('cues', category, position)) continue;
    const pattern = patterns[position].regex;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      if (match[0].length === 0) {
        pattern.lastIndex = start + 1;
        continue;
      }
      if (checksHypothesis && lexicon.hypothetical && isHypothetical(text, start, lexicon.hypothetical)) continue;
      if (!best || start < best.start) best = { category, text: match[0].trim(), start, end: start + match[0].length };
      break;
    }
    pattern.lastIndex = 0;
  }
  return best;
}

/** Whether the words just before `start` (in the same clause) frame what follows as a hypothesis. */
function isHypothetical(text: string, start: number, hypothetical: RegExp): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return hypothetical.test(before);
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/**
 * Same-length normalisation so that offsets still point into the sentence: typographic apostrophes and quotes
 * become ASCII, no-break and other spaces become ' '.
 */
export function prepareForMatching(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ');
}
