// libphonenumber-js (~30 ms to import) is loaded only when a draft has phone-like digits: pre-commit runs over
// drafts without numbers never pay for it. Vitest runs each test file in its own process.
import { lintDraftWithRule } from '../../src/rule-tester.js';
import rule from './index.js';
import { phoneLibraryLoaded } from './identifiers/phone.js';

it('loads the phone library on the first draft with phone-like digits, not before', async () => {
  await lintDraftWithRule(rule, { code: '---\nlang: en\n---\nFlu season is here: 5 tips to stay well in 2026. Our patient portal is open.\n' });
  expect(phoneLibraryLoaded()).toBe(false);
  const findings = await lintDraftWithRule(rule, { code: '---\nlang: es\n---\nLlamad a su hija al 612 345 678.\n' });
  expect(findings.map((finding) => finding.kind)).toEqual(['phone']);
  expect(phoneLibraryLoaded()).toBe(true);
});
