import { describe, it, expect } from 'vitest';
import { combineExtensions as combineAgain } from 'micromark-util-combine-extensions';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { combineExtensions } from '../../src/combined-extensions.js';

describe('combineExtensions as the bundled parser gets it', () => {
  const strikethrough = gfmStrikethrough();
  const table = gfmTable();

  it('combines as micromark-util-combine-extensions does', () => {
    expect(combineExtensions([strikethrough, table])).toEqual(combineAgain([strikethrough, table]));
  });

  it('returns the first combination for a new array of the same extensions, and another for another list', () => {
    const first = combineExtensions([strikethrough, table]);
    expect(combineExtensions([strikethrough, table])).toBe(first);
    expect(combineExtensions([table, strikethrough])).not.toBe(first);
    expect(combineExtensions([strikethrough])).not.toBe(first);
    expect(combineExtensions([strikethrough])).toEqual(combineAgain([strikethrough]));
  });

  it('does not hold on to the array it was given', () => {
    const list = [table];
    const first = combineExtensions(list);
    list.push(strikethrough);
    expect(combineExtensions([table])).toBe(first);
    expect(combineExtensions([table, strikethrough])).not.toBe(first);
  });
});
