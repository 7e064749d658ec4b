// `medpost stats`: the calendar at a glance, from the same drafts `medpost lint` would see (named paths, or the
// configured `files`). Each draft is parsed and reduced to a few fields; no rule runs.
import { resolveDrafts, localDate, type LintOptions } from './lint.js';
import { parsePost } from './post.js';
import { readDraftFile } from './read-draft.js';
import { platformRegistry } from './platforms.js';
import { summarizeDraftForStats, buildCalendarStats, renderStats, type DraftStats, type StatsFormat } from './stats/index.js';

export interface StatsOptions extends Pick<LintOptions, 'cwd' | 'configFile' | 'ignorePatterns' | 'errorOnUnmatchedPattern' | 'today'> {
  format: StatsFormat;
  color: boolean;
  /** The promotional share the chart draws its line at. Default 0.2. */
  limit?: number;
}

export async function runStats(patterns: string[], options: StatsOptions): Promise<{ output: string; warnings: string[] }> {
  const { inputs, warnings } = await resolveDrafts(patterns, options);
  const drafts: DraftStats[] = [];
  for (const input of inputs) {
    const read = input.source !== undefined ? { source: input.source } : await readDraftFile(input.path);
    if ('error' in read) {
      warnings.push(`${input.displayPath}: ${read.error}`);
      continue;
    }
    const { post } = await parsePost(read.source, {
      path: input.path,
      displayPath: input.displayPath,
      settings: input.config.settings,
      platformAliases: platformRegistry(input.config.settings).aliases,
    });
    drafts.push(summarizeDraftForStats(post));
  }
  const stats = buildCalendarStats(drafts, { today: options.today ?? localDate(), limit: options.limit });
  return { output: renderStats(stats, options.format, { color: options.color }), warnings };
}
