// Regular expressions run on untrusted text: long adversarial drafts must complete (how long they take is the
// benchmark's business, not an assertion here).
import { lintDraftWithRule } from '../../src/rule-tester.js';
import rule from './index.js';

const adversarial = [
  '1 2 3 4 5 6 7 8 9 0 '.repeat(3000),
  'Aaaa Bbbb Cccc '.repeat(3000) + 'was diagnosed',
  'ES91 '.repeat(5000),
  'a@b.'.repeat(5000),
  'our patient '.repeat(3000),
  'Calle Mayor Mayor Mayor '.repeat(2000),
];

it.each(adversarial.map((text, index) => [index, text]))('adversarial draft %i is linted to the end', async (_index, text) => {
  const findings = await lintDraftWithRule(rule, { code: `---\nlang: en\n---\n${text}\n` });
  expect(findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
});
