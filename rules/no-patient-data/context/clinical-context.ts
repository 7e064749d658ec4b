// Shared questions about a stretch of text: is it about care (conditions, clinical events, patient words)?
import { compilePattern, matchPattern, sourcesMatchingIn } from '../../../src/rule-helpers.js';
import type { Sentence } from '../../../src/types.js';

/** Whether any of the patterns matches the text. */
export function matchesAny(text: string, patterns: readonly string[]): boolean {
  return sourcesMatchingIn(text, patterns).some((pattern) => compilePattern(pattern).test(text));
}

/** All matches of a list of patterns, in text order. */
export function allMatches(text: string, patterns: readonly string[]): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  for (const pattern of sourcesMatchingIn(text, patterns)) {
    for (const match of matchPattern(text, pattern)) found.push({ start: match.start, end: match.end, text: match.match });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The sentence (visible-text offsets) containing `offset`, or a window around it. */
export function sentenceAround(sentences: readonly Sentence[], text: string, offset: number): { start: number; end: number } {
  const sentence = sentences.find((candidate) => candidate.start <= offset && offset < candidate.end);
  if (sentence) return { start: sentence.start, end: sentence.end };
  return { start: Math.max(0, offset - 150), end: Math.min(text.length, offset + 150) };
}

/** The sentence containing `offset` and the one after it. */
export function sentenceAndNext(sentences: readonly Sentence[], text: string, offset: number): { start: number; end: number } {
  const index = sentences.findIndex((candidate) => candidate.start <= offset && offset < candidate.end);
  if (index < 0) return sentenceAround(sentences, text, offset);
  const next = sentences[index + 1];
  return { start: sentences[index].start, end: next ? next.end : sentences[index].end };
}
