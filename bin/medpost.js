#!/usr/bin/env node
// The medpost executable: checks the Node version, then runs the built CLI.
import { compileCli, writeCodeCache } from './load-cli.js';

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

let compiled;
try {
  compiled = compileCli();
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  process.stderr.write(`medpost: the built CLI is missing (${error.path}): run \`npm run build\` (npm ci does it) in ${new URL('..', import.meta.url).pathname}\n`);
  process.exit(2);
}
const { script, exports: { main } } = compiled;
// mayRelaunch: a run of several drafts starts Node again with flags that make it faster (src/relaunch.ts).
const exitCode = await main(process.argv, { mayRelaunch: true });
// The build runs the CLI on the example drafts to make the cache: it then holds every function the run compiled.
if (process.env.MEDPOST_WRITE_CODE_CACHE === '1') writeCodeCache(script);
// Exit as soon as the output is out: left to end by itself, Node first waits for V8's background work (optimising
// compilers, garbage collection) that nothing needs any more, ~20 ms of a one-draft run.
const flushed = (stream) => (stream.writableLength === 0 ? undefined : new Promise((resolve) => stream.once('drain', resolve)));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(exitCode);
