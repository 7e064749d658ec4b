// Patient data found in a draft is never printed in full, by any formatter, in any rule's message
// (CI logs are widely visible). The draft below is full of identifiers; one sentence is also medical advice,
// which no-medical-advice quotes: the quote must come out masked too.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, makeProject } from './helpers/cli.js';

const identifiers = {
  phone: '+34 612 345 678',
  email: 'maria.lopez84@gmail.com',
  dni: '12345678Z',
  nie: 'X1234567L',
  fiscalCode: 'RSSMRA85T10A562S',
  ssn: '536-90-4399',
  nhs: '943 476 5919',
  iban: 'ES91 2100 0418 4502 0005 1332',
  card: '4111 1111 1111 1111',
  mrn: '4471823',
  name: 'María López',
  dob: '14/03/1984',
};

const draft = `---
platform: facebook
lang: es
type: info
---
Nuestra paciente ${identifiers.name} (DNI ${identifiers.dni}, NIE ${identifiers.nie}) nació el ${identifiers.dob}.
Su teléfono es ${identifiers.phone} y su correo ${identifiers.email}.
Codice fiscale ${identifiers.fiscalCode}. SSN ${identifiers.ssn}. NHS number ${identifiers.nhs}.
Pagó con la tarjeta ${identifiers.card} desde la cuenta ${identifiers.iban}. MRN ${identifiers.mrn}.

${identifiers.name}, toma 400 mg de ibuprofeno cada 8 horas y llámame al ${identifiers.phone}.
`;

const forms = (value: string) => [value, value.replace(/[\s-]/g, ''), ...value.split(/\s+/).filter((part) => part.length >= 4 && /\d/.test(part) === false && part.length > 4)];

describe('patient data is masked in every output', () => {
  const project = makeProject({ 'drafts/leak.md': draft });

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'codequality']) {
    it(`${format}`, () => {
      const result = runCli(['lint', 'drafts', '--format', format], { cwd: project });
      expect(result.status).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output).toContain('no-patient-data');
      expect(output).toContain('no-medical-advice');
      for (const [kind, value] of Object.entries(identifiers)) {
        for (const form of forms(value)) expect(output, `${kind} (${form}) printed in full`).not.toContain(form);
      }
    });
  }

  it('baseline files keep fingerprints, not values', () => {
    runCli(['lint', 'drafts', '--write-baseline'], { cwd: project });
    const baseline = readFileSync(join(project, '.medpost-baseline.json'), 'utf8');
    for (const value of Object.values(identifiers)) for (const form of forms(value)) expect(baseline).not.toContain(form);
  });
});
