// Prefilters sharing one literal pool give exactly what each gives with its own automaton, however many join it
// and in whatever order texts are scanned.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteralPool } from '../../src/literal-pool.js';
import { PatternPrefilter } from '../../src/pattern-prefilter.js';

const words = ['cura', 'cure', 'take', 'tome', 'prendi', 'dosis', 'mg', 'ſalud', 'SALUD', 'paciente', 'σοφία', 'ΣΟΦΊΑ', 'İlaç', 'gift', '😷', ' ', ', ', '\n'];
const text = fc.array(fc.constantFrom(...words), { maxLength: 15 }).map((parts) => parts.join(''));
const patternList = fc.uniqueArray(
  fc.constantFrom('\\bcura\\b', 'cur(?:a|e)', 'take\\s+\\d+', 'tom[ae]', '\\bprendi\\b', '\\d+\\s?mg', 'salud', 'σοφία', 'ilaç', 'gift|regalo', '\\bdosis\\b', 'paciente\\s+de', '😷', '\\d+'),
  { minLength: 1, maxLength: 6 },
);

describe('LiteralPool', () => {
  it('gives each prefilter what its own automaton gives, as prefilters join one by one', () => {
    fc.assert(
      fc.property(fc.array(patternList, { minLength: 1, maxLength: 5 }), fc.array(text, { minLength: 1, maxLength: 8 }), (lists, texts) => {
        const pool = new LiteralPool();
        const pooled: PatternPrefilter[] = [];
        for (const list of lists) {
          pooled.push(new PatternPrefilter(list, pool));
          // Scanned between joins too: a text scanned before a prefilter joined is scanned again for its literals.
          for (const value of texts) {
            pooled.forEach((prefilter, index) => expect(prefilter.possible(value)).toEqual(new PatternPrefilter(lists[index]).possible(value)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same once the literals are merged into one automaton, and after more join', () => {
    const pool = new LiteralPool();
    const lists = [['\\bcura\\b', 'tom[ae]'], ['\\bdosis\\b', 'cura', 'salud'], ['σοφία', '\\d+\\s?mg']];
    const pooled = lists.slice(0, 2).map((list) => new PatternPrefilter(list, pool));
    const texts = fc.sample(text, { numRuns: 600, seed: 3 });
    const check = (prefilters: PatternPrefilter[]) => {
      for (const value of texts) prefilters.forEach((prefilter, index) => expect(prefilter.possible(value)).toEqual(new PatternPrefilter(lists[index]).possible(value)));
    };
    check(pooled); // past the scans after which the two are merged
    pooled.push(new PatternPrefilter(lists[2], pool));
    check(pooled);
  });

  it('reads a text once for all its prefilters', () => {
    const pool = new LiteralPool();
    const first = new PatternPrefilter(['\\bcura\\b', 'tom[ae]'], pool);
    const second = new PatternPrefilter(['\\bdosis\\b', 'cura'], pool);
    const present = first.scan('una cura y una dosis');
    expect(second.scan('una cura y una dosis')).toBe(present);
    expect(second.possible('una cura y una dosis')).toEqual([true, true]);
    expect(first.possible('una cura y una dosis')).toEqual([true, false]);
  });
});
