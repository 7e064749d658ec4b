import { describe, it, expect } from 'vitest';
import { parsePost } from '../src/post.js';
import { defaultSettings } from '../src/settings.js';
import { platformRegistry } from '../src/platforms.js';

const settings = defaultSettings();
const parse = (code: string) =>
  parsePost(code, { path: '/tmp/d.md', displayPath: 'd.md', settings, platformAliases: platformRegistry(settings).aliases });

describe('parsePost', () => {
  it('reads front matter, visible text, links, hashtags and mentions with source positions', async () => {
    const code = '---\nplatform: IG\nlang: es\n---\n# Hola\n\nVisita [nuestra web](https://clinica.es) y **pide cita** #salud @drlopez\nhttps://www.rival.com/x o rival2.es.\n<!-- medpost-disable -->\n';
    const { post, problems } = await parse(code);
    expect(problems).toEqual([]);
    expect(post.meta.platforms).toEqual(['instagram']);
    expect(post.language).toBe('es');
    expect(post.text.value).toContain('Visita nuestra web y pide cita #salud @drlopez');
    expect(post.text.value).not.toContain('medpost-disable');
    expect(post.links.map((link) => [link.url, link.form])).toEqual([
      ['https://clinica.es', 'markdown'], ['https://www.rival.com/x', 'bare'], ['rival2.es', 'bare'],
    ]);
    const tag = post.hashtags[0];
    expect(tag.value).toBe('salud');
    expect(code.slice(tag.start, tag.end)).toBe('#salud');
    expect(post.pointAt(tag.start).line).toBe(7);
    expect(code.slice(post.mentions[0].start, post.mentions[0].end)).toBe('@drlopez');
    const range = post.frontMatterRange('lang')!;
    expect(code.slice(range.start, range.end)).toBe('es');
  });

  it('finds addresses right after punctuation, which GFM leaves as text, at their place in the file', async () => {
    const code = '---\nlang: es\n---\nHola.\n\nVisita "www.rival.es" o (https://otra.es/a_b), !www.tercera.it y "https://cuarta.es/x?q=1".\n';
    const { post } = await parse(code);
    const found = post.links.map((link) => [code.slice(link.start, link.end), post.pointAt(link.start).line]);
    expect(found).toEqual([['www.rival.es', 6], ['https://otra.es/a_b', 6], ['www.tercera.it', 6], ['https://cuarta.es/x?q=1', 6]]);
    // Each link's text maps back to its own place (it once mapped to the start of the file).
    const at = post.text.value.indexOf('www.rival.es');
    expect(post.text.toSource(at)).toBe(code.indexOf('www.rival.es'));
    // An address with a scheme is one however its top-level domain is written; without, 'Dr.House' is a name.
    expect((await parse('See https://example.ai and Dr.House and notes.md\n')).post.links.map((link) => link.url)).toEqual(['https://example.ai']);
  });

  it('reports invalid YAML at its line and still parses the body', async () => {
    const { post, problems } = await parse('---\ntitle: [unclosed\n---\nHello there\n');
    expect(problems).toHaveLength(1);
    expect(post.text.value.trim()).toBe('Hello there');
  });

  it('refuses YAML alias bombs', async () => {
    const bomb = '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nx\n';
    const { problems } = await parse(bomb);
    expect(problems[0].message).toMatch(/alias|refused/i);
  });

  it('handles BOM and CRLF', async () => {
    const { post, problems } = await parse('\ufeff---\r\nlang: it\r\n---\r\nCiao #salute\r\n');
    expect(problems).toEqual([]);
    expect(post.meta.lang).toBe('it');
    expect(post.pointAt(post.hashtags[0].start)).toMatchObject({ line: 4, column: 6 });
  });

  it('detects language when lang is missing', async () => {
    const { post } = await parse('---\nplatform: x\n---\nLa prevenzione è la migliore cura: prenota il tuo controllo annuale dal medico di famiglia.\n');
    expect(post.language).toBe('it');
    expect(post.languageSource).toBe('detected');
  });
});

describe('splitSentences', () => {
  it('splits short lines with Intl.Segmenter and long lines by punctuation, covering all the text', async () => {
    const { splitSentences } = await import('../src/post.js');
    expect(splitSentences('Hola. ¿Qué tal? Bien\nOtra línea', 'es').map((sentence) => sentence.text)).toEqual(['Hola.', '¿Qué tal?', 'Bien', 'Otra línea']);
    const long = `${'palabra '.repeat(300)}fin. ${'x'.repeat(2500)}`;
    const sentences = splitSentences(long, 'es');
    expect(sentences.length).toBeGreaterThan(2);
    const covered = sentences.reduce((total, sentence) => total + sentence.text.replace(/\s/g, '').length, 0);
    expect(covered).toBe(long.replace(/\s/g, '').length);
    for (const sentence of sentences) expect(long.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
