// Reading medpost's YAML data files (lexicons, platform facts), once each.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ruleDirectory } from './package-root.js';

const cache = new Map<string, unknown>();

export function readYamlFile<T = unknown>(path: string): T {
  if (cache.has(path)) return cache.get(path) as T;
  let value: unknown;
  try {
    value = parse(readFileSync(path, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    throw new Error(`medpost data file ${path} could not be read: ${(error as Error).message}`);
  }
  cache.set(path, value);
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
