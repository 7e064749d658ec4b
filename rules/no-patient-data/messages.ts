// What no-patient-data says about each kind: what was found (masked), why it matters, and the fix.
import type { Detection, PatientDataKind } from './detection.js';

interface KindText {
  message(detection: Detection): string;
  suggestion: string;
}

const REMOVE_IDENTIFIER = 'remove it: a post never needs it, even with the person\'s consent';

export const KIND_TEXTS: Record<PatientDataKind, KindText> = {
  phone: {
    message: (d) => `phone number ${d.masked} is not one of the organisation's published numbers: a personal number must not be published`,
    suggestion: "remove it or use the clinic's published number; if it is the clinic's, add it to settings.contact.phones",
  },
  email: {
    message: (d) => `e-mail address ${d.masked} is not the organisation's: a personal address must not be published`,
    suggestion: "remove it or use the clinic's address; add your own domains to settings.ownDomains",
  },
  'es-dni': {
    message: (d) => `Spanish DNI ${d.masked} (its check letter is valid): an identity document number must never be published`,
    suggestion: REMOVE_IDENTIFIER,
  },
  'es-nie': {
    message: (d) => `Spanish NIE ${d.masked} (its check letter is valid): an identity document number must never be published`,
    suggestion: REMOVE_IDENTIFIER,
  },
  'it-fiscal-code': {
    message: (d) => `Italian codice fiscale ${d.masked} (its check character is valid): it encodes a person's name, birth date and birthplace`,
    suggestion: REMOVE_IDENTIFIER,
  },
  'us-ssn': {
    message: (d) => `US Social Security number ${d.masked}: an identity number must never be published`,
    suggestion: REMOVE_IDENTIFIER,
  },
  'uk-nhs': {
    message: (d) => `NHS number ${d.masked} (its check digit is valid): it identifies a patient`,
    suggestion: REMOVE_IDENTIFIER,
  },
  iban: {
    message: (d) => `IBAN ${d.masked} (its checksum is valid): bank details of a person must not be published`,
    suggestion: "remove it; if it is the organisation's account for donations, add it to the rule's allowedValues option",
  },
  'payment-card': {
    message: (d) => `payment card number ${d.masked} (it passes the Luhn check): card numbers must never be published`,
    suggestion: REMOVE_IDENTIFIER,
  },
  'medical-record': {
    message: (d) => `medical record or case number ${d.masked}: it identifies a patient (HIPAA identifier H)`,
    suggestion: 'remove the number; tell the case, if at all, without anything that identifies the patient',
  },
  'date-of-birth': {
    message: (d) => `date of birth ${d.masked}: a birth date identifies a person (HIPAA allows the year alone)`,
    suggestion: 'remove the date or keep only the year, and record consent if the person is a patient',
  },
  'patient-name': {
    message: (d) => `${d.masked} is named in a clinical context: a patient must not be identifiable without recorded consent`,
    suggestion:
      "anonymise (no name, initials or handle) or record the patient's written consent in front matter (consent: <form id>); staff and public figures go in settings.allowedNames",
  },
  'age-condition-place': {
    message: (d) => `one person is described by age (${d.masked}), a condition and ${d.detail ?? 'a place'}: together they identify a patient`,
    suggestion: "remove the age or the place and date, or record the patient's consent in front matter (consent: <form id>)",
  },
  'room-bed': {
    message: (d) => `${d.masked}: a room or bed number points to one patient`,
    suggestion: 'remove the room or bed number',
  },
  address: {
    message: (d) => `street address ${d.masked} of a person: a home address must not be published`,
    suggestion: "remove it; the clinic's own addresses go in settings.contact.addresses",
  },
  'testimonial-consent': {
    message: (d) =>
      d.detail === 'type'
        ? 'testimonial without recorded consent: a patient speaking about their care needs their written authorisation'
        : 'a quote attributed to a patient, without recorded consent in front matter',
    suggestion: "record the patient's written consent in front matter (consent: <form id>), or remove the testimonial",
  },
  'image-consent': {
    message: (d) => `${d.masked} looks like a patient image (${d.detail}) and the draft records no consent`,
    suggestion: "record the patient's consent in front matter (consent: <form id>), or use an image without patients or their records",
  },
  'reply-confirms-patient': {
    message: (d) => `the reply confirms that someone is or was a patient ("${d.masked}"): even that is a disclosure`,
    suggestion: 'answer without confirming any relationship or detail: thank them and invite them to contact the clinic privately',
  },
};
