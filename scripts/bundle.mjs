// The CLI as one ESM bundle (with lazily loaded chunks): a pre-commit run of medpost on one draft should not pay
// for resolving and compiling hundreds of small modules. Rules find their data files from `import.meta.url`,
// so each rule module's `import.meta.url` is rewritten to its own source location before bundling.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
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

await build({
  entryPoints: { cli: join(root, 'src', 'cli.ts'), worker: join(root, 'src', 'worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['recheck', 'libphonenumber-js', 'libphonenumber-js/*'],
  plugins: [ownModuleUrl, noJsYaml],
  banner: { js: "import { createRequire as __medpostCreateRequire } from 'node:module'; const require = __medpostCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
