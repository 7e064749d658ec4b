// Bare domains are found token by token: the tokens read character by character must be exactly those of
// /\S{4,300}/g, and the result that of reading them with it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dottedTokens, findBareDomains } from '../../src/bare-domains.js';

/** Which tokens findBareDomains reads, by the regular expression it replaced: those holding '.' and no '@'. */
function tokensByRegex(text: string): Array<[number, string]> {
  return [...text.matchAll(/\S{4,300}/g)].filter((match) => match[0].includes('.') && !match[0].includes('@')).map((match) => [match.index, match[0]]);
}

describe('findBareDomains', () => {
  it('reads the tokens /\\S{4,300}/g reads, on any text', () => {
    const pieces = ['a', 'clinica.es', 'www.rival.it/promo', 'https://x.es', '.', '@', 'ana@clinica.es', 'Dr.House', ' ', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\t', '\n', '\r\n', '"', '(', '…', 'é', '😷', 'x'.repeat(297), 'y.'.repeat(160)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        const ranges = dottedTokens(text);
        const tokens: Array<[number, string]> = [];
        for (let pair = 0; pair < ranges.length; pair += 2) tokens.push([ranges[pair], text.slice(ranges[pair], ranges[pair + 1])]);
        expect(tokens).toEqual(tokensByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds domains in and around punctuation, and leaves names, files and e-mail addresses', () => {
    expect(findBareDomains('Visita dentalplus.es/ofertas, o "www.rival.it".').map((domain) => domain.value)).toEqual(['dentalplus.es/ofertas', 'www.rival.it']);
    expect(findBareDomains('Dr.House, informe.pdf y config.md, hola@clinica.es')).toEqual([]);
    // A run longer than 300 characters is read 300 at a time, as the regular expression did.
    expect(findBareDomains(`${'a'.repeat(298)}clinica.es`).map((domain) => domain.value)).toEqual(['inica.es']);
  });
});
