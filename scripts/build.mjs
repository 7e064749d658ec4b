// Build: TypeScript -> dist/ (src/ and rules/: the API and its types); the config JSON Schema for editors -> schema/;
// the CLI bundle -> dist/bundle/ (what bin/medpost.js runs).
// Rule data files stay in rules/ and data/ and are read from there; each is also stored parsed, with a hash of its
// text, in dist/data-snapshot/ (see src/data-files.ts).
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // Installed as a dependency without devDependencies: the published package ships dist/ already built.
  console.log('medpost: typescript not installed, using the prebuilt dist/');
  process.exit(0);
}
if (!process.argv.includes('--no-clean')) rmSync(new URL('dist', root), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });

const { buildConfigJsonSchema } = await import(new URL('dist/src/config-json-schema.js', root).href);
const { builtInRules } = await import(new URL('dist/rules/index.js', root).href);
mkdirSync(new URL('schema', root), { recursive: true });
writeFileSync(new URL('schema/medpostrc.schema.json', root), `${JSON.stringify(buildConfigJsonSchema(builtInRules), null, 2)}\n`);

// Parsed data files: JSON loads far faster than YAML, and the hash shows when a YAML file was edited since.
const { parseDataFile, dataFileHash, snapshotPathOf } = await import(new URL('dist/src/data-files.js', root).href);
const dataFiles = [];
const walk = (directory) => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(entry.name)) dataFiles.push(path);
  }
};
walk(fileURLToPath(new URL('rules', root)));
walk(fileURLToPath(new URL('data', root)));
for (const path of dataFiles) {
  const text = readFileSync(path, 'utf8');
  const snapshot = snapshotPathOf(path);
  mkdirSync(dirname(snapshot), { recursive: true });
  writeFileSync(snapshot, JSON.stringify({ sha1: dataFileHash(text), value: parseDataFile(text) }));
}

await import(new URL('scripts/bundle.mjs', root).href);
await import(new URL('scripts/literal-clauses.mjs', root).href);
await import(new URL('scripts/code-cache.mjs', root).href);
