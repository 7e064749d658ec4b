// The built-in rules. One import and one list entry per rule; the engine learns of rules only through this list.
import type { Rule } from '../src/types.js';
import { builtInDocsUrl } from '../src/docs.js';
import frontMatter from './front-matter/index.js';
import noCompetitorLinks from './no-competitor-links/index.js';
import linkTracking from './link-tracking/index.js';
import vocabulary from './vocabulary/index.js';
import { platformRules } from './platform/index.js';
import healthClaims from './health-claims/index.js';
import adDisclosure from './ad-disclosure/index.js';
import noMedicalAdvice from './no-medical-advice/index.js';
import promoRatio from './promo-ratio/index.js';
import cadence from './cadence/index.js';
import crossPostDuplicate from './cross-post-duplicate/index.js';
import brandConsistency from './brand-consistency/index.js';
import contactDetails from './contact-details/index.js';
import noPatientData from './no-patient-data/index.js';

export const builtInRules: Rule[] = [
  frontMatter,
  noCompetitorLinks,
  linkTracking,
  vocabulary,
  ...platformRules,
  healthClaims,
  adDisclosure,
  noMedicalAdvice,
  promoRatio,
  cadence,
  crossPostDuplicate,
  brandConsistency,
  contactDetails,
  noPatientData,
];

for (const rule of builtInRules) rule.meta.docsUrl ??= builtInDocsUrl(rule.meta.id);
