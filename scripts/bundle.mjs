// The CLI as one CommonJS file, and the worker thread as another: a pre-commit run of medpost on one draft should
// not pay for resolving and compiling hundreds of small modules. CommonJS because a classic script can be compiled
// from V8's code cache (bin/medpost.js, scripts/code-cache.mjs), which Node 20 offers for no ES module; that
// compile is most of a one-draft run's start-up. dist/bundle/package.json marks the folder's .js files CommonJS.
// Rules find their data files from `import.meta.url`, so each rule module's `import.meta.url` is rewritten to its
// own source location before bundling; `import.meta.url` itself then stands for the bundle file's URL.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { relative, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist', 'bundle');

const ownModuleUrl = {
  name: 'own-module-url',
  setup(buildContext) {
    buildContext.onLoad({ filter: /[\\/]rules[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const fromBundle = relative(outdir, args.path).split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

// gray-matter requires js-yaml for its default engine; medpost always passes the `yaml` package as the engine.
const noJsYaml = {
  name: 'no-js-yaml',
  setup(buildContext) {
    buildContext.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'stub' }));
    buildContext.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'module.exports = { safeLoad() { throw new Error("js-yaml is not bundled"); }, safeDump() { throw new Error("js-yaml is not bundled"); } };',
      loader: 'js',
    }));
  },
};

// micromark's parser combines its syntax extensions again for every document: it gets a version that remembers
// each combination instead (src/combined-extensions.ts, which imports the real one).
const combinedExtensions = {
  name: 'combined-extensions',
  setup(buildContext) {
    buildContext.onResolve({ filter: /^micromark-util-combine-extensions$/ }, (args) =>
      (/[\\/]micromark[\\/]/.test(args.importer) ? { path: join(root, 'src', 'combined-extensions.ts') } : undefined));
  },
};

await build({
  entryPoints: { cli: join(root, 'src', 'cli.ts'), worker: join(root, 'src', 'worker.ts') },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['recheck', 'libphonenumber-js', 'libphonenumber-js/*'],
  plugins: [ownModuleUrl, noJsYaml, combinedExtensions],
  define: { 'import.meta.url': '__medpostBundleUrl' },
  banner: { js: "const __medpostBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
});
await writeFile(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
