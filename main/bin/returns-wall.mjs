#!/usr/bin/env node
// The `returns-wall` command. Runs the TypeScript sources through tsx, so the CLI needs no
// build step; Electron loads the compiled output instead (see `npm run build`).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
