#!/usr/bin/env node
// The medpost executable: checks the Node version, then runs the built CLI.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`medpost needs Node.js 20 or newer (this is ${process.version}).\n`);
  process.exit(2);
}
const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv);
