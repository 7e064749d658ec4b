// Build: TypeScript -> dist/ (src/ and rules/: the API and its types); the config JSON Schema for editors -> schema/;
// the CLI bundle -> dist/bundle/ (what bin/medpost.js runs).
// Rule data files stay in rules/ and data/ and are read from there.
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
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

await import(new URL('scripts/bundle.mjs', root).href);
