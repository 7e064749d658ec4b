// Reading one draft from disk, turning every way it can fail into a message a person can act on.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Drafts larger than this are refused (a post is a few KB; this is an archive or a mistake). */
export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

export type ReadResult = { source: string } | { error: string };

export async function readDraftFile(path: string): Promise<ReadResult> {
  return readDraftFileSync(path);
}

/**
 * Synchronously: reading a small file from the page cache takes microseconds, while the promise machinery of an
 * asynchronous read cost more CPU than the read itself (a tenth of a cold run at 10,000 drafts).
 * What is not a regular file, or is too large, is refused before reading: a named pipe called `draft.md` would
 * block the run for ever, and a device or a huge file would be read whole into memory first. The file is opened
 * once and read into a buffer kept for the next draft (stat, then readFileSync, read ~15% slower in a run).
 */
export function readDraftFileSync(path: string): ReadResult {
  let fd: number | undefined;
  try {
    // Opened without waiting: a named pipe would otherwise block here until something writes to it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { error: 'is a directory, not a draft' };
    if (!stats.isFile()) return { error: 'not a regular file (a named pipe, socket or device): not linted' };
    if (stats.size > MAX_DRAFT_BYTES) return { error: tooLarge(stats.size) };
    // decodeDraft copies what it keeps: the buffer can be read into again. A rare large draft gets its own.
    const buffer = stats.size <= scratch.length ? scratch : Buffer.allocUnsafeSlow(stats.size);
    let length = 0;
    for (let read = -1; read !== 0 && length < stats.size; length += read) read = readSync(fd, buffer, length, stats.size - length, null);
    return decodeDraft(buffer.subarray(0, length));
  } catch (error) {
    return { error: describeReadError(error as NodeJS.ErrnoException) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** One buffer a thread, read into again and again. */
const scratch = Buffer.allocUnsafeSlow(64 * 1024);

function tooLarge(bytes: number): string {
  return `file is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_DRAFT_BYTES / 1024 / 1024} MB limit for a draft: not linted`;
}

export function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT': return 'file not found (it was deleted or moved during the run?)';
    case 'EACCES': case 'EPERM': return 'permission denied: medpost cannot read this file';
    case 'EISDIR': return 'is a directory, not a draft';
    case 'ELOOP': return 'symbolic link loop';
    default: return `cannot read the file: ${error.message}`;
  }
}

export function decodeDraft(bytes: Buffer): ReadResult {
  if (bytes.length > MAX_DRAFT_BYTES) return { error: tooLarge(bytes.length) };
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) {
    return { error: `binary file (a NUL byte at line ${lineOfByte(bytes, nul)}), not a text draft: not linted` };
  }
  const invalid = firstInvalidUtf8Byte(bytes);
  if (invalid !== -1) {
    return {
      error: `not valid UTF-8 at line ${lineOfByte(bytes, invalid)} (byte 0x${bytes[invalid].toString(16).padStart(2, '0')} at offset ${invalid}): save the draft as UTF-8 (it may be Latin-1 or Windows-1252)`,
    };
  }
  return { source: bytes.toString('utf8') };
}

function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let index = bytes.indexOf(10); index !== -1 && index < offset; index = bytes.indexOf(10, index + 1)) line += 1;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const byte = bytes[index];
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    let needed: number;
    let minimum: number;
    let codePoint: number;
    if (byte >= 0xc2 && byte <= 0xdf) { needed = 1; minimum = 0x80; codePoint = byte & 0x1f; }
    else if (byte >= 0xe0 && byte <= 0xef) { needed = 2; minimum = 0x800; codePoint = byte & 0x0f; }
    else if (byte >= 0xf0 && byte <= 0xf4) { needed = 3; minimum = 0x10000; codePoint = byte & 0x07; }
    else return index;
    if (index + needed >= length) return index;
    for (let next = 1; next <= needed; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += needed + 1;
  }
  return -1;
}
