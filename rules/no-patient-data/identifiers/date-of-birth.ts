// Dates of birth: a cue from the lexicon ("DOB", "born on", "nacida el", "nato il", "fecha de nacimiento")
// followed by a full date (day and month; HIPAA Safe Harbor allows the year alone, 45 CFR 164.514(b)(2)(i)(C)).
import { compilePattern, maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

/** A date with at least a day and a month, numeric or with month names (any of the given languages). */
export function fullDatePattern(months: readonly string[], connectors: readonly string[]): string {
  const numeric = '\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./\\-]\\d{1,2}[./\\-](?:\\d{4}|\\d{2})(?!\\d)';
  if (months.length === 0) return `(?:${numeric})`;
  // Longest first, so that "dicembre" is not read as "dic".
  const month = `(?:${[...months].sort((a, b) => b.length - a.length).join('|')})\\.?`;
  const of = connectors.length > 0 ? `(?:(?:${connectors.join('|')})\\s+)?` : '';
  const day = '\\d{1,2}(?:st|nd|rd|th|º|°|o)?';
  const year = `(?:,?\\s+${of}\\d{4})?`;
  return `(?:${numeric}|${day}\\s+${of}${month}${year}|${month}\\s+${day}${year})`;
}

export function dateOfBirthPattern(cues: readonly string[], months: readonly string[], connectors: readonly string[]): string | undefined {
  if (cues.length === 0) return undefined;
  // Up to two short words may sit between the cue and the date: "DOB is", "fecha de nacimiento así,".
  return `(?:${cues.join('|')})[\\s:,\\-–(]{0,4}(?:\\p{L}{1,6}[\\s:,]{1,3}){0,2}(${fullDatePattern(months, connectors)})(?![\\p{N}])`;
}

export function findDatesOfBirth(text: string, pattern: string | undefined): Detection[] {
  const found: Detection[] = [];
  if (!pattern) return found;
  for (const match of execAll(compilePattern(pattern), text)) {
    const date = match[1];
    const end = (match.index ?? 0) + match[0].length;
    const start = end - date.length;
    found.push({ kind: 'date-of-birth', start, end, value: date, masked: maskValue(date, 0, 0).replace(/[\p{L}\p{N}]/gu, '•') });
  }
  return found;
}
