import { RuleTester } from '../../src/rule-tester.js';
import rule, { removeTrackingParameters } from '../../rules/link-tracking/index.js';
import { describe, it, expect } from 'vitest';

const draft = (body: string) => `---\nplatform: facebook\n---\n${body}\n`;

describe('removeTrackingParameters', () => {
  const tracked = (name: string) => name.startsWith('utm_') || name === 'fbclid';
  it('keeps other parameters and the fragment', () => {
    expect(removeTrackingParameters('https://a.es/x?id=4&utm_source=nl&fbclid=Iw#top', tracked)).toEqual({ url: 'https://a.es/x?id=4#top', removed: ['utm_source', 'fbclid'] });
    expect(removeTrackingParameters('https://a.es/x?utm_source=nl', tracked).url).toBe('https://a.es/x');
    expect(removeTrackingParameters('https://a.es/x?id=1', tracked).removed).toEqual([]);
  });
});

new RuleTester().run(rule, {
  valid: [
    draft('Pide cita: https://sonrisa.es/cita?servicio=limpieza'),
    draft('Fuente: https://www.who.int/es/news-room/fact-sheets/detail/oral-health#key-facts'),
    { code: draft('Read https://sonrisa.es/floss?utm_source=newsletter'), options: { allowParameters: ['utm_*'] } },
    draft('A sentence about utm_source without a link'),
  ],
  invalid: [
    {
      code: draft('Read more: https://sonrisa.es/floss?utm_source=newsletter&utm_medium=email'),
      errors: [{ kind: 'campaign', message: 'link carries campaign tracking parameters (utm_source, utm_medium)', line: 4, column: 12 }],
      output: draft('Read more: https://sonrisa.es/floss'),
    },
    {
      code: draft('Mira el vídeo https://youtu.be/abc123?si=Xy7_secret'),
      errors: [{ kind: 'click-id', message: /click id \(si\)/ }],
      output: draft('Mira el vídeo https://youtu.be/abc123'),
    },
    {
      code: draft('[Guida](https://sonrisa.it/guida?id=4&fbclid=IwAR0x) e <https://sonrisa.it/?gclid=abc>'),
      errors: [{ kind: 'click-id', column: 1 }, { kind: 'click-id' }],
      output: draft('[Guida](https://sonrisa.it/guida?id=4) e <https://sonrisa.it/>'),
    },
    {
      name: 'campaign tags kept on purpose, click ids still removed',
      code: draft('https://sonrisa.es/x?utm_source=ig&igshid=abc'),
      options: { allowParameters: ['utm_*'] },
      errors: [{ kind: 'click-id' }],
      output: draft('https://sonrisa.es/x?utm_source=ig'),
    },
  ],
});
