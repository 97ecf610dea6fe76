// The architecture's import rules, checked by reading every source file's imports:
// - shared/ is pure TypeScript both processes use: it imports only shared/ and zod;
// - renderer/ runs in a browser: no Node module and nothing from main/;
// - only main/electron/ may import Electron, so the feed and browser mode run in plain Node.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SOURCE = /\.(ts|mts|js|mjs|svelte)$/;
const IMPORT =
  /\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*['"]([^'"]+)['"]/g;
const NODE_BUILTINS = new Set(builtinModules);

function* sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name)) {
      yield path;
    }
  }
}

export function importsOf(text) {
  const found = [];
  for (const match of text.matchAll(IMPORT)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

function isNodeModule(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);
}

function topFolder(root, file, specifier) {
  const target = resolve(dirname(file), specifier);
  return relative(root, target).split(sep)[0];
}

function ruleBroken(root, file, specifier) {
  const layer = relative(root, file).split(sep)[0];
  const relativeImport = specifier.startsWith('.');
  const target = relativeImport ? topFolder(root, file, specifier) : null;

  if (layer === 'shared') {
    if (relativeImport && target !== 'shared') return `shared/ must not import from ${target}/`;
    if (!relativeImport && specifier !== 'zod') return `shared/ may import only zod, not "${specifier}"`;
  }
  if (layer === 'renderer') {
    if (relativeImport && target === 'main') return 'renderer/ must not import from main/';
    if (!relativeImport && isNodeModule(specifier) && !file.endsWith('vite.config.ts')) {
      return `renderer/ must not import the Node module "${specifier}"`;
    }
  }
  if (layer === 'main' && specifier === 'electron') {
    const inElectron = relative(root, file).split(sep)[1] === 'electron';
    if (!inElectron) return 'only main/electron/ may import electron';
  }
  return null;
}

/** Every broken rule under `root`, as `file: import "x": reason`. */
export function findViolations(root) {
  const violations = [];
  for (const layer of ['shared', 'renderer', 'main']) {
    for (const file of sourceFiles(join(root, layer))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const reason = ruleBroken(root, file, specifier);
        if (reason) violations.push(`${relative(root, file)}: import "${specifier}": ${reason}`);
      }
    }
  }
  return violations;
}
