// Writing a report file: create the folder, then write atomically, so a report is never half-written.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomically } from './atomic-write.js';
import { MedpostError } from './errors.js';

/** Writes `text` (one string, or pieces of it) to `path` atomically. */
export async function writeOutputFile(path: string, text: string | Iterable<string>): Promise<void> {
  const target = resolve(path);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomically(target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied (read-only location?)' : (error as Error).message;
    throw new MedpostError(`cannot write the report to ${path}: ${reason}`);
  }
}
