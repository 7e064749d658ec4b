// Runs every detector of no-patient-data over a draft and resolves overlaps: a span claimed by a stronger,
// checksum-validated identifier (IBAN, card, tax id) is not reported again as a phone number.
import type { OrganisationSettings, Post } from '../../src/types.js';
import { hasRecordedConsent } from '../../src/front-matter.js';
import { type Detection, type PatientDataKind, overlapsAny } from './detection.js';
import { type LoadedLexicon, lexiconFor, perLexicon } from './lexicon.js';
import { CueIndex, type DraftCues } from './cues.js';
import { ownContact } from './own-contact.js';
import { findIbans } from './identifiers/iban.js';
import { findCardNumbers } from './identifiers/payment-card.js';
import { findFiscalCodes } from './identifiers/it-fiscal-code.js';
import { findSpanishIds } from './identifiers/es-dni.js';
import { findSocialSecurityNumbers } from './identifiers/us-ssn.js';
import { findNhsNumbers } from './identifiers/uk-nhs.js';
import { findMedicalRecordNumbers, recordNumberPattern } from './identifiers/medical-record.js';
import { dateOfBirthPattern, findDatesOfBirth } from './identifiers/date-of-birth.js';
import { findEmailAddresses, isOrganisationRoleAddress } from './identifiers/email.js';
import { findPhoneNumbers, parsePhone } from './identifiers/phone.js';
import { findPatientNames, patientNameCues } from './context/patient-name.js';
import { findAgeConditionPlace } from './context/age-condition-place.js';
import { findRoomsAndBeds, roomBedPatterns } from './context/room-bed.js';
import { addressPatterns, findAddresses } from './context/address.js';
import { findPatientImages, findPatientQuotes } from './context/consent.js';
import { findReplyConfirmations } from './context/reply.js';

export interface DetectOptions {
  ignoreKinds: string[];
  allowedValues: string[];
  medicalRecordPatterns: string[];
  allowRoleMailboxes: boolean;
}

/** Kinds that recorded consent covers: a patient who agreed to appear may be named and pictured. */
const COVERED_BY_CONSENT = new Set<PatientDataKind>(['patient-name', 'age-condition-place', 'testimonial-consent', 'image-consent']);

/** Where a testimonial post without consent is reported: no span in the text. */
export const TESTIMONIAL_TYPE_MARKER = -1;

/** Structured-identifier expressions built from the lexicon, once per lexicon. */
const identifierPatterns = perLexicon((lexicon) => ({
  medicalRecord: recordNumberPattern(lexicon.medicalRecordCues, lexicon.recordNumberConnectors),
  dateOfBirth: dateOfBirthPattern(lexicon.dateOfBirthCues, lexicon.months, lexicon.dateConnectors),
}));

/** Every cue list and cue-led expression read over a whole draft, under one prefilter (see cues.ts). */
const cueIndex = perLexicon((lexicon) => {
  const { medicalRecord, dateOfBirth } = identifierPatterns(lexicon);
  const { honorifics } = patientNameCues(lexicon);
  const { numbered } = roomBedPatterns(lexicon);
  return new CueIndex(
    [lexicon.patientIntroducers, honorifics, lexicon.clinicalPredicates, lexicon.clinicalActions, lexicon.wellWishes, lexicon.individualAges, lexicon.testimonialAttributions, lexicon.replyConfirmations],
    [medicalRecord, dateOfBirth, numbered, ...addressPatterns(lexicon).shapes].filter((expression): expression is string => expression !== undefined),
  );
});

