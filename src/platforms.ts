// The networks medpost knows: data/platforms.yaml, plus what the organisation's config adds or overrides.
import { join } from 'node:path';
import { readYamlFile } from './data-files.js';
import { packageRoot } from './package-root.js';
import type { OrganisationSettings } from './types.js';

/** One platform's facts as written in data/platforms.yaml (see that file for the keys and their sources). */
export type PlatformFacts = Record<string, unknown> & { name: string; aliases?: string[] };

export interface PlatformRegistry {
  ids: string[];
  facts: ReadonlyMap<string, PlatformFacts>;
  /** lower-case id or alias -> id */
  aliases: ReadonlyMap<string, string>;
}

const registryCache = new WeakMap<object, PlatformRegistry>();

export function builtInPlatforms(): Record<string, PlatformFacts> {
  return readYamlFile<Record<string, PlatformFacts>>(join(packageRoot, 'data', 'platforms.yaml'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge where the override wins; lists are replaced, not concatenated. */
export function mergeFacts(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = isPlainObject(value) && isPlainObject(base[key]) ? mergeFacts(base[key] as Record<string, unknown>, value) : value;
  }
  return merged;
}

export function platformRegistry(settings: Pick<OrganisationSettings, 'platforms'>): PlatformRegistry {
  const cached = registryCache.get(settings.platforms);
  if (cached) return cached;
  const facts = new Map<string, PlatformFacts>();
  for (const [id, value] of Object.entries(builtInPlatforms())) facts.set(id, value);
  for (const [id, override] of Object.entries(settings.platforms ?? {})) {
    const base = facts.get(id);
    facts.set(id, (base ? mergeFacts(base, override) : { name: id, ...override }) as PlatformFacts);
  }
  const aliases = new Map<string, string>();
  for (const [id, value] of facts) {
    aliases.set(id.toLowerCase(), id);
    for (const alias of value.aliases ?? []) aliases.set(String(alias).toLowerCase(), id);
  }
  const registry = { ids: [...facts.keys()], facts, aliases };
  registryCache.set(settings.platforms, registry);
  return registry;
}
