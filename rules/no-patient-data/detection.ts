// What every detector of no-patient-data returns: a kind, a span and the (never printed) value.

export type PatientDataKind =
  | 'phone' | 'email' | 'es-dni' | 'es-nie' | 'it-fiscal-code' | 'us-ssn' | 'uk-nhs' | 'iban' | 'payment-card'
  | 'medical-record' | 'date-of-birth'
  | 'patient-name' | 'age-condition-place' | 'room-bed' | 'address'
  | 'testimonial-consent' | 'image-consent' | 'reply-confirms-patient';

export interface Detection {
  kind: PatientDataKind;
  /** Offsets in the visible text (post.text.value), unless `inSource` is true. */
  start: number;
  end: number;
  /** The detected value as written: used for comparisons only, never printed. */
  value: string;
  /** The value as it may be printed (masked). */
  masked: string;
  /** Offsets are already source-file offsets (front matter, media). */
  inSource?: boolean;
  /** A short extra detail for the message (already safe to print). */
  detail?: string;
}

/** Whether [start, end) overlaps a range already claimed. */
export function overlapsAny(start: number, end: number, claimed: ReadonlyArray<{ start: number; end: number }>): boolean {
  return claimed.some((range) => start < range.end && range.start < end);
}

/** Digits only: "+34 612-345 678" -> "34612345678". */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** The text just before `offset` (up to `width` characters), for context words. */
export function textBefore(text: string, offset: number, width: number): string {
  return text.slice(Math.max(0, offset - width), offset);
}

/** The text just after `offset` (up to `width` characters). */
export function textAfter(text: string, offset: number, width: number): string {
  return text.slice(offset, offset + width);
}

/** Whether the characters around [start, end) are letters or digits (the match is part of a longer token). */
export function insideLongerToken(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '');
}

/**
 * Every match of a global expression, as `text.matchAll(pattern)` lists them, without the copy of the expression
 * that matchAll makes on every call (on a short draft the copy costs more than the search).
 */
export function execAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0].length === 0) {
      // Step over the empty match, a whole code point in Unicode mode (as matchAll does).
      const index = pattern.lastIndex;
      const pair = pattern.unicode && /[\ud800-\udbff]/.test(text[index] ?? '') && /[\udc00-\udfff]/.test(text[index + 1] ?? '');
      pattern.lastIndex = index + (pair ? 2 : 1);
    }
  }
  pattern.lastIndex = 0;
  return matches;
}
