// Atomic writes replace what a path leads to, not the path itself: `-o /dev/null` once renamed a temporary file
// over /dev/null (run as root, the device became a regular file), and a fixed draft reached through a symbolic link
// lost its link.
import { describe, it, expect } from 'vitest';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../src/atomic-write.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'medpost-atomic-'));
const posix = process.platform !== 'win32';

describe('writeFileAtomically', () => {
  it('creates a new file and leaves no temporary file', async () => {
    const directory = scratch();
    await writeFileAtomically(join(directory, 'report.json'), ['{"a":', '1}']);
    expect(readFileSync(join(directory, 'report.json'), 'utf8')).toBe('{"a":1}');
    expect(readdirSync(directory)).toEqual(['report.json']);
  });

  it.runIf(posix)('keeps the permissions of the file it replaces', async () => {
    const directory = scratch();
    const path = join(directory, 'draft.md');
    writeFileSync(path, 'before');
    chmodSync(path, 0o640);
    await writeFileAtomically(path, 'after');
    expect(readFileSync(path, 'utf8')).toBe('after');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it.runIf(posix)('writes through a symbolic link: the link stays, its target changes', async () => {
    const directory = scratch();
    const target = join(directory, 'real.md');
    const link = join(directory, 'link.md');
    writeFileSync(target, 'before');
    symlinkSync(target, link);
    await writeFileAtomically(link, 'after');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('after');
    expect(readdirSync(directory).sort()).toEqual(['link.md', 'real.md']);
  });

  it.runIf(posix && existsSync('/dev/null'))('writes into a device as it is (-o /dev/null stays a device)', async () => {
    await writeFileAtomically('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.runIf(posix)('writes into a named pipe as it is', async () => {
    const directory = scratch();
    const fifo = join(directory, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = import('node:fs/promises').then(({ readFile }) => readFile(fifo, 'utf8'));
    await writeFileAtomically(fifo, 'through the pipe');
    expect(await reader).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  // Pieces are encoded into a 4 MB buffer: pieces that fill it several times over, one larger than it, and
  // characters of two to four bytes across its edges all arrive whole, into a file or through a pipe (which may
  // take fewer bytes than a write offers).
  const pieces = () => {
    const list: string[] = [];
    for (let index = 0; index < 30_000; index += 1) list.push(`{"n":${index},"t":"clínica ✓ 😀 ${'x'.repeat(index % 700)}"}\n`);
    list.splice(15_000, 0, `${'ñ'.repeat(3_000_000)}\n`);
    return list;
  };

  it('writes many pieces, one of them larger than its buffer, whole and in order', async () => {
    const directory = scratch();
    const path = join(directory, 'report.json');
    await writeFileAtomically(path, pieces());
    expect(readFileSync(path, 'utf8')).toBe(pieces().join(''));
  });

  it.runIf(posix)('writes many pieces through a named pipe whole', async () => {
    const directory = scratch();
    const fifo = join(directory, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = import('node:fs/promises').then(({ readFile }) => readFile(fifo, 'utf8'));
    await writeFileAtomically(fifo, pieces());
    expect(await reader).toBe(pieces().join(''));
  });
});
