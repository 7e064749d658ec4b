// Findings never print a detected value in full: not in the message, the suggestion or the fingerprint text.
// (CI logs are widely visible.) The lead extends this to every formatter.
import { resolve } from 'node:path';
import { parsePost } from '../../src/post.js';
import { defaultSettings, mergeSettings } from '../../src/settings.js';
import { lintDraftWithRule } from '../../src/rule-tester.js';
import type { ReportDescriptor } from '../../src/types.js';
import rule from './index.js';
import { detectPatientData } from './detect.js';

const body = [
  'Our patient Maria López, 45, recovered from breast cancer. Call her daughter at +34 612 345 678 or 333 123 4567,',
  'or write to maria.lopez@gmail.com. DNI 12345678Z, NIE X9613851N, CF RSSMRA85T10A562S, SSN 536-22-8790,',
  'NHS 943 476 5919, IBAN ES91 2100 0418 4502 0005 1332, card 4012 8888 8888 1881, MRN 4471823, DOB 12/03/1978.',
  'La señora García, operada ayer de cadera, está en la habitación 214. Vive en Calle del Pez 14.',
  'A 45-year-old woman from Getafe with a stroke came in yesterday. Get well soon, @lucy_runs!',
].join('\n');
const code = `---\nplatform: instagram\ntype: testimonial\nmedia:\n  - src: rx-torax-garcia.jpg\n    alt: Radiografía de la señora García\n---\n${body}\n`;

function valueForms(value: string): string[] {
  const forms = [value, value.replace(/[\s\-./]/g, '')];
  // Each word of a name, and the digits of a number, must not appear whole either.
  for (const word of value.split(/[\s,]+/)) if (/^\p{Lu}\p{Ll}{2,}/u.test(word) && !/^(Calle|Via)$/.test(word)) forms.push(word);
  return forms.filter((form) => form.length >= 4);
}

describe('masking', () => {
  it('no finding contains a detected value in full', async () => {
    const settings = mergeSettings(defaultSettings(), { phoneRegions: ['ES', 'IT', 'US', 'GB'] });
    const { post } = await parsePost(code, { path: resolve('draft.md'), displayPath: 'draft.md', settings });
    const detections = detectPatientData(post, settings, { ignoreKinds: [], allowedValues: [], medicalRecordPatterns: [], allowRoleMailboxes: true });
    const kinds = new Set(detections.map((detection) => detection.kind));
    for (const kind of ['phone', 'email', 'es-dni', 'es-nie', 'it-fiscal-code', 'us-ssn', 'uk-nhs', 'iban', 'payment-card', 'medical-record', 'date-of-birth', 'patient-name', 'age-condition-place', 'room-bed', 'address', 'testimonial-consent', 'image-consent']) {
      expect(kinds, kind).toContain(kind);
    }

    const reported: ReportDescriptor[] = [];
    rule.check({ post, settings, options: { ignoreKinds: [], allowedValues: [], medicalRecordPatterns: [], allowRoleMailboxes: true }, report: (descriptor) => reported.push(descriptor) });
    expect(reported.length).toBe(detections.length);
    const printed = reported.map((descriptor) => `${descriptor.message}\n${descriptor.suggestion ?? ''}\n${descriptor.fingerprintText ?? ''}`).join('\n');
    for (const detection of detections) {
      for (const form of valueForms(detection.value)) expect(printed, `${detection.kind}: ${form}`).not.toContain(form);
    }
    for (const descriptor of reported) expect(descriptor.fingerprintText, descriptor.message).toBeTruthy();

    const findings = await lintDraftWithRule(rule, { code, settings });
    for (const finding of findings) expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

});
