#!/usr/bin/env node
// The `pact` command. Pact is written in TypeScript and run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
});
// whatever a command left open (a database that never answers after a failure or a stop): the process ends
setTimeout(() => process.exit(), 2_000).unref();
