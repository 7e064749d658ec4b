// Data files: the build's parsed snapshot is used only while it matches the YAML text; an edited file is read as YAML.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { dataFileHash, parseDataFile, readYamlFile, snapshotPathOf } from '../../src/data-files.js';

const folder = join(packageRoot, 'rules', '.data-files-test');

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(dirname(snapshotPathOf(join(folder, 'x.yaml'))!), { recursive: true, force: true });
});

function writeWithSnapshot(name: string, yaml: string, snapshot: { sha1: string; value: unknown }): string {
  const path = join(folder, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path, yaml);
  const snapshotPath = snapshotPathOf(path)!;
  mkdirSync(dirname(snapshotPath), { recursive: true });
  writeFileSync(snapshotPath, JSON.stringify(snapshot));
  return path;
}

describe('data files', () => {
  it('uses the snapshot while its hash matches the YAML text', () => {
    const yaml = 'words: [a, b]\n';
    // A snapshot value that differs from the YAML shows which one was read.
    const path = writeWithSnapshot('current.yaml', yaml, { sha1: dataFileHash(yaml), value: { words: ['from snapshot'] } });
    expect(readYamlFile(path)).toEqual({ words: ['from snapshot'] });
  });

  it('reads the YAML when the file was edited after the build', () => {
    const path = writeWithSnapshot('edited.yaml', 'words: [a, b, c]\n', { sha1: dataFileHash('words: [a, b]\n'), value: { words: ['a', 'b'] } });
    expect(readYamlFile(path)).toEqual({ words: ['a', 'b', 'c'] });
  });

  it('reads the YAML when the snapshot is damaged', () => {
    const path = writeWithSnapshot('damaged.yaml', 'n: 1\n', { sha1: 'x', value: null });
    writeFileSync(snapshotPathOf(path)!, '{not json');
    expect(readYamlFile(path)).toEqual({ n: 1 });
  });

  it('has snapshots equal to the YAML of every shipped lexicon (when built)', () => {
    const lexicon = join(packageRoot, 'rules', 'no-medical-advice', 'lexicon.es.yaml');
    const snapshot = snapshotPathOf(lexicon)!;
    const text = readFileSync(lexicon, 'utf8');
    const stored = JSON.parse(readFileSync(snapshot, 'utf8'));
    expect(stored.sha1).toBe(dataFileHash(text));
    expect(stored.value).toEqual(parseDataFile(text));
  });
});
