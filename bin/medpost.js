#!/usr/bin/env node
// The medpost executable: checks the Node version, then runs the built CLI.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`medpost needs Node.js 20 or newer (this is ${process.version}).\n`);
  process.exit(2);
}
// A reader that stops early (`medpost lint | head`) closes the pipe: stop writing and end as Unix tools do when
// killed by SIGPIPE (128 + 13), rather than with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(141);
});
const { main } = await import('../dist/bundle/cli.js');
// mayRelaunch: a run of several drafts starts Node again with flags that make it faster (src/relaunch.ts).
process.exitCode = await main(process.argv, { mayRelaunch: true });
