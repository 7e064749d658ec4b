// Configuration: discovery (the nearest config file walking up from each draft), presets, extends,
// overrides by glob, plugins, pattern rules, and validation that names the file, the line and the key.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument, type Document } from 'yaml';
import picomatch from 'picomatch';
import type { OrganisationSettings, Rule, Severity, SeveritySetting } from './types.js';
import type { ConfiguredRule } from './engine.js';
import type { FileConfig } from './lint-core.js';
import { CONFIG_SCHEMA } from './config-schema.js';
import { validateAgainstSchema, schemaDefaults } from './schema.js';
import { defaultSettings, mergeSettings } from './settings.js';
import { ConfigError, MedpostError } from './errors.js';
import { didYouMean } from './suggest.js';
import { createPatternRule, type PatternRuleDefinition } from './pattern-rules.js';
import { importModule } from './import-module.js';
import { configFileIn } from './draft-paths.js';

export const PRESETS = ['recommended', 'strict'] as const;
/** A plugin that takes longer than this to load is reported, not waited for. */
const PLUGIN_LOAD_TIMEOUT_MS = Number(process.env.MEDPOST_PLUGIN_TIMEOUT_MS) || 10_000;

interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

interface Override {
  matches: (relativePath: string) => boolean;
  settings?: Partial<OrganisationSettings>;
  rules: Map<string, RuleSetting>;
}

/** One config file with its `extends` chain flattened. */
export interface ConfigLayer {
  /** Absolute path of the config file, or undefined for the built-in defaults. */
  file?: string;
  directory: string;
  preset: (typeof PRESETS)[number];
  settings: Partial<OrganisationSettings>;
  rules: Map<string, RuleSetting>;
  overrides: Override[];
  extraRules: Rule[];
  /** Absolute globs of the configured set of drafts. */
  files?: string[];
  ignorePatterns: string[];
}

export interface ConfigLoaderOptions {
  cwd: string;
  /** --config: one file for every draft, no discovery. */
  configFile?: string;
  /** --rule id:severity, applied last. */
  ruleOverrides?: Record<string, SeveritySetting>;
  builtInRules: Rule[];
}

function normalizeSeverity(value: unknown): SeveritySetting | undefined {
  if (value === 'off' || value === 0) return 'off';
  if (value === 'warn' || value === 'warning' || value === 1) return 'warn';
  if (value === 'error' || value === 2) return 'error';
  return undefined;
}

