// --cache: per-draft records keyed by the draft's content, its resolved configuration, and medpost itself
// (version, rule code and data files). Anything that could change a finding changes the key.
//
// One small file per draft, in a folder (default .medpostcache/): a run reads the entries of the drafts it lints
// and nothing else (a pre-commit hook on two drafts reads two files, whatever the size of the repository), holds
// no cache-wide index in memory, and writes an entry as soon as its draft is linted. An entry is named after the
// draft's path, so an edited draft replaces its entry rather than adding one. Before, the cache was one JSON file:
// at 100,000 drafts it was 470 MB, parsed and rewritten whole (63 s, 2.9 GB), and a little larger it would not
// have fitted in one JavaScript string at all.
//
//   .medpostcache/CACHEDIR.TAG                     tells backup tools this is a cache (in a folder medpost made)
//   .medpostcache/<medpost>/<ab>/<cdef…>.json      {"key": …, "record": …}; <medpost> changes with medpost itself
//   .medpostcache/<medpost>/collections/<…>.json   {"key": …, "findings": …}: a collection rule's last findings
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { lstat, readdir, rm, stat, writeFile, mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftInput, DraftRecord, DraftRecordCache, FileConfig } from './lint-core.js';
import type { Finding } from './types.js';
import { packageRoot, packageVersion } from './package-root.js';
import { MedpostError } from './errors.js';

/** Part of every folder name: a change of layout starts a new cache. */
const FORMAT = 'v2';
const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by medpost (--cache); it can be deleted at any time.\n';

interface CacheEntry {
  key: string;
  record: Omit<DraftRecord, 'path' | 'displayPath' | 'reported' | 'source'>;
}

interface CollectionEntry {
  key: string;
  findings: Finding[];
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
  return hash.digest('hex').slice(0, 16);
}

export class FileCache implements DraftRecordCache {
  private readonly configKeys = new WeakMap<FileConfig, string>();
  private readonly madeFolders = new Set<string>();
  hits = 0;
  misses = 0;
  /** Why entries could not be written, when they could not (the run goes on without them). */
  writeProblem: string | undefined;

  private constructor(
    private readonly location: string,
    private readonly entries: string,
    /** Whether the folder is medpost's own (made by it), which may then be tagged as a cache for backup tools. */
    private readonly ownFolder: boolean,
  ) {}

  static async open(location: string): Promise<FileCache> {
    const existing = await lstat(location).catch(() => undefined);
    if (existing && !existing.isDirectory()) {
      // The single-file cache of earlier versions is replaced; any other file is not ours to delete.
      const head = (await readFile(location, 'utf8').catch(() => '')).slice(0, 12);
      if (head !== '{"format":1,') throw new MedpostError(`--cache-location ${location} is a file that is not a medpost cache: name a folder`);
      await unlink(location);
    }
    // A folder someone else made (`--cache-location .cache`) holds our entries but is never tagged as a whole.
    const ownFolder = !existing?.isDirectory() || (await readFile(join(location, 'CACHEDIR.TAG'), 'utf8').catch(() => '')).includes('made by medpost');
    return new FileCache(location, join(location, `${FORMAT}-${await fingerprintOfMedpost()}`), ownFolder);
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

  private fileOf(path: string): { folder: string; file: string } {
    const name = createHash('sha1').update(path).digest('hex');
    const folder = join(this.entries, name.slice(0, 2));
    return { folder, file: join(folder, `${name.slice(2)}.json`) };
  }

  lookup(input: DraftInput, source: string): DraftRecord | undefined {
    let entry: CacheEntry | undefined;
    try {
      entry = JSON.parse(readFileSync(this.fileOf(input.path).file, 'utf8')) as CacheEntry;
    } catch {
      // no entry yet, or an unreadable one: a miss
    }
    if (!entry || entry.key !== this.keyOf(input, source)) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    return { path: input.path, displayPath: input.displayPath, reported: input.reported, ...entry.record, cacheKey: entry.key };
  }

  store(input: DraftInput, source: string, record: DraftRecord): void {
    if (this.writeProblem) return;
    const { findings, summaries, directives } = record;
    const key = this.keyOf(input, source);
    if (this.writeEntry(this.fileOf(input.path), JSON.stringify({ key, record: { findings, summaries, directives } } satisfies CacheEntry))) record.cacheKey = key;
  }

  /** Written beside and renamed over: a run reading at the same time sees the old entry or the new, never half. */
  private writeEntry({ folder, file }: { folder: string; file: string }, text: string): boolean {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      if (!this.madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.madeFolders.add(folder);
      }
      writeFileSync(temporary, text);
      renameSync(temporary, file);
      return true;
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // not created
      }
      this.writeProblem = `cannot write the cache in ${this.location}: ${(error as Error).message}`;
      return false;
    }
  }

  /** One entry per collection rule as configured (the last set of drafts it ran over), beside the drafts' entries. */
  private collectionFileOf(run: string): { folder: string; file: string } {
    const folder = join(this.entries, 'collections');
    return { folder, file: join(folder, `${createHash('sha1').update(run).digest('hex')}.json`) };
  }

  lookupCollection(run: string, key: string): Finding[] | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.collectionFileOf(run).file, 'utf8')) as CollectionEntry;
      if (entry.key === key) return entry.findings;
    } catch {
      // none yet, or unreadable: computed again
    }
    return undefined;
  }

  storeCollection(run: string, key: string, findings: Finding[]): void {
    if (this.writeProblem) return;
    this.writeEntry(this.collectionFileOf(run), JSON.stringify({ key, findings } satisfies CollectionEntry));
  }

  /** This cache for drafts already looked up and missed: linting them writes their entries, nothing is read. */
  storeOnly(): DraftRecordCache {
    const storing: DraftRecordCache = { lookup: () => undefined, store: (input, source, record) => this.store(input, source, record), storeOnly: () => storing };
    return storing;
  }

  /** Marks the folder as a cache and removes what earlier versions of medpost left there. */
  async save(): Promise<void> {
    if (this.misses === 0 || this.writeProblem) return;
    try {
      await mkdir(this.location, { recursive: true });
      if (this.ownFolder) await writeFile(join(this.location, 'CACHEDIR.TAG'), CACHEDIR_TAG);
      const current = this.entries.slice(this.location.length + 1);
      for (const name of await readdir(this.location)) {
        if (name !== current && name !== 'CACHEDIR.TAG' && /^v\d+-[0-9a-f]+$/.test(name)) await rm(join(this.location, name), { recursive: true, force: true });
      }
    } catch (error) {
      this.writeProblem = `cannot tidy the cache in ${this.location}: ${(error as Error).message}`;
    }
  }
}
