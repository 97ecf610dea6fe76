import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CacheFile,
  CacheFileSchema,
  CacheWriter,
  cachePath,
  loadCache,
  serializeCache,
  writeCache,
} from '../../../main/feed/cache.js';
import { CacheError } from '../../../main/feed/errors.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { cachePieces, RACES_PER_PIECE } from '../../../main/feed/cache-json.js';
import { syntheticCache } from './cache-fixtures.js';
import { bundleChild, killWhileWriting } from './kill-while-writing.js';
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

  it('serializes exactly what JSON.stringify would across the pieces it writes, and names the raw file', () => {
    const snapshot = syntheticCache(RACES_PER_PIECE * 2 + 7);
    const apart = { ...snapshot, raw: [], rawFile: 'live.raw-1-2.json' };

    expect(serializeCache(snapshot)).toBe(JSON.stringify(snapshot));
    expect(serializeCache(apart)).toBe(JSON.stringify(apart));
    expect([...cachePieces(snapshot)].length).toBe(5);
  });

  it('serializes the raw bodies exactly as JSON.stringify would when they are reused, replaced or dropped', () => {
    const snapshot = syntheticCache(30);
    const [first, ...rest] = snapshot.raw;
    const replaced = {
      path: first?.path ?? '/x',
      at: new Date(0).toISOString(),
      body: '{"quote":"\\"new\\""}',
    };
    const later = { ...snapshot, raw: [replaced, ...rest.slice(1)] };

    expect(serializeCache(snapshot)).toBe(JSON.stringify(snapshot));
    expect(serializeCache(later)).toBe(JSON.stringify(later));
    expect(serializeCache(snapshot)).toBe(JSON.stringify(snapshot));
  });

  it('starts empty without a word when there is no cache yet', async () => {
    const lines = quietly();

    expect(await loadCache(freshCachePath())).toBeNull();
    expect(lines).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format": 1, "rac'],
    ['another format version', JSON.stringify({ ...syntheticCache(1), format: 99 })],
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

    const files = readdirSync(dirname(path));

    await expect(writeCache(path, bad)).rejects.toBeInstanceOf(CacheError);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(readdirSync(dirname(path))).toEqual(files);
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

  it('keeps the raw bodies in a file of their own, written again only when they change', async () => {
    const path = freshCachePath();
    const snapshot = syntheticCache(20);

    await writeCache(path, snapshot);
    const first = rawFileOf(path);
    const written = statSync(join(dirname(path), first)).mtimeMs;
    await writeCache(path, { ...snapshot, races: snapshot.races.slice(1) });

    expect(rawFileOf(path)).toBe(first);
    expect(statSync(join(dirname(path), first)).mtimeMs).toBe(written);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ raw: [], rawFile: first });

    const changed = {
      ...snapshot,
      raw: [{ ...snapshot.raw[0]!, body: '"a new answer"' }, ...snapshot.raw.slice(1)],
    };
    await writeCache(path, changed);

    expect(rawFileOf(path)).not.toBe(first);
    expect(readdirSync(dirname(path)).sort()).toEqual(['live.json', rawFileOf(path)].sort());
    expect(await loadCache(path)).toEqual(changed);
  });

  it('reads a cache written before the raw bodies moved out, with its bodies inline', async () => {
    const path = freshCachePath();
    const old = syntheticCache(12);
    writeFileSync(path, JSON.stringify(old));

    expect(await loadCache(path)).toEqual(old);
  });

  it('writes a cache the version before the move still reads, without the raw bodies', async () => {
    const path = freshCachePath();
    const snapshot = syntheticCache(12);
    await writeCache(path, snapshot);
    // That version's schema: the same, with no `rawFile` (zod drops keys it does not know).
    const before = CacheFileSchema.omit({ rawFile: true });

    const read = before.parse(JSON.parse(readFileSync(path, 'utf8')));

    expect(read).toEqual({ ...snapshot, raw: [] });
  });

  it('keeps the races, with a warning, when their raw file is gone', async () => {
    const lines = quietly();
    const path = freshCachePath();
    const snapshot = syntheticCache(12);
    await writeCache(path, snapshot);
    rmSync(join(dirname(path), rawFileOf(path)));

    expect(await loadCache(path)).toEqual({ ...snapshot, raw: [] });
    expect(lines.some((line) => line.includes('WARN [Cache]') && line.includes('raw bodies'))).toBe(true);
  });

  it('removes what dead writers left and leaves the files of a write under way in a live process', async () => {
    const path = freshCachePath();
    await writeCache(path, syntheticCache(5));
    const folder = dirname(path);
    const dead = deadPid();
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const junk = [`live.json.${dead}.0.tmp`, `live.raw-${dead}-3.json`, `live.json.${process.pid}.7.tmp`];
    const underWay = [`live.json.${process.pid}.8.tmp`, `live.raw-${process.pid}-9.json`];
    for (const name of [...junk, ...underWay, 'replay.json.1.2.tmp']) writeFileSync(join(folder, name), '{');
    // A live pid's file an hour old is no write under way: the pid was reused.
    utimesSync(join(folder, `live.json.${process.pid}.7.tmp`), hourAgo, hourAgo);

    await loadCache(path);

    expect(readdirSync(folder).sort()).toEqual(
      ['live.json', rawFileOf(path), ...underWay, 'replay.json.1.2.tmp'].sort(),
    );
  });

  it('leaves the old cache or the new one, never a broken one, across 200 SIGKILLs at random moments', async () => {
    const lines = quietly();
    const data = tempDataDir();
    cleanups.push(data.remove);
    const child = join(dirname(fileURLToPath(import.meta.url)), 'cache-writer-child.ts');
    const script = await bundleChild(child, data.dir);

    // Two writers side by side, each on its own cache: 200 kills in half the time.
    const midWrite = await Promise.all([
      killLane(script, data.dir, 'live'),
      killLane(script, data.dir, 'replay'),
    ]);

    // The child is writing nearly all its life, so most kills land inside a write.
    expect(midWrite[0] + midWrite[1]).toBeGreaterThan(KILLS / 2);
    expect(lines).toEqual([]);
  }, 120_000);
});

