// MEDPOST_TIMING=1: where the time of a run goes, per rule and for parsing (like ESLint's TIMING=1).
// Off by default, and then it costs one undefined check per rule call.
// Measured in one thread: when it is on, lint runs without worker threads so every call is counted here.

const totals: Map<string, number> | undefined = process.env.MEDPOST_TIMING && process.env.MEDPOST_TIMING !== '0' ? new Map() : undefined;

export const timingEnabled = totals !== undefined;

/** Adds the time since `started` (a performance.now() value) to `label`. */
export function addTiming(label: string, started: number): void {
  if (totals) totals.set(label, (totals.get(label) ?? 0) + (performance.now() - started));
}

/** The table printed on standard error at the end of a run: the slowest first. */
export function timingTable(limit = Number(process.env.MEDPOST_TIMING) > 1 ? Number(process.env.MEDPOST_TIMING) : 15): string {
  if (!totals || totals.size === 0) return '';
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const total = [...totals.values()].reduce((sum, value) => sum + value, 0);
  const width = Math.max(4, ...rows.map(([label]) => label.length));
  const lines = [`${'Rule'.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|-----------|---------`];
  for (const [label, milliseconds] of rows) {
    lines.push(`${label.padEnd(width)} | ${milliseconds.toFixed(1).padStart(9)} | ${((100 * milliseconds) / total).toFixed(1).padStart(7)}%`);
  }
  return `${lines.join('\n')}\n`;
}
