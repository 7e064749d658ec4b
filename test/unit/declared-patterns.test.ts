// Data-file patterns compile when they first run, not when a lexicon loads: this compiles every pattern the rules
// declared while linting the examples in three languages, so a broken pattern in a lexicon fails here.
import { describe, it, expect } from 'vitest';
import { lintShippedExamples } from '../helpers/lint-examples.js';
import { compilePattern, declaredPatternList } from '../../src/rule-helpers.js';

describe('declared data-file patterns', () => {
  it('all compile', async () => {
    await lintShippedExamples();
    const declared = declaredPatternList();
    expect(declared.length).toBeGreaterThan(300);
    for (const { source, flags } of declared) expect(() => compilePattern(source, flags), source.slice(0, 100)).not.toThrow();
  });
});
