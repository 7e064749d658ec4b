// The medpost command: argument parsing and exit codes only. Everything else is loaded when a command runs,
// so `medpost lint one-file.md` in a pre-commit hook pays only for what it uses.
//   0: no errors   1: errors found (or more warnings than --max-warnings)   2: the run itself failed
import { Command, Option, InvalidArgumentError } from 'commander';
import { packageVersion } from './package-root.js';
import type { Severity, SeveritySetting } from './types.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_FAILURE = 2;

/** Colour only on a terminal, honouring NO_COLOR and FORCE_COLOR (and --color / --no-color). */
export function shouldUseColor(stream: NodeJS.WriteStream, flag: boolean | undefined, env = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseRuleFlag(value: string, previous: Record<string, SeveritySetting> = {}): Record<string, SeveritySetting> {
  const separator = value.lastIndexOf(':');
  const id = value.slice(0, separator).trim();
  const severity = value.slice(separator + 1).trim();
  if (separator <= 0 || !['off', 'warn', 'error'].includes(severity)) {
    throw new InvalidArgumentError(`expected RULE:off|warn|error, e.g. --rule no-competitor-links:error (got '${value}')`);
  }
  return { ...previous, [id]: severity as SeveritySetting };
}

function parseCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError(`expected a whole number >= 0 (got '${value}')`);
  return number;
}

function parseConcurrency(value: string): 'off' | 'auto' | number {
  if (value === 'off' || value === 'auto') return value;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`expected auto, off or a number >= 1 (got '${value}')`);
  return number;
}

function parseShare(value: string): number {
  const number = Number(value.replace(/%$/, '')) / (value.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(number) || number < 0 || number > 1) throw new InvalidArgumentError(`expected a share between 0 and 1, or a percentage (got '${value}')`);
  return number;
}

