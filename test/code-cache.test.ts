// bin/medpost.js compiles the CLI from the V8 code cache the build made (bin/load-cli.js): the cache must be
// taken as made, and a run without one, or with a broken one, must behave exactly the same.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, repositoryRoot, runCli } from './helpers/cli.js';

const loader = join(repositoryRoot, 'bin', 'load-cli.js');

/** Compiles the bundle in a fresh Node started with `nodeOptions`, and says which cache file it looked for and whether it used it. */
function compileIn(nodeOptions: string): { cacheFile: string; usedCache: boolean } {
  const probe = `import { codeCacheFile, compileCli } from ${JSON.stringify(loader)};
const { usedCache } = compileCli();
console.log(JSON.stringify({ cacheFile: codeCacheFile(), usedCache }));`;
  // A script file, not \`node -e\`: its flags would count as the run's.
  const script = join(makeProject({ 'probe.mjs': probe }), 'probe.mjs');
  const result = spawnSync(process.execPath, [script], { env: { ...process.env, NODE_OPTIONS: nodeOptions }, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { cacheFile: string; usedCache: boolean };
}

const draft = '---\nplatform: instagram\ndate: 2026-03-02\nlang: es\ntype: info\n---\nTómate 1 g de paracetamol cada 8 horas. Escríbenos a info@clinica-sol.es #Salud\n';

describe('code cache', () => {
  it('the build made one that V8 takes, for a plain start', () => {
    const { cacheFile, usedCache } = compileIn('');
    expect(cacheFile.endsWith('cli-plain.bin')).toBe(true);
    expect(usedCache).toBe(true);
  });

  it('a run with no cache for its flags, or a broken one, reports exactly what a cached run does', () => {
    const project = makeProject({ 'draft.md': draft });
    const args = ['lint', 'draft.md', '--format', 'json', '--today', '2026-03-01'];
    const cached = runCli(args, { cwd: project });
    expect(cached.status).toBe(1);

    // Flags no build ran with: no cache file, compiled from source.
    const otherFlags = '--max-old-space-size=3001';
    const { cacheFile, usedCache } = compileIn(otherFlags);
    expect(existsSync(cacheFile)).toBe(false);
    expect(usedCache).toBe(false);
    expect(runCli(args, { cwd: project, env: { NODE_OPTIONS: otherFlags } })).toEqual(cached);

    // A cache file of garbage for those flags: V8 refuses it, and the run is the same again.
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    try {
      expect(compileIn(otherFlags).usedCache).toBe(false);
      expect(runCli(args, { cwd: project, env: { NODE_OPTIONS: otherFlags } })).toEqual(cached);
    } finally {
      rmSync(cacheFile, { force: true });
    }
  });
});
