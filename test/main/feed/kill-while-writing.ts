/**
 * Runs the cache writer child, SIGKILLs it at a random moment after its first write began, and
 * says which round it had finished and which it was writing when it died.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { build } from 'esbuild';

export interface KillOutcome {
  /** The last round the child said it wrote, or null. */
  readonly wrote: number | null;
  /** The last round it said it was writing (equal to `wrote` when killed between writes). */
  readonly writing: number | null;
}

/**
 * Bundles the child into one plain .mjs in `folder`, so each spawn skips the TypeScript loader.
 * esbuild comes with tsx (a dependency); it is resolved from there.
 */
export async function bundleChild(entry: string, folder: string): Promise<string> {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as { build: typeof build };
  const outfile = join(folder, 'cache-writer-child.mjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

function lastRound(text: string, word: 'writing' | 'wrote'): number | null {
  const rounds = [...text.matchAll(new RegExp(`^${word} (\\d+)$`, 'gm'))].map((match) => Number(match[1]));
  return rounds.at(-1) ?? null;
}

/** Kills the child `delayMs` after its first line; resolves once its output is all read. */
export function killWhileWriting(
  script: string,
  path: string,
  options: { startRound: number; races: number; delayMs: number },
): Promise<KillOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path, String(options.startRound), String(options.races)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), options.delayMs);
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`The writer exited on its own: ${errors}`));
      else resolve({ wrote: lastRound(output, 'wrote'), writing: lastRound(output, 'writing') });
    });
  });
}
