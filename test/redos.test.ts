// Every regular expression medpost ships is checked for catastrophic backtracking with recheck:
//  - the ones built at run time (lexicons, platform data, templates), caught by wrapping the RegExp constructor
//    while every rule runs over a varied corpus;
//  - the regex literals in the TypeScript sources, found with the TypeScript parser.
// 'vulnerable' (exponential or polynomial) fails. recheck may give up ('unknown') on very large alternations
// (expanded word lists); those are reported here and covered by the 1 MB adversarial-input test.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repositoryRoot } from './helpers/cli.js';

interface Found {
  source: string;
  flags: string;
  where: string;
}

async function runtimePatterns(): Promise<Found[]> {
  const found = new Map<string, Found>();
  const NativeRegExp = RegExp;
  const capture = new Proxy(NativeRegExp, {
    construct(target, args: [string | RegExp, string?]) {
      const [pattern, flags] = args;
      const source = pattern instanceof NativeRegExp ? pattern.source : String(pattern);
      const flagText = flags ?? (pattern instanceof NativeRegExp ? pattern.flags : '');
      const caller = (new Error().stack ?? '').split('\n').slice(2).find((line) => !line.includes('node:internal')) ?? '';
      if (!caller.includes('node_modules')) found.set(`${flagText}\0${source}`, { source, flags: flagText, where: 'built at run time' });
      return Reflect.construct(target, args);
    },
  });
  (globalThis as { RegExp: RegExpConstructor }).RegExp = capture as RegExpConstructor;
  try {
    const { lintDrafts } = await import('../src/lint-core.js');
    const { builtInRules } = await import('../rules/index.js');
    const { defaultSettings, mergeSettings } = await import('../src/settings.js');
    const { schemaDefaults } = await import('../src/schema.js');
    const { generateDraft } = await import('../bench/corpus.mjs');
    const settings = mergeSettings(defaultSettings(), {
      brandName: 'Clínica Dental Sonrisa',
      competitorDomains: ['dentalrival.es'],
      jurisdictions: ['es', 'it', 'eu', 'us'],
      contact: { phones: ['+34 910 123 456'], emails: ['hola@sonrisa.es'], addresses: ['Calle Mayor 1, Madrid'], openingHours: ['L-V 9:00-20:00'], websites: ['sonrisa.es'] },
      vocabulary: { accept: { es: ['Sonrisa Plus'] }, reject: { en: ['cheap -> affordable'] } },
    });
    const rules = builtInRules.map((rule) => ({ rule, severity: 'warn' as const, options: schemaDefaults(rule.meta.optionsSchema) }));
    const inputs = Array.from({ length: 150 }, (_, index) => ({
      path: `/virtual/${index}.md`, displayPath: `${index}.md`, source: generateDraft(index), reported: true, config: { settings, rules },
    }));
    await lintDrafts(inputs, { today: '2026-06-30', knownRuleIds: new Set() });
    // Data-file patterns compile when first run: compile the rest of those the rules declared, so all are checked.
    const { declaredPatternList, compilePattern } = await import('../src/rule-helpers.js');
    const { compileLexicon } = await import('../rules/no-medical-advice/lexicon.js');
    const { parse } = await import('yaml');
    for (const language of ['en', 'es', 'it']) {
      const lexicon = compileLexicon(parse(readFileSync(join(repositoryRoot, 'rules', 'no-medical-advice', `lexicon.${language}.yaml`), 'utf8')), language);
      for (const group of [lexicon.cues, lexicon.markers]) for (const patterns of Object.values(group)) for (const pattern of patterns) void pattern.regex;
    }
    for (const { source, flags } of declaredPatternList()) compilePattern(source, flags);
  } finally {
    (globalThis as { RegExp: RegExpConstructor }).RegExp = NativeRegExp;
  }
  return [...found.values()];
}

function literalPatterns(): Found[] {
  const found: Found[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText(file);
            const end = text.lastIndexOf('/');
            found.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${relative(repositoryRoot, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}` });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(join(repositoryRoot, 'src'));
  walk(join(repositoryRoot, 'rules'));
  return found;
}

/**
 * Patterns recheck calls polynomial that only ever run on a slice of bounded length, where the worst case is a
 * few thousand steps. Each with the reason; anything else vulnerable fails the test.
 */
const BOUNDED_INPUT: Record<string, string> = {
  '(?:,[^,.;:!?\\n]{1,35},)?[\\s,]*$': 'names.ts: runs on the 90 characters before a clinical cue',
  '[,!¡\\s]*$': 'patient-name.ts: runs on the 4 characters before a get-well wish',
  '(?:^|[.!?¡¿:]\\s*|\\n\\s*)[«"“\'(]?$': 'brand-consistency: runs on the 4 characters before a brand name',
};

describe('regular expressions are safe from catastrophic backtracking', () => {
  it('recheck finds no vulnerable pattern among those medpost ships', async () => {
    const { check } = await import('recheck');
    const patterns = [...literalPatterns(), ...(await runtimePatterns())];
    expect(patterns.length).toBeGreaterThan(200);
    const vulnerable: string[] = [];
    const undecided: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < patterns.length) {
        const pattern = patterns[next];
        next += 1;
        // recheck knows the u flag, not v (set notation): check v patterns as u where they parse, else skip them.
        const flags = pattern.flags.replace(/[gyd]/g, '').replace('v', 'u');
        const result = await check(pattern.source, flags, { timeout: 1000 });
        if (result.status === 'vulnerable' && BOUNDED_INPUT[pattern.source] === undefined) vulnerable.push(`${pattern.where}: /${pattern.source.slice(0, 120)}/${pattern.flags} (${result.complexity?.summary})`);
        else if (result.status === 'unknown') undecided.push(`${pattern.where}: /${pattern.source.slice(0, 80)}…/ (${result.error?.kind})`);
      }
    };
    await Promise.all([worker(), worker()]);
    if (undecided.length > 0) console.log(`recheck could not decide ${undecided.length} of ${patterns.length} patterns in time (covered by the 1 MB adversarial test):\n${undecided.slice(0, 10).join('\n')}`);
    expect(vulnerable).toEqual([]);
  }, 600_000);
});
