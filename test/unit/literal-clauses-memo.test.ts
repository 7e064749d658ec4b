// The build stores the literal clauses of the shipped patterns next to the CLI bundle (scripts/literal-clauses.mjs)
// so that a one-draft run need not read them. Stored clauses must be exactly what reading the patterns gives now:
// this reads them afresh from the TypeScript sources, which never load the stored file.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../helpers/cli.js';
import { lintShippedExamples } from '../helpers/lint-examples.js';
import { literalClausesSeen, type Conjunction } from '../../src/pattern-prefilter.js';

describe('literal clauses stored by the build', () => {
  const storedFile = join(repositoryRoot, 'dist', 'bundle', 'literal-clauses.json');

  it('are the clauses the patterns give when read', async () => {
    expect(existsSync(storedFile), 'npm run build writes it').toBe(true);
    const stored = JSON.parse(readFileSync(storedFile, 'utf8')) as Array<[string, Conjunction | null]>;
    await lintShippedExamples();
    const read = new Map(literalClausesSeen());
    expect(stored.length).toBeGreaterThan(500);
    expect(stored.some(([key]) => key.startsWith('template\0'))).toBe(true);
    for (const [key, clauses] of stored) expect(read.get(key), key.slice(0, 120)).toEqual(clauses);
  });
});
