// Writing a report file: create the folder, write to a temporary file, rename, so a report is never half-written.
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MedpostError } from './errors.js';

/** Pieces are gathered up to this size before each write. */
const WRITE_SIZE = 1 << 20;

/** Writes `text` (one string, or pieces of it) to `path` atomically. */
export async function writeOutputFile(path: string, text: string | Iterable<string>): Promise<void> {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    const file = await open(temporary, 'w');
    try {
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
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied (read-only location?)' : (error as Error).message;
    throw new MedpostError(`cannot write the report to ${path}: ${reason}`);
  }
}
