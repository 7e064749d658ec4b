// Reading personal names around a cue: capitalised words ("María", "López-Ruiz", "J."), with particles
// ("de la", "di") between them, as a reader would. Case matters here, so these expressions are written in
// code (the lexicon's patterns are case-insensitive).
import { compilePattern, foldText } from '../../../src/rule-helpers.js';
import { type LoadedLexicon, perLexicon } from '../lexicon.js';

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)?";
const INITIAL = '\\p{Lu}\\.';
const TOKEN = new RegExp(`^(?:${NAME_WORD}|${INITIAL})(?![\\p{L}\\p{N}])`, 'u');
const MENTION = /^@[\p{L}\p{N}_]{2,30}/u;

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  /** The name's words, without particles and honorifics. */
  tokens: string[];
  honorific: boolean;
  /** An @handle rather than a written name. */
  mention: boolean;
}

/** The lexicon's name-reading expressions, built once per lexicon. */
const namePatterns = perLexicon((lexicon) => {
  const honorifics = lexicon.honorifics.join('|');
  const particle = lexicon.nameParticles.length > 0 ? `(?:(?:${lexicon.nameParticles.map(escapeWord).join('|')}) ){0,2}` : '';
  return {
    /** A courtesy title at the start: "Sra. ", "Mr ". */
    honorificAtStart: lexicon.honorifics.length > 0 ? compilePattern(`^(?:${honorifics})(?![\\p{L}])\\.?\\s+`, 'iu') : undefined,
    /** A courtesy title at the end: right before a name. */
    honorificAtEnd: lexicon.honorifics.length > 0 ? compilePattern(`(?:${honorifics})\\.?\\s+$`, 'iu') : undefined,
    /** ", who" at the end: between a name and what happened to the person. */
    relativeAtEnd: lexicon.relativePronouns.length > 0 ? compilePattern(`,\\s*(?:${lexicon.relativePronouns.join('|')})\\s*$`, 'iu') : undefined,
    /** Capitalised words (and particles between them) at the end. */
    nameAtEnd: new RegExp(`(?<![\\p{L}\\p{M}])(?:${NAME_WORD}|${INITIAL})(?: ${particle}(?:${NAME_WORD}|${INITIAL})){0,3}$`, 'u'),
    staffTitleAtEnd: lexicon.staffTitles.length > 0 ? compilePattern(`(?:${lexicon.staffTitles.join('|')})\\.?\\s*$`, 'iu') : undefined,
    staffRoleAtStart: lexicon.staffRoles.length > 0 ? compilePattern(`^[\\s,:–(-]{0,4}(?:${lexicon.staffRoles.join('|')})`, 'iu') : undefined,
  };
});

