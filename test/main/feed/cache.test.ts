import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CacheWriter, cachePath, loadCache, serializeCache, writeCache } from '../../../main/feed/cache.js';
import { CacheError } from '../../../main/feed/errors.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { syntheticCache } from './cache-fixtures.js';
import { tempDataDir } from './watched-rehearsal.js';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function freshCachePath(): string {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const path = cachePath(data.dir, 'live');
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

function quietly(): string[] {
  const lines: string[] = [];
  cleanups.push(replaceLogSinks((line) => lines.push(line)));
  return lines;
}

describe('the offline cache', () => {
  it('reads back what it wrote', async () => {
    const path = freshCachePath();
    const snapshot = syntheticCache(20);

    await writeCache(path, snapshot);

    expect(await loadCache(path)).toEqual(snapshot);
  });

  it('serializes exactly what JSON.stringify would, also when it reuses race JSON', () => {
    const snapshot = syntheticCache(30);

    expect(serializeCache(snapshot)).toBe(JSON.stringify(snapshot));
    const later = { ...snapshot, writtenAt: new Date(0).toISOString(), races: snapshot.races.slice(5) };
    expect(serializeCache(later)).toBe(JSON.stringify(later));
  });

  it('starts empty without a word when there is no cache yet', async () => {
    const lines = quietly();

    expect(await loadCache(freshCachePath())).toBeNull();
    expect(lines).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format": 1, "rac'],
    ['another format version', JSON.stringify({ ...syntheticCache(1), format: 2 })],
    ['a race that breaks the model', JSON.stringify(syntheticCache(1)).replace('"votes":1000', '"votes":-4')],
  ])('moves a cache that is %s aside with a warning', async (_label, text) => {
    const lines = quietly();
    const path = freshCachePath();
    writeFileSync(path, text);

    expect(await loadCache(path)).toBeNull();

    const names = readdirSync(dirname(path));
    expect(names.some((name) => name.startsWith('live.json.corrupt-'))).toBe(true);
    expect(names).not.toContain('live.json');
    expect(lines.some((line) => line.includes('WARN [Cache]'))).toBe(true);
  });

  it('refuses to write an invalid snapshot and leaves the good cache as it was', async () => {
    const path = freshCachePath();
    await writeCache(path, syntheticCache(3));
    const good = readFileSync(path, 'utf8');
    const bad = { ...syntheticCache(3), writtenAt: 'yesterday' };

    await expect(writeCache(path, bad)).rejects.toBeInstanceOf(CacheError);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(readdirSync(dirname(path))).toEqual(['live.json']);
  });

  it('writes only the latest snapshot when several wait for a slow write', async () => {
    const path = freshCachePath();
    const writer = new CacheWriter(path);
    const built: number[] = [];

    for (const round of [1, 2, 3, 4]) {
      writer.save(() => {
        built.push(round);
        return syntheticCache(5, round);
      });
    }
    await writer.flush();

    expect(built).toEqual([1, 4]);
    expect((await loadCache(path))?.races[0]?.race.totalVotes).toBe(
      syntheticCache(5, 4).races[0]?.race.totalVotes,
    );
  });

  it('keeps a whole cache when the writing process is killed at any moment', async () => {
    quietly();
    const path = freshCachePath();
    const child = join(dirname(fileURLToPath(import.meta.url)), 'cache-writer-child.ts');

    for (const killAfterLine of [3, 7]) {
      await killWhileWriting(child, path, killAfterLine);

      const loaded = await loadCache(path);
      expect(loaded?.races).toHaveLength(2000);
      expect(readdirSync(dirname(path))).toEqual(['live.json']);
    }
  });
});

/** Runs the writer child and SIGKILLs it right after its n-th line (often mid-write). */
function killWhileWriting(script: string, path: string, afterLines: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
      if (lines >= afterLines) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`The writer exited on its own: ${errors}`)),
    );
  });
}
