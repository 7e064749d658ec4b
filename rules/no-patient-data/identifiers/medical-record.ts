// Medical record, case and chart numbers: a cue from the lexicon ("MRN", "historia clínica", "cartella
// clinica"), optional connector words ("number", "nº", "n."), then a code with at least four digits.
// Clinics add their own formats (e.g. "HC-\d{6}") with the `medicalRecordPatterns` option.
import { compilePattern, maskValue } from '../../../src/rule-helpers.js';
import { type Detection, execAll } from '../detection.js';

const RECORD_CODE = '([A-Z]{0,4}[-/]?\\d[\\d\\-/.]{2,16}\\d|\\d{4,})';

export function recordNumberPattern(cues: readonly string[], connectors: readonly string[]): string | undefined {
  if (cues.length === 0) return undefined;
  const connector = connectors.length > 0 ? `(?:\\s*(?:${connectors.join('|')}))` : '';
  return `(?:${cues.join('|')})${connector}{0,3}[\\s:#.\\-–]{0,4}${RECORD_CODE}(?![\\p{L}\\p{N}])`;
}

export function findMedicalRecordNumbers(text: string, cuePattern: string | undefined, customPatterns: readonly string[]): Detection[] {
  const found: Detection[] = [];
  if (cuePattern) {
    for (const match of execAll(compilePattern(cuePattern), text)) {
      const code = match[1];
      if (!code || (code.match(/\d/g) ?? []).length < 4) continue;
      // A year alone ("historia clínica desde 2019") is not a record number: the code must follow the cue's
      // connectors directly, which the pattern ensures; plain 4-digit years are still excluded here.
      if (/^(19|20)\d{2}$/.test(code)) continue;
      const end = (match.index ?? 0) + match[0].length;
      const start = end - code.length;
      found.push({ kind: 'medical-record', start, end, value: code, masked: maskValue(code, 0, 2) });
    }
  }
  for (const pattern of customPatterns) {
    for (const match of execAll(compilePattern(pattern), text)) {
      const start = match.index ?? 0;
      const value = match[0];
      if (value.length === 0) continue;
      found.push({ kind: 'medical-record', start, end: start + value.length, value, masked: maskValue(value, 0, 2) });
    }
  }
  return found;
}
