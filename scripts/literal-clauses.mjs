// Part of the build: reads the literal clauses of every shipped lexicon pattern the rules meet on the example
// drafts (three languages, every jurisdiction) with the code just compiled, and writes them next to the CLI
// bundle, where src/pattern-prefilter.ts seeds its memo from them: a one-draft run then skips reading them.
// Only a pure function's results are stored, keyed by the exact pattern source (and, for no-medical-advice
// templates, by their word lists): a pattern edited since, or declared by a user, is simply read when met.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintShippedExamples } from './lint-examples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
await lintShippedExamples({
  ...(await import(dist('src/lint-core.js'))),
  ...(await import(dist('rules/index.js'))),
  ...(await import(dist('src/settings.js'))),
  ...(await import(dist('src/schema.js'))),
});
const { literalClausesSeen } = await import(dist('src/pattern-prefilter.js'));
const seen = literalClausesSeen();
writeFileSync(join(root, 'dist', 'bundle', 'literal-clauses.json'), JSON.stringify(seen));
console.log(`medpost: literal clauses of ${seen.length} patterns written next to the bundle`);
