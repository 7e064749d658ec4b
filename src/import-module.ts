// import(), for what medpost loads at run time by name or path: configured plugins, recheck.
// The CLI bundle runs as a classic script compiled from V8's code cache (bin/medpost.js), where Node 20 offers no
// import() of its own without an experimental flag; bin/medpost.js then passes its own as `__medpostImport`.
declare const __medpostImport: ((specifier: string) => Promise<unknown>) | undefined;

export function importModule<T = Record<string, unknown>>(specifier: string): Promise<T> {
  return (typeof __medpostImport === 'function' ? __medpostImport(specifier) : import(specifier)) as Promise<T>;
}
