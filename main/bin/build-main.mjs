#!/usr/bin/env node
// `npm run build:main`: compiles main/ and shared/ to out/main with tsc, then stamps the output
// with the digest of the sources it was compiled from (source-stamp.mjs). The digest is taken
// before tsc reads the sources, so a file saved during the build leaves a stamp that no longer
// matches, and the `returns-wall` command goes back to the sources until the next build. The
// old output and stamp go first: a failed build leaves nothing that looks current, and a
// deleted source leaves no compiled copy behind.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_FOLDERS, removeStamp, sourceDigest, writeStamp } from './source-stamp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

removeStamp(root);
for (const folder of COMPILED_FOLDERS) rmSync(join(root, folder), { recursive: true, force: true });
const digest = sourceDigest(root);
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status === 0) writeStamp(root, digest);
process.exitCode = result.status ?? 1;
