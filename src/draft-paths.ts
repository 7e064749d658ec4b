// What counts as a draft file, which folders are never walked and what a config file is called: shared by
// discovery (files.ts, config.ts) and the cheap estimate the CLI makes before loading anything (relaunch.ts).
export const DRAFT_EXTENSIONS = /\.(md|markdown)$/i;

/** Config files, in the order they are looked for in each folder (package.json only with a `medpost` key). */
export const CONFIG_FILE_NAMES = ['.medpostrc.yaml', '.medpostrc.yml', 'medpost.config.yaml', 'package.json'];

/** Never walked into: dependencies, version control, build output (and hidden folders). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'coverage']);

export function isWalkedDirectory(name: string): boolean {
  return !SKIPPED_DIRECTORIES.has(name) && !name.startsWith('.');
}
