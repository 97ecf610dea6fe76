// Whether out/main (tsc's output of main/ and shared/) was built from the sources as they are
// now. `npm run build:main` (build-main.mjs) writes a stamp beside that output: one SHA-256
// over the path and content of every file under main/ and shared/ plus the tsconfig files,
// taken before tsc reads them. The `returns-wall` command runs the compiled CLI only while the
// stamp matches, so it never runs code older than the sources. Plain JavaScript: it is what
// decides whether tsx is needed, so it cannot itself need tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the compiled output is built from, relative to the project root. */
export const SOURCE_FOLDERS = ['main', 'shared'];
export const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];

/** What tsc writes (tsconfig.build.json: rootDir `.`, outDir `out`). */
export const COMPILED_FOLDERS = [join('out', 'main'), join('out', 'shared')];
export const COMPILED_CLI = join('out', 'main', 'cli', 'index.js');
export const STAMP_FILE = join('out', 'main', 'source-stamp.json');

/** Every file below `folder`, as paths relative to `root` with `/` separators, in a stable order. */
function filesBelow(root, folder) {
  const found = [];
  const entries = readdirSync(join(root, folder), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    const isFolder = entry.isSymbolicLink() ? statSync(join(root, path)).isDirectory() : entry.isDirectory();
    if (isFolder) found.push(...filesBelow(root, path));
    else found.push(path);
  }
  return found;
}

/** The digest of the sources under `root` as they are now: hex SHA-256 of each file's path and bytes. */
export function sourceDigest(root) {
  const hash = createHash('sha256');
  const files = [...SOURCE_FOLDERS.flatMap((folder) => filesBelow(root, folder)), ...SOURCE_FILES];
  for (const path of files) {
    const bytes = existsSync(join(root, path)) ? readFileSync(join(root, path)) : null;
    // Length-prefixed, so no two different trees can run together into the same bytes.
    hash.update(`${path}\0${bytes === null ? -1 : bytes.length}\0`);
    if (bytes !== null) hash.update(bytes);
  }
  return hash.digest('hex');
}

export function writeStamp(root, digest) {
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ format: 1, sources: digest })}\n`);
}

export function removeStamp(root) {
  rmSync(join(root, STAMP_FILE), { force: true });
}

function stampedDigest(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'));
    return stamp?.format === 1 && typeof stamp.sources === 'string' ? stamp.sources : null;
  } catch {
    return null;
  }
}

/**
 * Which CLI to run: `{ compiled: true, entry }` when out/main is built and current with the
 * sources, else `{ compiled: false, reason }` saying why the sources must run instead.
 */
export function chooseCli(root) {
  const entry = join(root, COMPILED_CLI);
  if (!existsSync(entry)) return { compiled: false, reason: 'out/main is not built' };

  const stamped = stampedDigest(root);
  if (stamped === null) return { compiled: false, reason: 'out/main has no readable source stamp' };
  if (stamped !== sourceDigest(root))
    return { compiled: false, reason: 'out/main is older than the sources' };
  return { compiled: true, entry };
}
