// Formatter name -> module, loaded only when used (start-up time matters for pre-commit runs).
import type { Formatter } from './types.js';

const loaders: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  codequality: () => import('./codequality.js'),
};

export const formatterNames = Object.keys(loaders);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const loader = loaders[name];
  return loader ? (await loader()).default : undefined;
}

export type { Formatter, FormatterContext } from './types.js';
