/**
 * A data folder that cannot be written: missing and impossible to create, read-only, or on a
 * full disk. The wall must say so once and keep showing (and updating) its numbers.
 *
 * Root ignores permission bits, so "read-only" and "full" are real file systems here: a 64 KB
 * tmpfs mounted for the test, remounted read-only or filled up. Mounting needs root (as in
 * CI); elsewhere those tests are skipped, with the reason in their name. The folder that
 * cannot be created (its parent is a regular file) needs no privilege.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachePath, loadCache } from '../../../main/feed/cache.js';
import { ResultsFeed } from '../../../main/feed/results-feed.js';
import { fileSink, replaceLogSinks } from '../../../main/logging/logger.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../../main/sim/index.js';
import { wallConfig } from '../feed/watched-rehearsal.js';

let sim: RehearsalFeed;
let boardIds: string[];
let lines: string[];
let restoreLogSinks: () => void;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  lines = [];
  restoreLogSinks = replaceLogSinks((line) => lines.push(line));
  sim = await startRehearsalFeed({ seed: 2, speed: 0, at: '19:58', port: 0 });
  boardIds = sim.ballot.statewideRaceIds.slice(0, 3);
});

afterAll(async () => {
  await sim.close();
  restoreLogSinks();
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function atLoad(index: number): void {
  const at = sim.loadTimes[index];
  if (!at) throw new Error(`The rehearsal night has no load ${index}`);
  sim.setClock(at);
}

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'returns-wall-disk-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function openFeed(dataDir: string, record?: string): Promise<ResultsFeed> {
  const feed = await ResultsFeed.open({
    config: wallConfig({ boards: boardIds.map((race) => ({ race })), ...(record ? { record } : {}) }),
    apiBase: sim.url,
    dataDir,
    source: 'rehearsal',
  });
  cleanups.push(() => feed.stop());
  return feed;
}

function truthTotal(id: string): number {
  return sim.resultsFor(id).candidates.reduce((sum, candidate) => sum + candidate.votes, 0);
}

function expectTruthShown(feed: ResultsFeed): void {
  expect(
    feed
      .races()
      .map((race) => race.id)
      .sort(),
  ).toEqual([...boardIds].sort());
  for (const race of feed.races()) expect(race.totalVotes).toBe(truthTotal(race.id));
  expect(feed.status().health).toBe('online');
}

function errorsSince(from: number): string[] {
  return lines.slice(from).filter((line) => line.includes(' ERROR '));
}

/** Mounts a tmpfs of `size` at a fresh folder; null when this machine does not allow it. */
function mountTmpfs(size: string): string | null {
  const folder = tempFolder();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder], { stdio: 'ignore' });
  } catch {
    return null;
  }
  cleanups.push(() => {
    execFileSync('umount', [folder], { stdio: 'ignore' });
  });
  return folder;
}

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'returns-wall-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();
const SKIP_REASON = canMount ? '' : ' (skipped: mounting a tmpfs needs root on Linux)';

describe('a data folder that cannot be written', () => {
  it('keeps showing fresh numbers when the folder cannot be created, and says so once', async () => {
    const parent = join(tempFolder(), 'a-file');
    writeFileSync(parent, 'not a folder');
    atLoad(2);
    const from = lines.length;

    const feed = await openFeed(join(parent, 'data'), 'night.jsonl');
    await feed.pollOnce();
    atLoad(3);
    await feed.pollOnce();
    await feed.stop();

    expectTruthShown(feed);
    const errors = errorsSince(from);
    expect(
      errors.filter((line) => line.includes('Cache not saved') && line.includes('ENOTDIR')),
    ).toHaveLength(1);
    expect(errors.filter((line) => line.includes('Recording to'))).toHaveLength(1);
  });

  it('never lets a log file it cannot create break the logging', () => {
    const parent = join(tempFolder(), 'a-file');
    writeFileSync(parent, 'not a folder');

    const sink = fileSink(join(parent, 'logs', 'returns-wall.log'));

    expect(() => sink('a line', 'info')).not.toThrow();
  });

  it.skipIf(!canMount)(
    `shows the cached boards and keeps polling on a read-only disk${SKIP_REASON}`,
    async () => {
      const disk = mountTmpfs('1m');
      if (disk === null) throw new Error('The tmpfs mount failed after the probe succeeded');
      atLoad(2);
      const first = await openFeed(disk);
      await first.pollOnce();
      await first.stop();
      const cached = first.races();
      execFileSync('mount', ['-o', 'remount,ro', disk], { stdio: 'ignore' });
      const from = lines.length;

      const feed = await openFeed(disk);
      expect(new Set(feed.races())).toEqual(new Set(cached));
      atLoad(3);
      await feed.pollOnce();
      await feed.pollOnce();
      await feed.stop();

      expectTruthShown(feed);
      expect(errorsSince(from)).toEqual([
        expect.stringMatching(/Cache not saved: .*EROFS: read-only file system/),
      ]);
    },
  );

  it.skipIf(!canMount)(
    `keeps the last cache whole on a full disk, and writes again once there is room${SKIP_REASON}`,
    async () => {
      const disk = mountTmpfs('256k');
      if (disk === null) throw new Error('The tmpfs mount failed after the probe succeeded');
      atLoad(2);
      const first = await openFeed(disk);
      await first.pollOnce();
      await first.stop();
      const path = cachePath(disk, 'rehearsal');
      const saved = await loadCache(path);
      const filler = join(disk, 'filler');
      fillDisk(filler);
      const from = lines.length;

      const feed = await openFeed(disk);
      atLoad(3);
      await feed.pollOnce();
      await feed.stop();

      expectTruthShown(feed);
      expect(errorsSince(from)).toEqual([
        expect.stringMatching(/Cache not saved: .*ENOSPC: no space left on device/),
      ]);
      expect(await loadCache(path)).toEqual(saved);

      rmSync(filler);
      const again = await openFeed(disk);
      await again.pollOnce();
      await again.stop();
      expect((await loadCache(path))?.races.map((entry) => entry.race.totalVotes).sort()).toEqual(
        boardIds.map(truthTotal).sort(),
      );
    },
  );
});

/** Writes a file until the disk is full. */
function fillDisk(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const chunk = Buffer.alloc(4096, 0x61);
  try {
    for (let index = 0; index < 100_000; index++) writeFileSync(path, chunk, { flag: 'a' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOSPC') return;
    throw error;
  }
  throw new Error(`The disk under ${path} never filled up`);
}
