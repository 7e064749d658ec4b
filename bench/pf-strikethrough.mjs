import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import * as mx from 'micromark-extension-gfm-strikethrough';
import * as mu from 'mdast-util-gfm-strikethrough';
const micro = Object.values(mx).find((f) => typeof f === 'function' && /^gfm/.test(f.name) && !/Html/.test(f.name));
const from = Object.entries(mu).find(([k]) => /FromMarkdown$/.test(k))[1];
const parser = unified().use(remarkParse).use(function () { const d = this.data(); (d.micromarkExtensions ??= []).push(typeof micro() === 'object' && micro.length === 0 ? micro() : micro()); (d.fromMarkdownExtensions ??= []).push(typeof from === 'function' ? from() : from); });
async function* walk(directory) { for (const entry of await readdir(directory, { withFileTypes: true })) { const path = join(directory, entry.name); if (entry.isDirectory()) yield* walk(path); else if (entry.name.endsWith('.md')) yield path; } }
let n = 0; for await (const path of walk(process.argv[2])) { const source = await readFile(path, 'utf8'); const file = matter(source, { engines: { yaml: (t) => parseYaml(t) } }); const tree = parser.parse(file.content); n += tree.children.length; }
console.log(n);
