// Times the rules alone, from the TypeScript sources (no build needed): parses every draft of a corpus once, then
// runs each rule over all of them, and prints per-rule milliseconds plus a digest of what each rule reported,
// so an optimisation can show it is faster and finds exactly the same.
//   node --no-regexp-tier-up --import tsx bench/rule-time.mts bench/corpus/3000 [rule-id …] [--rounds 3]
// Rounds after the first show the steady state (regexes compiled, code optimised); the first includes start-up.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { builtInRules } from '../rules/index.js';
import { ConfigLoader } from '../src/config.js';
import { parsePost } from '../src/post.js';
import { platformRegistry } from '../src/platforms.js';
import { runPostRules } from '../src/engine.js';
import type { Post } from '../src/types.js';
import type { FileConfig } from '../src/lint-core.js';

const argv = process.argv.slice(2);
const roundsAt = argv.indexOf('--rounds');
const rounds = roundsAt === -1 ? 3 : Number(argv[roundsAt + 1]);
const positional = roundsAt === -1 ? argv : argv.filter((_, index) => index !== roundsAt && index !== roundsAt + 1);
const corpus = resolve(positional[0] ?? 'bench/corpus/3000');
const only = new Set(positional.slice(1));

const files: string[] = [];
const walk = (directory: string) => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) files.push(path);
  }
};
walk(join(corpus, 'drafts'));
files.sort();

const loader = new ConfigLoader({ cwd: corpus, builtInRules });
const parsed: Array<{ post: Post; config: FileConfig }> = [];
const parseStarted = performance.now();
for (const path of files) {
  const config = await loader.fileConfig(path);
  const { post } = await parsePost(readFileSync(path, 'utf8'), {
    path,
    displayPath: relative(corpus, path),
    settings: config.settings,
    platformAliases: platformRegistry(config.settings).aliases,
  });
  parsed.push({ post, config });
}
console.log(`${files.length} drafts parsed in ${(performance.now() - parseStarted).toFixed(0)} ms`);

const ruleIds = parsed[0].config.rules.map((configured) => configured.rule.meta.id).filter((id) => only.size === 0 || only.has(id));
const totals = new Map<string, number[]>();
const digests = new Map<string, string>();
for (let round = 0; round < rounds; round += 1) {
  for (const id of ruleIds) {
    const hash = createHash('sha1');
    const started = performance.now();
    for (const { post, config } of parsed) {
      const configured = config.rules.find((entry) => entry.rule.meta.id === id);
      if (!configured) continue;
      const { findings, summaries } = runPostRules(post, [configured], config.settings);
      if (round === 0) hash.update(JSON.stringify(findings)).update(JSON.stringify([...summaries]));
    }
    const elapsed = performance.now() - started;
    totals.set(id, [...(totals.get(id) ?? []), elapsed]);
    if (round === 0) digests.set(id, hash.digest('hex').slice(0, 12));
  }
}
const rows = [...totals].sort((a, b) => b[1][b[1].length - 1] - a[1][a[1].length - 1]);
console.log(`${'rule'.padEnd(22)} ${'first'.padStart(8)} ${'steady'.padStart(8)}  digest of findings`);
for (const [id, times] of rows) {
  const steady = times.length > 1 ? Math.min(...times.slice(1)) : times[0];
  console.log(`${id.padEnd(22)} ${times[0].toFixed(0).padStart(8)} ${steady.toFixed(0).padStart(8)}  ${digests.get(id)}`);
}