/** A YAML document plus where its keys are, for error messages with line numbers. */
class SourceMap {
  constructor(private document: Document | undefined, private lineCounter: LineCounter | undefined, private keyPrefix: Array<string | number> = []) {}
  lineOf(path: Array<string | number>): number | undefined {
    if (!this.document || !this.lineCounter) return undefined;
    for (let length = path.length; length >= 0; length -= 1) {
      const node = this.document.getIn([...this.keyPrefix, ...path.slice(0, length)], true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return this.lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  }
}

export class ConfigLoader {
  private layers = new Map<string, Promise<ConfigLayer>>();
  /** The layers read so far, by loadLayer's key: a draft whose layer is read needs no await for it. */
  private settledLayers = new Map<string, ConfigLayer>();
  private nearest = new Map<string, string | undefined>();
  /** Per folder as drafts' paths name it (not resolved): its config file. Thousands of drafts share a few folders. */
  private configFileByFolder = new Map<string, string | undefined>();
  private fileConfigs = new Map<string, FileConfig>();
  private readonly builtInById: Map<string, Rule>;

  constructor(private readonly options: ConfigLoaderOptions) {
    this.builtInById = new Map(options.builtInRules.map((rule) => [rule.meta.id, rule]));
  }

  /** The config file that applies to a draft: --config, or the nearest one walking up. */
  configFileFor(filePath: string): string | undefined {
    if (this.options.configFile) return resolve(this.options.cwd, this.options.configFile);
    const folder = dirname(filePath);
    if (this.configFileByFolder.has(folder)) return this.configFileByFolder.get(folder);
    const found = this.findNearest(resolve(this.options.cwd, folder));
    this.configFileByFolder.set(folder, found);
    return found;
  }

  private findNearest(directory: string): string | undefined {
    if (this.nearest.has(directory)) return this.nearest.get(directory);
    let found = configFileIn(directory);
    if (!found) {
      const parent = dirname(directory);
      found = parent === directory ? undefined : this.findNearest(parent);
    }
    this.nearest.set(directory, found);
    return found;
  }

  async layerFor(filePath: string): Promise<ConfigLayer> {
    const configFile = this.configFileFor(filePath);
    return this.settledLayers.get(configFile ?? '<defaults>') ?? this.loadLayer(configFile);
  }

  loadLayer(configFile: string | undefined): Promise<ConfigLayer> {
    const key = configFile ?? '<defaults>';
    let layer = this.layers.get(key);
    if (!layer) {
      layer = configFile ? this.readLayer(configFile, []) : Promise.resolve(this.defaultLayer());
      this.layers.set(key, layer);
      // A layer that fails to load is never settled: each draft then gets its error from the promise.
      layer.then((settled) => this.settledLayers.set(key, settled), () => {});
    }
    return layer;
  }

  private defaultLayer(): ConfigLayer {
    return { directory: this.options.cwd, preset: 'recommended', settings: {}, rules: new Map(), overrides: [], extraRules: [], ignorePatterns: [] };
  }

  private async readLayer(file: string, chain: string[]): Promise<ConfigLayer> {
    if (chain.includes(file)) throw new ConfigError(file, `'extends' makes a cycle: ${[...chain, file].join(' -> ')}`);
    if (!existsSync(file)) throw new ConfigError(file, 'config file not found');
    const directory = dirname(file);
    const { raw, sourceMap } = this.parseConfigFile(file);

    // A section left with only comments (as `medpost init` writes them) is empty, not invalid.
    for (const [key, value] of Object.entries(raw)) if (value === null) delete raw[key];
    const problems = validateAgainstSchema(raw, CONFIG_SCHEMA);
    if (problems.length > 0) {
      const [first] = problems;
      const key = first.path.length > 0 ? `'${first.path.join('.')}': ` : '';
      throw new ConfigError(file, `${key}${first.message}`, sourceMap.lineOf(first.path));
    }

    let layer: ConfigLayer = this.defaultLayer();
    layer.directory = directory;
    const extendsList = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends as string[] : [raw.extends as string];
    for (const [index, entry] of extendsList.entries()) {
      const preset = entry.replace(/^medpost:/, '');
      if ((PRESETS as readonly string[]).includes(preset)) {
        layer.preset = preset as ConfigLayer['preset'];
        continue;
      }
      if (!entry.startsWith('.') && !isAbsolute(entry)) {
        throw new ConfigError(file, `'extends': unknown preset '${entry}'${didYouMean(entry, PRESETS)}; use ${PRESETS.join(' or ')}, or a path such as ./base.medpostrc.yaml`, sourceMap.lineOf(['extends', index]));
      }
      const parent = await this.readLayer(resolve(directory, entry), [...chain, file]);
      layer = mergeLayers(layer, parent);
    }

    layer.file = file;
    layer.directory = directory;
    if (raw.settings) layer.settings = mergePartialSettings(layer.settings, raw.settings as Partial<OrganisationSettings>);
    if (raw.files) layer.files = (raw.files as string[]).map((pattern) => toAbsoluteGlob(directory, pattern));
    if (raw.ignorePatterns) layer.ignorePatterns = [...layer.ignorePatterns, ...(raw.ignorePatterns as string[]).map((pattern) => toAbsoluteGlob(directory, pattern))];

    for (const [index, specifier] of ((raw.plugins ?? []) as string[]).entries()) {
      layer.extraRules.push(...(await loadPlugin(specifier, file, sourceMap.lineOf(['plugins', index]))));
    }
    for (const [index, definition] of ((raw.patterns ?? []) as PatternRuleDefinition[]).entries()) {
      try {
        layer.extraRules.push(createPatternRule(definition));
      } catch (error) {
        throw new ConfigError(file, `'patterns[${index}]' (${definition.id}): ${(error as Error).message}`, sourceMap.lineOf(['patterns', index]));
      }
      const unsafe = await findUnsafePattern(definition);
      if (unsafe) {
        throw new ConfigError(
          file,
          `'patterns[${index}]' (${definition.id}): the pattern ${JSON.stringify(unsafe.pattern)} can backtrack catastrophically (${unsafe.why}) and hang medpost on some drafts; rewrite it without nested or overlapping repetition (e.g. bound it: {1,20} instead of +)`,
          sourceMap.lineOf(['patterns', index]),
        );
      }
    }
    const known = this.rulesById(layer);
    for (const rule of layer.extraRules) {
      if (this.builtInById.has(rule.meta.id)) throw new ConfigError(file, `rule id '${rule.meta.id}' is already a built-in rule: choose another id`);
    }

    if (raw.rules) {
      for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
        layer.rules.set(id, this.parseRuleSetting(id, value, known, file, sourceMap, ['rules', id]));
      }
    }
    for (const [index, override] of ((raw.overrides ?? []) as Array<Record<string, unknown>>).entries()) {
      const rules = new Map<string, RuleSetting>();
      for (const [id, value] of Object.entries((override.rules ?? {}) as Record<string, unknown>)) {
        rules.set(id, this.parseRuleSetting(id, value, known, file, sourceMap, ['overrides', index, 'rules', id]));
      }
      const include = picomatch(override.files as string[], { dot: true, basename: !(override.files as string[]).some((pattern) => pattern.includes('/')) });
      const exclude = override.excludedFiles ? picomatch(override.excludedFiles as string[], { dot: true }) : () => false;
      const overrideDirectory = directory;
      layer.overrides.push({
        matches: (absolutePath: string) => {
          const path = toPosix(relative(overrideDirectory, absolutePath));
          return !path.startsWith('../') && include(path) && !exclude(path);
        },
        settings: override.settings as Partial<OrganisationSettings> | undefined,
        rules,
      });
    }
    return layer;
  }

  private parseConfigFile(file: string): { raw: Record<string, unknown>; sourceMap: SourceMap } {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(file, `cannot read the config file: ${(error as Error).message}`);
    }
    if (file.endsWith('package.json')) {
      try {
        const manifest = JSON.parse(text) as Record<string, unknown>;
        const value = manifest.medpost;
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(file, "'medpost' must be an object with the config keys");
        const lineCounter = new LineCounter();
        const document = parseDocument(text, { lineCounter });
        return { raw: value as Record<string, unknown>, sourceMap: new SourceMap(document, lineCounter, ['medpost']) };
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        throw new ConfigError(file, `invalid JSON: ${(error as Error).message}`);
      }
    }
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: true });
    if (document.errors.length > 0) {
      const error = document.errors[0];
      throw new ConfigError(file, `invalid YAML: ${error.message.split('\n')[0]}`, error.linePos?.[0]?.line);
    }
    let raw: unknown;
    try {
      raw = document.toJS({ maxAliasCount: 50 });
    } catch (error) {
      throw new ConfigError(file, `config refused: ${(error as Error).message}`);
    }
    if (raw === null || raw === undefined) raw = {};
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, 'a config file must be a mapping of keys (settings, rules, …)');
    return { raw: raw as Record<string, unknown>, sourceMap: new SourceMap(document, lineCounter) };
  }

  private parseRuleSetting(id: string, value: unknown, known: Map<string, Rule>, file: string, sourceMap: SourceMap, path: Array<string | number>): RuleSetting {
    const rule = known.get(id);
    if (!rule) throw new ConfigError(file, `'rules': unknown rule '${id}'${didYouMean(id, known.keys())}; \`medpost rules\` lists them`, sourceMap.lineOf(path));
    const [severityValue, options] = Array.isArray(value) ? value : [value, undefined];
    const severity = normalizeSeverity(severityValue);
    if (!severity) {
      throw new ConfigError(file, `'rules.${id}': expected off, warn or error (or [severity, {options}]), found ${JSON.stringify(severityValue)}`, sourceMap.lineOf(path));
    }
    if (options !== undefined) {
      const problems = validateAgainstSchema(options, rule.meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} });
      if (problems.length > 0) {
        const [first] = problems;
        throw new ConfigError(file, `'rules.${id}' options${first.path.length ? ` '${first.path.join('.')}'` : ''}: ${first.message}`, sourceMap.lineOf([...path, 1, ...first.path]));
      }
    }
    return { severity, options: options as Record<string, unknown> | undefined };
  }

  rulesById(layer: ConfigLayer): Map<string, Rule> {
    const map = new Map(this.builtInById);
    for (const rule of layer.extraRules) map.set(rule.meta.id, rule);
    return map;
  }

  /** Settings and configured rules for one draft. */
  async fileConfig(filePath: string): Promise<FileConfig> {
    const configFile = this.configFileFor(filePath);
    const layer = this.settledLayers.get(configFile ?? '<defaults>') ?? (await this.loadLayer(configFile));
    // Without overrides a layer gives every draft the same configuration: no need to resolve the path.
    const absolute = layer.overrides.length > 0 ? resolve(this.options.cwd, filePath) : filePath;
    const matching = layer.overrides.filter((override) => override.matches(absolute));
    const cacheKey = `${layer.file ?? ''}\0${matching.map((override) => layer.overrides.indexOf(override)).join(',')}`;
    const cached = this.fileConfigs.get(cacheKey);
    if (cached) return cached;
    let settings = mergeSettings(defaultSettings(), layer.settings);
    const settingsByRule = new Map(layer.rules);
    for (const override of matching) {
      if (override.settings) settings = mergeSettings(settings, override.settings);
      for (const [id, setting] of override.rules) {
        const previous = settingsByRule.get(id);
        settingsByRule.set(id, { severity: setting.severity, options: setting.options ?? previous?.options });
      }
    }
    for (const [id, severity] of Object.entries(this.options.ruleOverrides ?? {})) {
      settingsByRule.set(id, { severity, options: settingsByRule.get(id)?.options });
    }
    const rules: ConfiguredRule[] = [];
    for (const rule of this.rulesById(layer).values()) {
      const setting = settingsByRule.get(rule.meta.id);
      const severity = setting?.severity ?? presetSeverity(layer.preset, rule);
      if (severity === 'off') continue;
      rules.push({
        rule,
        severity,
        options: { ...schemaDefaults(rule.meta.optionsSchema), ...presetOptions(layer.preset, rule), ...(setting?.options ?? {}) },
      });
    }
    const fileConfig = { settings, rules };
    this.fileConfigs.set(cacheKey, fileConfig);
    return fileConfig;
  }

  /** Checks --rule ids against every rule the run knows. */
  validateRuleOverrides(known: Iterable<string>): void {
    const ids = [...known];
    for (const id of Object.keys(this.options.ruleOverrides ?? {})) {
      if (!ids.includes(id)) throw new MedpostError(`--rule: unknown rule '${id}'${didYouMean(id, ids)}; \`medpost rules\` lists them`);
    }
  }
}

