// What counts as a draft file and which folders are never walked: shared by discovery (files.ts) and the cheap
// estimate the CLI makes before loading anything (relaunch.ts).
export const DRAFT_EXTENSIONS = /\.(md|markdown)$/i;

/** Never walked into: dependencies, version control, build output (and hidden folders). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'coverage']);

export function isWalkedDirectory(name: string): boolean {
  return !SKIPPED_DIRECTORIES.has(name) && !name.startsWith('.');
}
