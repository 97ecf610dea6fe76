#!/usr/bin/env node
// The `returns-wall` command. Runs the TypeScript sources through tsx, so the CLI needs no
// build step; Electron loads the compiled output instead (see `npm run build`).
// TODO: tsx compiles the sources on every start; for `serve` that is about a second of a cold
// start (measured: listening after ~2 s through tsx, ~1 s from tsc's output, on a busy 2-core
// machine). Running the compiled CLI from out/ when it is built and current would remove it.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
