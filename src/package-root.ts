// Where medpost's own files (data/, rules/*/README.md and lexicons) are, whether it runs from
// source (src/*.ts under vitest or tsx) or from the build (dist/src/*.js).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let directory = start;
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'medpost') return directory;
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = dirname(directory);
    if (parent === directory) return start;
    directory = parent;
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const packageVersion: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;

/** The source folder of a built-in rule (rules/<id>/), from the rule module's import.meta.url, in source or build. */
export function ruleDirectory(moduleUrl: string): string {
  const directory = dirname(fileURLToPath(moduleUrl));
  return directory.replace(/([\\/])dist[\\/]rules([\\/])/, '$1rules$2');
}
