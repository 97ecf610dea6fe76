#!/usr/bin/env node
// The `returns-wall` command. Runs tsc's output (out/main) when `npm run build:main` built it
// from the sources as they are now, which starts sooner (nothing to compile at start); else
// (a fresh clone, or sources edited since the build) the TypeScript sources through tsx, so
// the CLI never needs a build step and never runs stale code. Which one, and why, is logged at
// debug level (RETURNS_WALL_LOG_LEVEL=debug). Electron loads the compiled output itself.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseCli } from './source-stamp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const choice = chooseCli(root);

async function loadCli() {
  if (choice.compiled) {
    const entry = pathToFileURL(choice.entry);
    return {
      cli: await import(entry.href),
      logger: await import(new URL('../logging/logger.js', entry).href),
    };
  }
  const { register } = await import('tsx/esm/api');
  register();
  return { cli: await import('../cli/index.ts'), logger: await import('../logging/logger.ts') };
}

const { cli, logger } = await loadCli();
logger
  .createLogger('CLI')
  .debug(
    choice.compiled
      ? 'Running the compiled CLI from out/main (built from the current sources).'
      : `Running the TypeScript sources through tsx: ${choice.reason} (\`npm run build:main\` starts faster).`,
  );
process.exitCode = await cli.runCli(process.argv.slice(2));
