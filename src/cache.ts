// --cache: per-draft records keyed by the draft's content, its resolved configuration, and medpost itself
// (version, rule code and data files). Anything that could change a finding changes the key.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftInput, DraftRecord, DraftRecordCache, FileConfig } from './lint-core.js';
import { packageRoot, packageVersion } from './package-root.js';
import { writeOutputFile } from './output-file.js';

const CACHE_FORMAT = 1;

interface CacheEntry {
  key: string;
  record: Omit<DraftRecord, 'path' | 'displayPath' | 'reported' | 'source'>;
}

interface CacheFile {
  format: number;
  medpost: string;
  entries: Record<string, CacheEntry>;
}

/** A fingerprint of medpost's own code and data: names, sizes and modification times of its files. */
async function fingerprintOfMedpost(): Promise<string> {
  const hash = createHash('sha1').update(packageVersion);
  const walk = async (directory: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(js|ts|ya?ml|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        const info = await stat(path);
        hash.update(`${path}\0${info.size}\0${info.mtimeMs}\n`);
      }
    }
  };
  for (const folder of ['dist', 'src', 'rules', 'data']) await walk(join(packageRoot, folder));
  return hash.digest('hex');
}

export class FileCache implements DraftRecordCache {
  private readonly configKeys = new WeakMap<FileConfig, string>();
  private readonly next: Record<string, CacheEntry> = {};
  hits = 0;
  misses = 0;

  private constructor(private readonly location: string, private readonly medpost: string, private readonly previous: Record<string, CacheEntry>) {}

  static async open(location: string): Promise<FileCache> {
    const medpost = await fingerprintOfMedpost();
    let previous: Record<string, CacheEntry> = {};
    try {
      const file = JSON.parse(await readFile(location, 'utf8')) as CacheFile;
      if (file.format === CACHE_FORMAT && file.medpost === medpost) previous = file.entries;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
    return new FileCache(location, medpost, previous);
  }

  private configKey(config: FileConfig): string {
    let key = this.configKeys.get(config);
    if (!key) {
      const rules = config.rules.map((configured) => [configured.rule.meta.id, configured.severity, configured.options]);
      key = createHash('sha1').update(JSON.stringify({ settings: config.settings, rules })).digest('hex');
      this.configKeys.set(config, key);
    }
    return key;
  }

  private keyOf(input: DraftInput, source: string): string {
    return createHash('sha1').update(source).update('\0').update(this.configKey(input.config)).update(input.reported ? '\0r' : '\0c').digest('hex');
  }

  lookup(input: DraftInput, source: string): DraftRecord | undefined {
    const entry = this.previous[input.path];
    const key = this.keyOf(input, source);
    if (!entry || entry.key !== key) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.next[input.path] = entry;
    return { path: input.path, displayPath: input.displayPath, reported: input.reported, ...structuredClone(entry.record) };
  }

  store(input: DraftInput, source: string, record: DraftRecord): void {
    const { findings, summaries, directives } = record;
    this.next[input.path] = { key: this.keyOf(input, source), record: { findings, summaries, directives } };
  }

  async save(): Promise<void> {
    // Every draft found in the cache as it was: the file on disk already says all there is to say.
    if (this.misses === 0 && Object.keys(this.next).length > 0) return;
    const file: CacheFile = { format: CACHE_FORMAT, medpost: this.medpost, entries: { ...this.previous, ...this.next } };
    await writeOutputFile(this.location, JSON.stringify(file));
  }
}