export function detectPatientData(post: Post, settings: Readonly<OrganisationSettings>, options: DetectOptions): Detection[] {
  const lexicon = lexiconFor([...settings.languages, post.language]);
  const text = post.text.value;
  const cues = cueIndex(lexicon).scan(text);
  // Split into sentences only when a detector finds a candidate that needs its sentence.
  const sentences = () => post.sentences;
  const own = ownContact(settings, options.allowedValues);
  const structured = findStructuredIdentifiers(text, settings, options, lexicon, cues, own);
  const isReply = post.meta.type === 'reply' || post.meta.replyTo !== undefined;
  const contextual: Detection[] = [
    ...findPatientNames({ text, sentences, lexicon, cues, allowedNames: settings.allowedNames }),
    ...findAgeConditionPlace(text, sentences, lexicon, cues),
    ...findRoomsAndBeds(text, sentences, lexicon, cues),
    ...findAddresses({ text, sentences, lexicon, cues, ownAddresses: settings.contact.addresses, isReply }),
    ...findPatientQuotes(lexicon, cues),
    ...findPatientImages(post.meta.media, lexicon),
  ];
  if (post.meta.type === 'testimonial') {
    contextual.push({ kind: 'testimonial-consent', start: TESTIMONIAL_TYPE_MARKER, end: TESTIMONIAL_TYPE_MARKER, value: '', masked: '', detail: 'type' });
  }
  if (isReply) contextual.push(...findReplyConfirmations(lexicon, cues));
  // A name inside an address or a structured identifier is reported once, as the stronger kind.
  const kept = contextual.filter((detection) => detection.inSource || detection.start < 0 || detection.kind === 'address' || !overlapsAny(detection.start, detection.end, structured));
  // The same person found through two cues ("la señora García" and "García, operada…") is reported once.
  const people = kept.filter((detection) => detection.kind === 'patient-name').sort((a, b) => (b.end - b.start) - (a.end - a.start));
  const duplicates = new Set(people.filter((person, index) => people.slice(0, index).some((other) => overlapsAny(person.start, person.end, [other]))));
  const consent = hasRecordedConsent(post.meta);
  const ignored = new Set(options.ignoreKinds);
  return [...structured, ...kept.filter((detection) => !duplicates.has(detection))]
    .filter((detection) => !ignored.has(detection.kind))
    .filter((detection) => !(consent && COVERED_BY_CONSENT.has(detection.kind)))
    .filter((detection) => !own.isAllowedValue(detection.value));
}

function findStructuredIdentifiers(
  text: string,
  settings: Readonly<OrganisationSettings>,
  options: DetectOptions,
  lexicon: LoadedLexicon,
  cues: DraftCues,
  own: ReturnType<typeof ownContact>,
): Detection[] {
  const claimed: Detection[] = [];
  const claim = (detections: Detection[]) => {
    for (const detection of detections) {
      if (!overlapsAny(detection.start, detection.end, claimed)) claimed.push(detection);
    }
  };
  claim(findIbans(text));
  claim(findCardNumbers(text));
  claim(findFiscalCodes(text));
  claim(findSpanishIds(text));
  claim(findSocialSecurityNumbers(text, lexicon.ssnContext));
  // A ten-digit 3-3-4 number that passes mod 11 is an NHS number when "NHS" is near, or when it is no phone number.
  claim(findNhsNumbers(text, lexicon.nhsContext).filter((candidate) => candidate.hasContext || !parsePhone(candidate.value, settings.phoneRegions)));
  // The lexicon's record and birth-date expressions run only when their cue words occur.
  const { medicalRecord, dateOfBirth } = identifierPatterns(lexicon);
  claim(findMedicalRecordNumbers(text, medicalRecord && cues.mayMatch(medicalRecord) ? medicalRecord : undefined, options.medicalRecordPatterns));
  claim(findDatesOfBirth(text, dateOfBirth && cues.mayMatch(dateOfBirth) ? dateOfBirth : undefined));
  claim(
    findEmailAddresses(text).filter(
      (email) => !own.isOwnEmail(email.value) && !(options.allowRoleMailboxes && isOrganisationRoleAddress(email, lexicon.roleMailboxes, lexicon.webmailDomains)),
    ),
  );
  // E-mail addresses and URLs contain digits that are not phone numbers.
  const phoneCandidates = mightContainPhoneNumber(text)
    ? findPhoneNumbers(text, { regions: settings.phoneRegions, notPhoneContext: lexicon.notPhoneContext })
    : [];
  claim(phoneCandidates.filter((phone) => !own.isOwnPhone(phone.e164, phone.value) && !insideUrlOrEmail(text, phone.start)));
  return claimed.sort((a, b) => a.start - b.start);
}

/** At least six digits within a short stretch: only then is the phone library loaded. */
function mightContainPhoneNumber(text: string): boolean {
  return /\d(?:[\s().\-+]{0,3}\d){5}/.test(text);
}

function insideUrlOrEmail(text: string, offset: number): boolean {
  const tokenStart = Math.max(text.lastIndexOf(' ', offset), text.lastIndexOf('\n', offset)) + 1;
  const token = text.slice(tokenStart, offset);
  return /[@/]|https?:|www\./i.test(token);
}
