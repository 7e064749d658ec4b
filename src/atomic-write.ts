// Writing a file so that it is never seen half-written: write a temporary file beside it, then rename it over.
// What is written is the file a path leads to: a symbolic link stays a link (its target is replaced), a device or
// pipe (`-o /dev/null`, a FIFO) is written to as it is (renaming over it would replace the device with a file),
// and a replaced file keeps its permissions.
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Pieces are gathered up to this size before each write. */
const WRITE_SIZE = 1 << 20;

export async function writeFileAtomically(path: string, text: string | Iterable<string>): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writePieces(target, text, 'w');
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.medpost-${process.pid}-${Date.now()}.tmp`);
  try {
    await writePieces(temporary, text, 'wx', existing ? existing.mode & 0o7777 : undefined);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function writePieces(path: string, text: string | Iterable<string>, flags: 'w' | 'wx', mode?: number): Promise<void> {
  const file = await open(path, flags, mode);
  try {
    // open() applies the umask; a replaced file keeps exactly the permissions it had.
    if (mode !== undefined) await file.chmod(mode);
    let pending = '';
    for (const chunk of typeof text === 'string' ? [text] : text) {
      pending += chunk;
      if (pending.length >= WRITE_SIZE) {
        await file.writeFile(pending, 'utf8');
        pending = '';
      }
    }
    if (pending) await file.writeFile(pending, 'utf8');
  } finally {
    await file.close();
  }
}
