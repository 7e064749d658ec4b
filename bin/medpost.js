#!/usr/bin/env node
// The medpost executable: checks the Node version, then runs the built CLI.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`medpost needs Node.js 20 or newer (this is ${process.version}).\n`);
  process.exit(2);
}
// Regular expressions compiled straight to machine code. By default V8 first interprets each one and compiles it
// later, and drops the compiled code again when memory is collected. On medpost's lexicons (hundreds of large
// patterns run on every sentence) that makes whole runs 1.6x slower: see bench/results and the README.
const { setFlagsFromString } = await import('node:v8');
setFlagsFromString('--no-regexp-tier-up');
const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv);
