// The parse-only floor: read every draft, split front matter with gray-matter (yaml engine), parse the body with
// remark-parse, walk the tree once. The least any linter on this stack can pay. Usage: node parse-floor.mjs DIR
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const parser = unified().use(remarkParse);

async function* walk(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

let files = 0;
let nodes = 0;
for await (const path of walk(process.argv[2])) {
  const source = await readFile(path, 'utf8');
  const file = matter(source, { engines: { yaml: (text) => parseYaml(text) } });
  const tree = parser.parse(file.content);
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    nodes += 1;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  files += 1;
}
console.log(`${files} files, ${nodes} nodes`);
