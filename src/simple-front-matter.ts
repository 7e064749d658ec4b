// A fast reader for the front matter most drafts have: one `key: value` per line, where a value is a plain word or
// phrase, a quoted phrase without escapes, true, false or null, a flow list (`[x, bluesky]`), or a block list of
// those or of one-level mappings (`media:` entries, where an empty `alt:` is null). For that subset it gives exactly what the yaml package gives (value and
// positions: a test compares both on generated and random front matter); for anything else (comments, numbers,
// anchors, tags, escapes, multi-line values, tabs, CR, duplicate keys…) it returns undefined, and the yaml package
// reads the text. Reading front matter with the yaml package was ~6% of a 10,000-draft run; this reads the usual
// shapes 12-13x faster (2,828 front matters of the bench corpus: 130 ms -> 10 ms, parseDocument + toJS included).

export interface SimpleFrontMatterEntry {
  key: string;
  keyStart: number;
  /** The value's range in the text, as the yaml package gives it (node.range[0], node.range[1]). */
  valueStart: number;
  valueEnd: number;
}

export interface SimpleFrontMatter {
  value: Record<string, unknown>;
  entries: SimpleFrontMatterEntry[];
}

/** Characters outside this set send the text to the yaml package (controls, CR, tabs, BOM, surrogates, C1, specials). */
const OUTSIDE_SUBSET = /[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*/;
/** `key:` alone on its line: a block list follows. */
const LIST_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):$/;
/** A list item that is a mapping entry (`- key: value`), not a word. */
const MAPPING_ITEM = /^[A-Za-z_][A-Za-z0-9_-]*:(?: |$)/;
/** A plain scalar that starts with a letter or digit and holds no comment, no ': ' and no trailing ':'. */
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} _./+,()'!?&%@*=~^$-]|:(?=[^\s:]))*/u;
/** In a flow list: no commas, brackets, braces or colons. */
const FLOW_PLAIN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} _./+()'!?&%@*=~^$-]*/u;
const DOUBLE_QUOTED = /^"[^"\\]*"/;
const SINGLE_QUOTED = /^'[^']*'/;
/** The plain scalars the core schema reads as something else than text. */
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
/** The core schema's numbers (its own tests): read by the yaml package. */
const NUMBER = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** The value of a scalar written at the start of `rest`, with its length; undefined outside the subset. */
function readScalar(rest: string, flow: boolean): { value: unknown; length: number } | undefined {
  const first = rest[0];
  if (first === '"' || first === "'") {
    const quoted = (first === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED).exec(rest);
    if (!quoted) return undefined;
    return { value: quoted[0].slice(1, -1), length: quoted[0].length };
  }
  const plain = (flow ? FLOW_PLAIN : PLAIN).exec(rest);
  if (!plain) return undefined;
  const text = plain[0].trimEnd();
  if (NUMBER.test(text)) return undefined;
  if (NULL.test(text)) return { value: null, length: text.length };
  if (TRUE.test(text)) return { value: true, length: text.length };
  if (FALSE.test(text)) return { value: false, length: text.length };
  return { value: text, length: text.length };
}

/** A scalar or a flow list filling the rest of a line (spaces may follow); undefined outside the subset. */
function readLineValue(line: string, start: number): { value: unknown; end: number } | undefined {
  const rest = line.slice(start);
  let value: unknown;
  let length: number;
  if (rest[0] === '[') {
    const items: unknown[] = [];
    let at = 1;
    while (rest[at] === ' ') at += 1;
    if (rest[at] !== ']') {
      for (;;) {
        const item = readScalar(rest.slice(at), true);
        if (!item) return undefined;
        items.push(item.value);
        at += item.length;
        while (rest[at] === ' ') at += 1;
        if (rest[at] === ']') break;
        if (rest[at] !== ',') return undefined;
        at += 1;
        while (rest[at] === ' ') at += 1;
      }
    }
    value = items;
    length = at + 1;
  } else {
    const scalar = readScalar(rest, false);
    if (!scalar) return undefined;
    value = scalar.value;
    length = scalar.length;
  }
  if (rest.slice(length).trim() !== '') return undefined;
  return { value, end: start + length };
}

function isKey(key: string): boolean {
  return key !== '__proto__' && !NULL.test(key) && !TRUE.test(key) && !FALSE.test(key);
}

/**
 * `key: value` at `start` of a line (a top-level pair or a list item's mapping entry); undefined outside the subset.
 * `emptyIsNull`: in a list item's mapping, `alt:` with nothing after it is null (a top-level one is not read here:
 * where the yaml package puts an empty value's range is not worth copying).
 */
