import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallConfigSchema } from '../../shared/config.js';
import { ResultsFeed } from '../../main/feed/results-feed.js';
import { replaceLogSinks } from '../../main/logging/logger.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { delayBeforeCycle, PollDriver } from './poll-driver.js';

describe('delayBeforeCycle', () => {
  it('waits until the next cycle is due, cycles one interval apart from the first', () => {
    expect(delayBeforeCycle(1000, 0, 20, 1000)).toBe(0);
    expect(delayBeforeCycle(1000, 3, 20, 1050)).toBe(10);
  });

  it('does not wait once behind, so cycles run back to back', () => {
    expect(delayBeforeCycle(1000, 3, 20, 1075)).toBe(0);
  });
});

describe('PollDriver', () => {
  let folder: string;
  let sim: RehearsalFeed;
  let feed: ResultsFeed;
  let restoreLogs: () => void;

  beforeEach(async () => {
    restoreLogs = replaceLogSinks();
    folder = mkdtempSync(join(tmpdir(), 'returns-wall-poll-driver-'));
    sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '22:30', port: 0 });
    const boards = sim.ballot.statewideRaceIds.slice(0, 3).map((race) => ({ race }));
    const config = WallConfigSchema.parse({ source: 'rehearsal', apiBase: sim.url, boards });
    feed = await ResultsFeed.open({
      config,
      apiBase: sim.url,
      dataDir: folder,
      source: 'rehearsal',
      cache: false,
    });
  });

  afterEach(async () => {
    await feed.stop();
    await sim.close();
    rmSync(folder, { recursive: true, force: true });
    restoreLogs();
  });

  it("runs the feed's own cycles one after another, each asking the feed server and telling listeners", async () => {
    let statuses = 0;
    feed.on('status', () => statuses++);
    const errors: unknown[] = [];
    const answeredBefore = sim.stats().answered;

    const driver = new PollDriver(feed, 0.001, (error) => errors.push(error));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await driver.stop();

    expect(errors).toEqual([]);
    expect(driver.cycles).toBeGreaterThan(3);
    // Three races make one query a cycle.
    expect(sim.stats().answered - answeredBefore).toBeGreaterThanOrEqual(driver.cycles);
    expect(statuses).toBeGreaterThan(0);
    expect(feed.status().health).toBe('online');
  });

  it('polls no more once stopped, and leaves no timer behind', async () => {
    const driver = new PollDriver(feed, 60_000, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));

    await driver.stop();
    const cycles = driver.cycles;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(cycles).toBe(1);
    expect(driver.cycles).toBe(1);
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout')).toEqual([]);
  });

  it('runs a task between two driven cycles, never during one, and drives on after', async () => {
    let underWay = 0;
    const watched = { pollOnce: () => (underWay++, feed.pollOnce().finally(() => underWay--)) };
    const driver = new PollDriver(watched, 0.001, () => undefined);

    const seen: number[] = [];
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(await driver.between(() => underWay));
    }
    const cycles = driver.cycles;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await driver.stop();

    expect(seen).toEqual(new Array(20).fill(0));
    expect(driver.cycles).toBeGreaterThan(cycles);
  });

  it('stops quietly when the feed itself is stopped', async () => {
    const errors: unknown[] = [];
    const driver = new PollDriver(feed, 0.001, (error) => errors.push(error));
    await new Promise((resolve) => setTimeout(resolve, 100));

    await feed.stop();
    await driver.stop();

    expect(errors).toEqual([]);
  });

  it('hands on a cycle that failed outright, and drives no more', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const broken = {
      pollOnce: () => {
        calls++;
        return Promise.reject(new TypeError('a bug in the cycle'));
      },
    };

    const driver = new PollDriver(broken, 0.001, (error) => errors.push(error));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await driver.stop();

    expect(calls).toBe(1);
    expect(errors).toEqual([new TypeError('a bug in the cycle')]);
  });
});
