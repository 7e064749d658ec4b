// What counts as a draft file, which folders are never walked and which file in a folder is its config: shared by
// discovery (files.ts, config.ts), `medpost init` and the cheap estimate the CLI makes before loading anything
// (relaunch.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DRAFT_EXTENSIONS = /\.(md|markdown)$/i;

/** Config files, in the order they are looked for in each folder (package.json only with a `medpost` key). */
export const CONFIG_FILE_NAMES = ['.medpostrc.yaml', '.medpostrc.yml', 'medpost.config.yaml', 'package.json'];

/** The config file of `directory` itself (not its parents): the first of CONFIG_FILE_NAMES there, or undefined. */
export function configFileIn(directory: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(directory, name);
    if (!existsSync(path)) continue;
    if (name === 'package.json') {
      try {
        if (!(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>).medpost) continue;
      } catch {
        continue;
      }
    }
    return path;
  }
  return undefined;
}

/** Never walked into: dependencies, version control, build output (and hidden folders). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'coverage']);

export function isWalkedDirectory(name: string): boolean {
  return !SKIPPED_DIRECTORIES.has(name) && !name.startsWith('.');
}