/** The name (or @mention) that starts at `offset`, after at most a few spaces, commas or a colon. */
export function readNameAfter(text: string, offset: number, lexicon: LoadedLexicon, allowHonorific = true): NameSpan | undefined {
  let position = offset;
  const lead = /^[\s,:–-]{0,3}/u.exec(text.slice(position, position + 3));
  position += lead ? lead[0].length : 0;
  const mention = MENTION.exec(text.slice(position, position + 32));
  if (mention) {
    return { start: position, end: position + mention[0].length, text: mention[0], tokens: [mention[0]], honorific: false, mention: true };
  }
  const start = position;
  let honorific = false;
  const honorifics = namePatterns(lexicon).honorificAtStart;
  if (allowHonorific && honorifics) {
    const found = honorifics.exec(text.slice(position, position + 20));
    if (found && /^\p{Lu}/u.test(text.slice(position + found[0].length, position + found[0].length + 1))) {
      honorific = true;
      position += found[0].length;
    }
  }
  const tokens: string[] = [];
  let end = position;
  while (tokens.length < 4) {
    const token = TOKEN.exec(text.slice(position, position + 40));
    if (!token) break;
    tokens.push(token[0]);
    end = position + token[0].length;
    // Next: one space, optionally particles ("de la"), and another capitalised word.
    const rest = text.slice(end, end + 20);
    const gap = /^ ((?:[\p{Ll}']{1,4} ){0,2})/u.exec(rest);
    if (!gap) break;
    const particles = gap[1].trim().split(' ').filter(Boolean);
    if (particles.some((word) => !lexicon.particleSet.has(word.toLowerCase()))) break;
    if (!TOKEN.test(text.slice(end + gap[0].length, end + gap[0].length + 40))) break;
    position = end + gap[0].length;
  }
  const trimmed = trimNonNames(tokens, lexicon);
  if (trimmed.length === 0) return undefined;
  if (trimmed.length < tokens.length && tokens[0] !== trimmed[0]) return undefined;
  return { start, end, text: text.slice(start, end), tokens: trimmed, honorific, mention: false };
}

/** The name that ends right before `offset` (an appositive like ", 45," or ", de 45 años," may sit between). */
export function readNameBefore(text: string, offset: number, lexicon: LoadedLexicon): NameSpan | undefined {
  const windowStart = Math.max(0, offset - 90);
  let slice = text.slice(windowStart, offset);
  const patterns = namePatterns(lexicon);
  if (patterns.relativeAtEnd) {
    const relative = patterns.relativeAtEnd.exec(slice);
    if (relative) slice = slice.slice(0, slice.length - relative[0].length);
  }
  const appositive = /(?:,[^,.;:!?\n]{1,35},)?[\s,]*$/u.exec(slice);
  if (appositive) slice = slice.slice(0, slice.length - appositive[0].length);
  const mention = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]{2,30}$/u.exec(slice);
  if (mention) {
    const start = windowStart + (mention.index ?? 0);
    return { start, end: start + mention[0].length, text: mention[0], tokens: [mention[0]], honorific: false, mention: true };
  }
  const found = patterns.nameAtEnd.exec(slice);
  if (!found) return undefined;
  const start = windowStart + (found.index ?? 0);
  const raw = found[0].split(' ').filter((word) => !lexicon.particleSet.has(word.toLowerCase()));
  // Leading non-names are sentence openers ("Ayer María…"): drop them and start at the name.
  let skip = 0;
  while (skip < raw.length && isNonName(raw[skip], lexicon)) skip += 1;
  const tokens = raw.slice(skip);
  if (tokens.length === 0 || tokens.some((token) => isNonName(token, lexicon))) return undefined;
  const nameStart = skip === 0 ? start : start + found[0].indexOf(tokens[0]);
  const honorific = honorificBefore(text, nameStart, lexicon);
  return { start: nameStart, end: start + found[0].length, text: text.slice(nameStart, start + found[0].length), tokens, honorific, mention: false };
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isNonName(token: string, lexicon: LoadedLexicon): boolean {
  return lexicon.notNameSet.has(foldText(token.replace(/\.$/, '')));
}

function trimNonNames(tokens: string[], lexicon: LoadedLexicon): string[] {
  const kept: string[] = [];
  for (const token of tokens) {
    if (isNonName(token, lexicon)) break;
    kept.push(token);
  }
  return kept;
}

function honorificBefore(text: string, nameStart: number, lexicon: LoadedLexicon): boolean {
  const pattern = namePatterns(lexicon).honorificAtEnd;
  return pattern !== undefined && pattern.test(text.slice(Math.max(0, nameStart - 20), nameStart));
}

/** A clinician's title right before the name ("Dr.", "Dra.", "dott.ssa"): the person is staff. */
export function hasStaffTitleBefore(text: string, nameStart: number, lexicon: LoadedLexicon): boolean {
  const pattern = namePatterns(lexicon).staffTitleAtEnd;
  return pattern !== undefined && pattern.test(text.slice(Math.max(0, nameStart - 25), nameStart));
}

/** A staff role right after the name (", our new cardiologist"). */
export function hasStaffRoleAfter(text: string, nameEnd: number, lexicon: LoadedLexicon): boolean {
  const pattern = namePatterns(lexicon).staffRoleAtStart;
  return pattern !== undefined && pattern.test(text.slice(nameEnd, nameEnd + 60));
}

/** Whether a written name is one of settings.allowedNames (staff, public figures): all its words are in one. */
export function isAllowedName(name: NameSpan, allowedNames: readonly string[]): boolean {
  if (name.mention) {
    const handle = foldText(name.text.slice(1));
    return allowedNames.some((allowed) => foldText(allowed).replace(/^@/, '') === handle);
  }
  const words = name.tokens.map((token) => foldText(token.replace(/\.$/, '')));
  return allowedNames.some((allowed) => {
    const allowedWords = new Set(foldText(allowed).split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean));
    return words.every((word) => allowedWords.has(word) || (word.length === 1 && [...allowedWords].some((candidate) => candidate.startsWith(word))));
  });
}

/** Whether the first word is a known given name. */
export function startsWithGivenName(name: NameSpan, lexicon: LoadedLexicon): boolean {
  return !name.mention && lexicon.givenNameSet.has(foldText(name.tokens[0]));
}