/** A user pattern that recheck proves vulnerable to catastrophic backtracking (recheck is loaded only for this). */
async function findUnsafePattern(definition: PatternRuleDefinition): Promise<{ pattern: string; why: string } | undefined> {
  const { check } = await importModule<typeof import('recheck')>('recheck');
  const { unicodeWordBoundaries } = await import('./rule-helpers.js');
  for (const list of Object.values(definition.patterns)) {
    for (const pattern of list) {
      const result = await check(unicodeWordBoundaries(pattern), 'iu', { timeout: 2000 });
      if (result.status === 'vulnerable') return { pattern, why: result.complexity?.summary ?? 'vulnerable' };
    }
  }
  return undefined;
}

function presetSeverity(preset: ConfigLayer['preset'], rule: Rule): Severity | 'off' {
  if (preset === 'strict') return 'error';
  return rule.meta.defaultSeverity;
}

function presetOptions(preset: ConfigLayer['preset'], rule: Rule): Record<string, unknown> {
  if (preset === 'strict' && rule.meta.id === 'front-matter') return { requireDate: true };
  return {};
}

function mergePartialSettings(base: Partial<OrganisationSettings>, override: Partial<OrganisationSettings>): Partial<OrganisationSettings> {
  return mergeSettings({ ...defaultSettings(), ...base } as OrganisationSettings, override);
}

