// The CLI tests spawn bin/medpost.js, which runs the bundle in dist/: build it first when the sources are newer.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const marker = join(root, 'dist', 'bundle', 'cli.js');
  const sourcesChanged = !existsSync(marker)
    || Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'rules'))) > statSync(marker).mtimeMs;
  if (sourcesChanged) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-clean'], { cwd: root, stdio: 'inherit' });
  }
}
