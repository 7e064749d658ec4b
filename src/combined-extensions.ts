// What micromark's parser imports as micromark-util-combine-extensions, in the bundle (scripts/bundle.mjs):
// the same combineExtensions, remembered. micromark's parse() combines its default constructs with the syntax
// extensions again for every document it reads (~46 KB of short-lived objects a draft, 6% of what a lint run
// allocates), though medpost passes the same few extension lists every time. The combined object is only read
// by the parser, so one made once per list serves every document.
import { combineExtensions as combineAgain, combineHtmlExtensions } from 'micromark-util-combine-extensions';
import type { Extension, NormalizedExtension } from 'micromark-util-types';

export { combineHtmlExtensions };

/** Each list combined so far (a copy: the caller's array is new each time) with its result. */
const combined: Array<{ extensions: readonly Extension[]; result: NormalizedExtension }> = [];

function sameExtensions(a: readonly Extension[], b: readonly Extension[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

export function combineExtensions(extensions: readonly Extension[]): NormalizedExtension {
  for (const entry of combined) if (sameExtensions(entry.extensions, extensions)) return entry.result;
  const result = combineAgain(extensions);
  combined.push({ extensions: [...extensions], result });
  return result;
}
