// `medpost stats --format html` renders in a real browser: headless Chromium (Debian's package, installed by
// .ci/run) loads the page offline, and the chart elements are in the rendered DOM with sensible sizes.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, repositoryRoot } from './helpers/cli.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const chromiumFlags = (profile: string) => [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--virtual-time-budget=2000',
];

describe.skipIf(!chromium)('stats HTML report in headless Chromium', () => {
  it('renders the heatmap, the promo chart with its 20% line, and the tables', () => {
    const directory = mkdtempSync(join(tmpdir(), 'medpost-html-'));
    const report = join(directory, 'report.html');
    const result = runCli(['stats', 'fixtures/calendar/clinica-sonrisa-2026', '--format', 'html', '--output-file', report, '--today', '2026-03-01']);
    expect(result.status, result.stderr).toBe(0);

    const dom = spawnSync(chromium!, [...chromiumFlags(join(directory, 'profile')), '--dump-dom', pathToFileURL(report).href], { encoding: 'utf8', timeout: 60_000 });
    expect(dom.stdout, dom.stderr).toContain('data-testid="stats-page"');
    const count = (testId: string) => dom.stdout.split(`data-testid="${testId}"`).length - 1;
    expect(count('platform-section')).toBeGreaterThan(0);
    expect(count('heatmap')).toBe(count('platform-section'));
    expect(count('heatmap-cell')).toBeGreaterThan(28);
    expect(count('promo-chart')).toBe(count('platform-section'));
    expect(count('promo-limit-line')).toBe(count('promo-chart'));
    expect(dom.stdout).toMatch(/data-testid="promo-limit-line" data-limit="0.2"/);
    expect(dom.stdout).toMatch(/data-testid="promo-bar" data-month="2026-03" data-share="0\.\d+" class="bar over"/);
    expect(count('stats-summary')).toBe(1);

    const screenshot = join(directory, 'report.png');
    spawnSync(chromium!, [...chromiumFlags(join(directory, 'profile2')), `--screenshot=${screenshot}`, '--window-size=1200,1600', pathToFileURL(report).href], { timeout: 60_000 });
    expect(existsSync(screenshot)).toBe(true);
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });

  it('the page loads nothing from the network', () => {
    const directory = mkdtempSync(join(tmpdir(), 'medpost-html-'));
    const report = join(directory, 'report.html');
    runCli(['stats', 'examples/drafts', '--format', 'html', '--output-file', report, '--today', '2026-03-31']);
    const html = spawnSync('cat', [report], { encoding: 'utf8' }).stdout;
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']https?:|@import|url\(["']?https?:/i);
    void repositoryRoot;
  });
});