const KILLS = 200;

/** The raw file the cache at `path` names. */
function rawFileOf(path: string): string {
  const named = (JSON.parse(readFileSync(path, 'utf8')) as { rawFile?: string }).rawFile;
  if (named === undefined) throw new Error(`${path} names no raw file`);
  return named;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** Small enough that a write takes a few milliseconds, so kills land in every phase of it. */
const RACES = 100;

/** The round a synthetic cache was written in, after checking every race is from that round. */
function roundOf(cache: CacheFile | null): number {
  const races = cache?.races ?? [];
  const round = (races[0]?.race.totalVotes ?? -1) / 2000;
  expect(races).toHaveLength(RACES);
  races.forEach((entry, index) => expect(entry.race.totalVotes).toBe(2000 * round + 2 * index));
  return round;
}

/** Kills a writer KILLS / 2 times, checking the cache after each; returns how many kills hit a write. */
async function killLane(script: string, dataDir: string, source: 'live' | 'replay'): Promise<number> {
  const path = cachePath(dataDir, source);
  await writeCache(path, syntheticCache(RACES, 1));
  let round = 1;
  let midWrite = 0;
  for (let kill = 0; kill < KILLS / 2; kill++) {
    const outcome = await killWhileWriting(script, path, {
      startRound: round + 1,
      races: RACES,
      delayMs: Math.random() * 20,
    });

    const cache = await loadCache(path);
    const loaded = roundOf(cache);
    expect([outcome.wrote ?? round, outcome.writing ?? round]).toContain(loaded);
    expect(cache?.raw).toHaveLength(RACES / 10);
    // Nothing of the dead writer is left: the cache, its raw file, and this process's own raw file.
    const own = new RegExp(`^${source}\\.raw-${process.pid}-\\d+\\.json$`);
    const left = readdirSync(dirname(path)).filter((name) => name.startsWith(`${source}.`));
    expect(left.filter((name) => !own.test(name)).sort()).toEqual(
      [`${source}.json`, rawFileOf(path)].filter((name) => !own.test(name)).sort(),
    );
    if (outcome.writing !== outcome.wrote) midWrite++;
    round = loaded;
  }
  return midWrite;
}
