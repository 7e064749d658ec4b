// Writing a report file: create the folder, write to a temporary file, rename, so a report is never half-written.
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MedpostError } from './errors.js';

export async function writeOutputFile(path: string, text: string): Promise<void> {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied (read-only location?)' : (error as Error).message;
    throw new MedpostError(`cannot write the report to ${path}: ${reason}`);
  }
}
