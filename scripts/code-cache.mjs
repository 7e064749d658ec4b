// Part of the build: runs the CLI bundle on the example drafts so that bin/medpost.js stores V8's code cache of
// it (dist/bundle/code-cache/), holding every function those runs compiled. One cache per set of V8 flags:
// a run of several drafts is relaunched with its own flags (src/relaunch.ts), so it makes its own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = join(root, 'dist', 'bundle', 'code-cache');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const examples = join(root, 'examples', 'drafts');
const oneDraft = join(examples, 'es', readdirSync(join(examples, 'es')).find((name) => name.endsWith('.md')));
const lint = (paths, flags = []) => {
  try {
    execFileSync(process.execPath, [...flags, join(root, 'bin', 'medpost.js'), 'lint', ...paths], {
      cwd: root, env: { ...process.env, MEDPOST_WRITE_CODE_CACHE: '1', NODE_OPTIONS: '' }, stdio: 'ignore',
    });
  } catch (error) {
    // Exit code 1: the examples have findings, as they should. Anything else is a broken build.
    if (error.status !== 1) throw error;
  }
};
// The relaunched run first; the one-draft run (not relaunched) then writes the cache of plain flags, which the
// first run's parent process also wrote, having compiled only what deciding to relaunch needs.
lint([examples]);
lint([oneDraft]);
// Runs of thousands of drafts are relaunched with other flags (a smaller young generation, a slower-growing heap):
// started here with those flags directly, they write their caches too.
const { relaunchFlags, SMALL_YOUNG_GENERATION_FROM_DRAFTS, LARGE_RUN_DRAFTS } = await import(new URL('../dist/src/relaunch.js', import.meta.url).href);
for (const drafts of [SMALL_YOUNG_GENERATION_FROM_DRAFTS, LARGE_RUN_DRAFTS]) lint([examples], relaunchFlags(drafts));
console.log(`medpost: code cache written (${readdirSync(folder).length} files)`);
