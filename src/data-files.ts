// Reading medpost's YAML data files (lexicons, platform facts), once each.
// The YAML files are the truth, and anyone may edit them. The build also stores each one parsed, as JSON, with
// a hash of its text (dist/data-snapshot/): when the hash still matches, the JSON is used, because parsing
// the lexicons' YAML was a quarter of the time of linting one draft. An edited file no longer matches and is
// parsed as YAML.
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { packageRoot, ruleDirectory } from './package-root.js';
import { addTiming, timingEnabled } from './timing.js';

const cache = new Map<string, unknown>();

export function readYamlFile<T = unknown>(path: string): T {
  if (cache.has(path)) return cache.get(path) as T;
  let value: unknown;
  const started = timingEnabled ? performance.now() : 0;
  try {
    const text = readFileSync(path, 'utf8');
    const snapshot = readSnapshot(path);
    value = snapshot && snapshot.sha1 === dataFileHash(text) ? snapshot.value : parseDataFile(text);
  } catch (error) {
    throw new Error(`medpost data file ${path} could not be read: ${(error as Error).message}`);
  }
  cache.set(path, value);
  if (timingEnabled) addTiming('(reading data files)', started);
  return value as T;
}

/**
 * A rule's data file, e.g. ruleData(import.meta.url, 'lexicon.es.yaml'); undefined when the file does not exist
 * (a language without a lexicon).
 */
export function ruleData<T = unknown>(moduleUrl: string, fileName: string): T | undefined {
  const path = join(ruleDirectory(moduleUrl), fileName);
  if (!cache.has(path) && !existsSync(path)) return undefined;
  return readYamlFile<T>(path);
}

export function parseDataFile(text: string): unknown {
  return parse(text, { maxAliasCount: 100 });
}

export function dataFileHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Where the build stores the parsed form of a data file of the package (undefined for other files). */
export function snapshotPathOf(path: string): string | undefined {
  const inPackage = relative(packageRoot, path);
  if (inPackage.startsWith('..') || inPackage.startsWith('dist')) return undefined;
  return join(packageRoot, 'dist', 'data-snapshot', `${inPackage.split(sep).join('/')}.json`);
}

function readSnapshot(path: string): { sha1: string; value: unknown } | undefined {
  const snapshot = snapshotPathOf(path);
  if (!snapshot || !existsSync(snapshot)) return undefined;
  try {
    return JSON.parse(readFileSync(snapshot, 'utf8')) as { sha1: string; value: unknown };
  } catch {
    return undefined; // a damaged snapshot: the YAML is still there
  }
}