function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD (got '${value}')`);
  }
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function writeOutput(text: Iterable<string>, outputFile: string | undefined): Promise<void> {
  if (!outputFile) {
    for (const chunk of text) {
      // Wait when the pipe is full rather than queue the whole report in memory.
      if (chunk && !process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return;
  }
  const { writeOutputFile } = await import('./output-file.js');
  await writeOutputFile(outputFile, text);
}

interface LintCommandOptions {
  config?: string;
  rule?: Record<string, SeveritySetting>;
  ignorePattern?: string[];
  errorOnUnmatchedPattern: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  format: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: number;
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDirectives?: Severity | true;
  today?: string;
  color?: boolean;
  explainType?: string;
  cache?: boolean;
  cacheLocation?: string;
  baseline?: string;
  writeBaseline?: boolean;
  pruneBaseline?: boolean;
  concurrency?: 'off' | 'auto' | number;
}

async function runLint(paths: string[], options: LintCommandOptions, mayRelaunch: boolean): Promise<number> {
  if (options.explainType) {
    const { explainType } = await import('./commands.js');
    process.stdout.write(await explainType(options.explainType, options.config));
    return EXIT_OK;
  }
  let startWorkersEarly = false;
  if (mayRelaunch && !options.stdin) {
    const relaunch = await import('./relaunch.js');
    if (!relaunch.regexpsCompiledDirectly()) {
      // Drafts named (and a few named in a large content repo: the rest of its calendar is read too).
      const calendar = paths.length > 0 ? await relaunch.calendarDraftCount(process.cwd(), relaunch.LARGE_RUN_DRAFTS) : 0;
      if (calendar >= relaunch.CALENDAR_RELAUNCH_FROM_DRAFTS || (await relaunch.draftsAtLeast(paths, relaunch.RELAUNCH_FROM_DRAFTS))) {
        // The configured set (no paths) is estimated by the drafts under the working directory, where its config is.
        const named = await relaunch.namedDraftCount(paths.length > 0 ? paths : [process.cwd()], relaunch.LARGE_RUN_DRAFTS, false);
        return relaunch.relaunchWithCompiledRegexps(Math.max(named, calendar));
      }
    }
    // Relaunched for as many drafts as pay for a worker: start it while the drafts are found.
    startWorkersEarly = relaunch.relaunchedForWorkers();
  }
  const [{ lint }, { loadFormatter, formatterNames }] = await Promise.all([import('./lint.js'), import('./formatters/index.js')]);
  const formatter = await loadFormatter(options.format);
  if (!formatter) {
    const { didYouMean } = await import('./suggest.js');
    throw new (await import('./errors.js')).MedpostError(`unknown format '${options.format}'${didYouMean(options.format, formatterNames)}; use one of ${formatterNames.join(', ')}`);
  }
  if (options.stdin && options.fix) {
    throw new (await import('./errors.js')).MedpostError('--fix cannot write to standard input: use --fix-dry-run with --format json to see the fixed text');
  }
  const report = await lint(paths, {
    configFile: options.config,
    rules: options.rule,
    ignorePatterns: options.ignorePattern,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    stdin: options.stdin ? { text: await readStdin(), filename: options.stdinFilename } : undefined,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    reportUnusedDirectives: options.reportUnusedDirectives === true ? 'warn' : options.reportUnusedDirectives,
    today: options.today,
    cache: options.cache,
    cacheLocation: options.cacheLocation,
    baseline: options.baseline,
    writeBaseline: options.writeBaseline,
    pruneBaseline: options.pruneBaseline,
    concurrency: options.concurrency,
    startWorkersEarly,
  });
  if (options.quiet) {
    for (const result of report.results) {
      result.findings = result.findings.filter((finding) => finding.severity === 'error');
      result.warningCount = 0;
    }
    report.warningCount = 0;
  }
  const color = options.outputFile ? false : shouldUseColor(process.stdout, options.color);
  const context = { cwd: process.cwd(), color, version: packageVersion, maxWarnings: options.maxWarnings };
  await writeOutput(formatter.chunks ? formatter.chunks(report, context) : [formatter(report, context)], options.outputFile);
  if (process.env.MEDPOST_TIMING && process.env.MEDPOST_TIMING !== '0') process.stderr.write((await import('./timing.js')).timingTable());
  if (options.outputFile && options.format !== 'stylish' && process.stderr.isTTY) {
    process.stderr.write(`medpost: ${report.errorCount} error(s), ${report.warningCount} warning(s) written to ${options.outputFile}\n`);
  }
  if (report.errorCount > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && report.warningCount > options.maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

export interface RunOptions {
  /** This process is the medpost executable, which may start Node again with better flags (see relaunch.ts). */
  mayRelaunch?: boolean;
}

export function buildProgram(setExitCode: (code: number) => void, run: RunOptions = {}): Command {
  const program = new Command('medpost')
    .description('Lint social-media drafts of clinics, hospitals and doctors before they are published.')
    .version(packageVersion, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`medpost: ${text.replace(/^error: /, '')}`) })
    .exitOverride();

  program
    .command('lint', { isDefault: true })
    .description('lint drafts: files, directories (.md, .markdown) or globs')
    .argument('[paths...]', 'drafts to lint (default: `files` from the config)')
    .option('-c, --config <file>', 'use this config file for every draft (no lookup)')
    .option('--rule <id:severity>', 'set a rule severity, e.g. --rule platform/hashtags:off (repeatable)', parseRuleFlag)
    .option('--ignore-pattern <pattern>', 'ignore drafts matching this gitignore-style pattern (repeatable)', collect)
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path or glob matches no draft (for hooks)')
    .option('--stdin', 'lint the draft given on standard input')
    .option('--stdin-filename <path>', 'the path the standard-input draft stands for (config, display)')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit, codequality').default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--fix', 'apply safe fixes and write the drafts (atomically)')
    .option('--fix-dry-run', 'compute fixes without writing them')
    .addOption(new Option('--report-unused-directives [severity]', 'report medpost-disable directives that silence nothing').choices(['warn', 'error']))
    .option('--today <date>', "the date the calendar rules take as today (YYYY-MM-DD)", parseDay)
    .option('--explain-type <file>', 'show why a draft counts as promotional, informational, neutral or a reply, and exit')
    .option('--cache', 'only re-lint drafts whose content, config or medpost changed')
    .option('--cache-location <path>', 'cache folder (default .medpostcache/)')
    .option('--baseline <file>', 'findings recorded in this file are not reported (default .medpost-baseline.json, when present)')
    .option('--write-baseline', "record every current finding in the baseline (adopting medpost on existing drafts)")
    .option('--prune-baseline', 'drop baseline entries that no longer occur')
    .option('--concurrency <n>', 'threads: auto (one per core, for large sets), off, or a number (the main thread counts as one)', parseConcurrency)
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action(async (paths: string[], options: LintCommandOptions) => {
      setExitCode(await runLint(paths, options, run.mayRelaunch ?? false));
    });

  program
    .command('stats')
    .description('the calendar at a glance: per platform and month, drafts, promotional share, languages, gaps')
    .argument('[paths...]', 'drafts (default: `files` from the config)')
    .addOption(new Option('-f, --format <name>', 'text, json or html (a self-contained page)').choices(['text', 'json', 'html']).default('text'))
    .option('-o, --output-file <path>', 'write to a file (e.g. report.html)')
    .option('-c, --config <file>', 'use this config file for every draft')
    .option('--ignore-pattern <pattern>', 'ignore drafts matching this pattern (repeatable)', collect)
    .option('--today <date>', 'the date taken as today (YYYY-MM-DD)', parseDay)
    .option('--max-promo-share <share>', 'the promotional share to draw the limit at (default 0.2)', parseShare)
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path matches no draft')
    .action(async (paths: string[], options: { format: 'text' | 'json' | 'html'; outputFile?: string; config?: string; ignorePattern?: string[]; today?: string; maxPromoShare?: number; errorOnUnmatchedPattern: boolean }) => {
      const { runStats } = await import('./stats-command.js');
      const { output, warnings } = await runStats(paths, {
        format: options.format,
        color: !options.outputFile && shouldUseColor(process.stdout, undefined),
        configFile: options.config,
        ignorePatterns: options.ignorePattern,
        today: options.today,
        limit: options.maxPromoShare,
        errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
      });
      for (const warning of warnings) process.stderr.write(`medpost: warning: ${warning}\n`);
      await writeOutput(output, options.outputFile);
  if (process.env.MEDPOST_TIMING && process.env.MEDPOST_TIMING !== '0') process.stderr.write((await import('./timing.js')).timingTable());
    });

  program
    .command('rules')
    .description('list every rule with its default severity, scope and documentation')
    .option('--format <name>', 'text or json', 'text')
    .action(async (options: { format: string }) => {
      const { listRules } = await import('./commands.js');
      process.stdout.write(await listRules(options.format, shouldUseColor(process.stdout, undefined)));
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. no-patient-data')
    .action(async (ruleId: string) => {
      const { explainRule } = await import('./commands.js');
      process.stdout.write(await explainRule(ruleId));
    });

  program
    .command('init')
    .description('write a commented starter .medpostrc.yaml here (never overwrites one)')
    .action(async () => {
      const { initConfig } = await import('./commands.js');
      process.stdout.write(await initConfig(process.cwd()));
    });

  program
    .command('print-config')
    .description('print the configuration that applies to a draft')
    .argument('<file>', 'a draft path')
    .option('-c, --config <file>', 'use this config file')
    .action(async (file: string, options: { config?: string }) => {
      const { printConfig } = await import('./commands.js');
      process.stdout.write(await printConfig(file, options.config));
    });

  return program;
}

export async function main(argv: string[], run: RunOptions = {}): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram((code) => {
    exitCode = code;
  }, run);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const commanderError = error as { code?: string; exitCode?: number };
    if (commanderError.code === 'commander.helpDisplayed' || commanderError.code === 'commander.version' || commanderError.code === 'commander.help') {
      return EXIT_OK;
    }
    if (commanderError.code?.startsWith('commander.')) return EXIT_FAILURE;
    const { MedpostError } = await import('./errors.js');
    if (error instanceof MedpostError) {
      process.stderr.write(`medpost: ${error.message}\n`);
      return error.exitCode; // 2, or 130 when interrupted
    }
    process.stderr.write(`medpost: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report this with the command you ran.\n`);
    return EXIT_FAILURE;
  }
  return exitCode;
}
