// no-patient-data: no patient (or other personal) data in a draft: structured identifiers validated by their
// checksums, people named or described in a clinical context, testimonials and patient images without
// consent, and replies that confirm someone is a patient. Values are masked in every message.
import type { PostRule } from '../../src/types.js';
import { sourceRangeOfText } from '../../src/rule-helpers.js';
import { type DetectOptions, TESTIMONIAL_TYPE_MARKER, detectPatientData } from './detect.js';
import { KIND_TEXTS } from './messages.js';

export const PATIENT_DATA_KINDS = Object.keys(KIND_TEXTS);

const rule: PostRule<DetectOptions> = {
  meta: {
    id: 'no-patient-data',
    description:
      'No patient data: phone numbers, e-mails, ID, health and bank numbers, named or recognisable patients, testimonials and patient images without consent, replies that confirm a patient.',
    defaultSeverity: 'error',
    tags: ['privacy', 'patient-data'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoreKinds: {
          type: 'array',
          items: { type: 'string', enum: PATIENT_DATA_KINDS },
          default: [],
          description: 'Kinds not to report, e.g. ["address"].',
        },
        allowedValues: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description: "Values never reported, beyond settings.contact (e.g. the organisation's donation IBAN, a partner's helpline).",
        },
        medicalRecordPatterns: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description: 'Regular expressions of your own record numbers, e.g. "\\\\bHC-\\\\d{6}\\\\b".',
        },
        allowRoleMailboxes: {
          type: 'boolean',
          default: true,
          description: 'Role mailboxes at organisation domains (info@, citas@, prenotazioni@) are not personal addresses.',
        },
      },
    },
  },
  check({ post, options, settings, report }) {
    for (const detection of detectPatientData(post, settings, options)) {
      const texts = KIND_TEXTS[detection.kind];
      let range: { start: number; end: number };
      if (detection.start === TESTIMONIAL_TYPE_MARKER) {
        range = post.frontMatterRange('type') ?? { start: 0, end: 0 };
      } else if (detection.inSource) {
        range = { start: detection.start, end: detection.end };
      } else {
        range = sourceRangeOfText(post, detection.start, detection.end);
      }
      report({
        message: texts.message(detection),
        suggestion: texts.suggestion,
        kind: detection.kind,
        start: range.start,
        end: range.end,
        fingerprintText: `${detection.kind} ${detection.masked} ${detection.detail ?? ''}`,
        // The identifier or the person's words themselves: other rules' quotes of this draft get them masked too.
        sensitive: !NOT_PERSONAL_TEXT.has(detection.kind),
      });
    }
  },
};

/** Kinds whose reported text is a marker of the problem (a front matter key, a phrase), not the personal data. */
const NOT_PERSONAL_TEXT = new Set(['testimonial-consent', 'image-consent', 'reply-confirms-patient']);

export default rule;
