// relativePath reads a path inside a folder off its end instead of resolving both; it must give what path.relative
// gives for any pair, normalised or not.
import { describe, it, expect } from 'vitest';
import { relative } from 'node:path';
import fc from 'fast-check';
import { displayPathOf, relativePath } from '../../src/files.js';

const segment = fc.constantFrom('drafts', 'a', 'b.md', '.', '..', '', 'x y', '.hidden', 'ñ', '...');
const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join('/')}`);

describe.runIf(process.platform !== 'win32')('relativePath', () => {
  it('is path.relative, for paths inside the folder and any other', () => {
    fc.assert(
      fc.property(path, fc.array(segment, { maxLength: 4 }), fc.boolean(), (from, rest, inside) => {
        const to = inside ? `${from}/${rest.join('/')}` : `/${rest.join('/')}`;
        expect(relativePath(from, to)).toBe(relative(from, to));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the usual case off the end', () => {
    expect(relativePath('/work/repo', '/work/repo/drafts/2026/a.md')).toBe('drafts/2026/a.md');
    expect(relativePath('/work/repo', '/work/repository/a.md')).toBe('../repository/a.md');
    expect(relativePath('/work/repo/', '/work/repo/a.md')).toBe('a.md');
    expect(displayPathOf('/work/repo', '/elsewhere/a.md')).toBe('/elsewhere/a.md');
  });
});
