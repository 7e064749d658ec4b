// Compiles the CLI bundle (dist/bundle/cli.js, CommonJS) as Node compiles a CommonJS module, but from the V8 code
// cache the build made by running it (scripts/code-cache.mjs): V8 then neither parses the 1.8 MB nor compiles the
// functions a run calls, ~70 ms of a one-draft run. Without a usable cache (none for these flags, another Node
// version, a bundle rebuilt since) it is compiled from source, as any module is.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/bundle/cli.js', import.meta.url));

/** V8 refuses a code cache made under other flags, so each set of flags has its own (the relaunched run's differ). */
export function codeCacheFile() {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.trim();
  let hash = 0x811c9dc5;
  for (let index = 0; index < flags.length; index += 1) hash = Math.imul(hash ^ flags.charCodeAt(index), 0x01000193) >>> 0;
  return join(dirname(bundle), 'code-cache', `cli-${flags === '' ? 'plain' : hash.toString(16)}.bin`);
}

/** The compiled bundle (`script.cachedDataRejected` tells whether a cache was refused) and its exports. */
export function compileCli() {
  const cacheFile = codeCacheFile();
  let cachedData;
  try {
    if (statSync(cacheFile).mtimeMs >= statSync(bundle).mtimeMs) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache for these flags: compiled from source.
  }
  const source = readFileSync(bundle, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __medpostImport) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  // A classic script has no import() of its own in Node 20 (without an experimental flag): the plugins a
  // configuration names are loaded with this module's (src/import-module.ts).
  const importModule = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), importModule);
  return { script, usedCache: cachedData !== undefined && !script.cachedDataRejected, exports: module.exports };
}

/** Stores the code of every function compiled so far (the build calls this after a run). */
export function writeCodeCache(script) {
  writeFileSync(codeCacheFile(), script.createCachedData());
}
