/**
 * The project's root folder (the one holding package.json), found by walking up from a
 * module. Paths to built output (`out/renderer`) hang from it, so they are right both when
 * the sources run through tsx (`main/...`) and when the compiled copy runs (`out/main/...`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findProjectRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error(`No package.json above ${start}: Returns Wall is not installed whole`);
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** `out/renderer`, as `npm run build:renderer` writes it. */
export const BUILT_RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