function mergeLayers(base: ConfigLayer, parent: ConfigLayer): ConfigLayer {
  return {
    ...base,
    preset: parent.preset === 'strict' || base.preset === 'strict' ? 'strict' : 'recommended',
    settings: mergePartialSettings(base.settings, parent.settings),
    rules: new Map([...base.rules, ...parent.rules]),
    overrides: [...base.overrides, ...parent.overrides],
    extraRules: [...base.extraRules, ...parent.extraRules],
    files: parent.files ?? base.files,
    ignorePatterns: [...base.ignorePatterns, ...parent.ignorePatterns],
  };
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function toAbsoluteGlob(directory: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const absolute = isAbsolute(body) ? body : `${toPosix(directory)}/${body.replace(/^\.\//, '')}`;
  return negated ? `!${absolute}` : absolute;
}

/** A plugin: a path relative to the config that names it, or a package name resolved from there. */
async function loadPlugin(specifier: string, configFile: string, line: number | undefined): Promise<Rule[]> {
  let url: string;
  try {
    url = specifier.startsWith('.') || isAbsolute(specifier)
      ? pathToFileURL(resolve(dirname(configFile), specifier)).href
      : pathToFileURL(createRequire(configFile).resolve(specifier)).href;
  } catch {
    throw new ConfigError(configFile, `plugin '${specifier}' not found (paths are relative to this config file; packages must be installed)`, line);
  }
  let module: Record<string, unknown>;
  let timer: NodeJS.Timeout | undefined;
  try {
    module = await Promise.race([
      importModule(url),
      new Promise<never>((_, reject) => {
        // Not unref'd: a plugin whose import never settles leaves nothing else to keep the process alive.
        timer = setTimeout(() => reject(new Error(`did not finish loading within ${PLUGIN_LOAD_TIMEOUT_MS / 1000} s`)), PLUGIN_LOAD_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    throw new ConfigError(configFile, `plugin '${specifier}' failed to load: ${(error as Error).message}`, line);
  } finally {
    clearTimeout(timer);
  }
  const exported = (module.default && typeof module.default === 'object' && 'rules' in (module.default as object) ? module.default : module) as { rules?: unknown };
  const rules = exported.rules;
  if (!Array.isArray(rules)) throw new ConfigError(configFile, `plugin '${specifier}' must export { rules: [...] }`, line);
  for (const rule of rules as Rule[]) {
    const valid = rule && typeof rule === 'object' && rule.meta && typeof rule.meta.id === 'string'
      && (rule.meta.scope === 'collection' ? typeof (rule as { summarize?: unknown }).summarize === 'function' : true)
      && typeof (rule as { check?: unknown }).check === 'function';
    if (!valid) throw new ConfigError(configFile, `plugin '${specifier}': every rule needs meta.id, meta.scope and a check function`, line);
  }
  return rules as Rule[];
}