function readPair(line: string, start: number, emptyIsNull = false): { key: string; value: unknown; valueStart: number; valueEnd: number } | undefined {
  const key = KEY.exec(line.slice(start))?.[0];
  if (!key || !isKey(key) || line[start + key.length] !== ':') return undefined;
  let valueStart = start + key.length + 1;
  // Only spaces: YAML's white space. A no-break or ideographic space is text ('alt: \u00a0' is ' ').
  if (emptyIsNull && /^ *$/.test(line.slice(valueStart))) return { key, value: null, valueStart: line.length, valueEnd: line.length };
  if (line[valueStart] !== ' ') return undefined;
  while (line[valueStart] === ' ') valueStart += 1;
  if (valueStart === line.length) return undefined;
  const value = readLineValue(line, valueStart);
  if (!value) return undefined;
  return { key, value: value.value, valueStart, valueEnd: value.end };
}

/** The front matter's value and positions when it lies in the subset (see above), else undefined. */
export function readSimpleFrontMatter(text: string): SimpleFrontMatter | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  for (let index = 0, offset = 0; index < lines.length; index += 1) {
    lineStarts.push(offset);
    offset += lines[index].length + 1;
  }
  let first = 0;
  while (first < lines.length && lines[first] === '') first += 1;
  let last = lines.length - 1;
  while (last >= first && lines[last] === '') last -= 1;
  if (first > last) return undefined;
  // Blank lines before the first pair only when the text starts with one newline (as gray-matter passes it).
  if (first > 1) return undefined;

  const value: Record<string, unknown> = {};
  const entries: SimpleFrontMatterEntry[] = [];
  let index = first;
  while (index <= last) {
    const line = lines[index];
    const keyStart = lineStarts[index];
    const pair = readPair(line, 0);
    if (pair) {
      if (Object.hasOwn(value, pair.key)) return undefined;
      value[pair.key] = pair.value;
      entries.push({ key: pair.key, keyStart, valueStart: keyStart + pair.valueStart, valueEnd: keyStart + pair.valueEnd });
      index += 1;
      continue;
    }
    // Else `key:` alone on its line, and a block list follows, at one indentation for all its items.
    const key = LIST_KEY.exec(line)?.[1];
    if (!key || !isKey(key) || Object.hasOwn(value, key)) return undefined;
    const list = readBlockList(lines, index + 1, last);
    if (!list) return undefined;
    value[key] = list.items;
    // The yaml package ends a list after its last line's newline (blank lines after it are not part of it), or
    // before it when that line ends in an empty value: a line ending in ':' (no value read here ends so).
    const lastLine = list.nextLine - 1;
    const endsEmpty = /: *$/.test(lines[lastLine]);
    const end = endsEmpty ? lineStarts[lastLine] + lines[lastLine].length : list.nextLine < lines.length ? lineStarts[list.nextLine] : text.length;
    entries.push({ key, keyStart, valueStart: lineStarts[index + 1] + list.indent, valueEnd: end });
    index = list.nextLine;
  }
  return { value, entries };
}

/** Leading spaces: YAML indents with spaces alone (a no-break space is text, not indentation). */
function indentOf(line: string): number {
  let count = 0;
  while (line[count] === ' ') count += 1;
  return count;
}

/** A block list from line `from`: `- value` items, or `- key: value` items with more `key: value` lines under them. */
function readBlockList(lines: string[], from: number, last: number): { items: unknown[]; indent: number; nextLine: number } | undefined {
  if (from > last) return undefined;
  const indent = indentOf(lines[from]);
  const items: unknown[] = [];
  let index = from;
  while (index <= last) {
    const line = lines[index];
    const lineIndent = indentOf(line);
    if (lineIndent < indent || (lineIndent === 0 && line[0] !== '-')) break;
    if (lineIndent !== indent || line[indent] !== '-' || line[indent + 1] !== ' ') return undefined;
    const itemStart = indent + 2;
    if (line[itemStart] === ' ') return undefined;
    const pair = MAPPING_ITEM.test(line.slice(itemStart)) ? readPair(line, itemStart, true) : undefined;
    if (!pair) {
      const scalar = readLineValue(line, itemStart);
      if (!scalar || Array.isArray(scalar.value)) return undefined;
      items.push(scalar.value);
      index += 1;
      continue;
    }
    const mapping: Record<string, unknown> = { [pair.key]: pair.value };
    index += 1;
    // The mapping's further entries sit under its first key.
    while (index <= last) {
      const next = lines[index];
      const nextIndent = indentOf(next);
      if (nextIndent !== itemStart) {
        if (nextIndent > itemStart || (nextIndent > indent && nextIndent < itemStart)) return undefined;
        break;
      }
      const entry = readPair(next, itemStart, true);
      if (!entry || Object.hasOwn(mapping, entry.key)) return undefined;
      mapping[entry.key] = entry.value;
      index += 1;
    }
    items.push(mapping);
  }
  if (items.length === 0) return undefined;
  return { items, indent, nextLine: index };
}
