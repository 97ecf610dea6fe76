import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachePath, loadCache } from '../../../main/feed/cache.js';
import { FeedStoppedError } from '../../../main/feed/errors.js';
import {
  FIRST_POLL_AFTER_CACHE_MS,
  ResultsFeed,
  type ResultsFeedOptions,
} from '../../../main/feed/results-feed.js';
import { addLogSink, replaceLogSinks } from '../../../main/logging/logger.js';
import { HOSTILE_NAMES } from '../../../main/sim/fault-payloads.js';
import { startRehearsalFeed } from '../../../main/sim/index.js';
import { type FeedStatus, FeedStatusSchema } from '../../../shared/feed-status.js';
import type { Race } from '../../../shared/model.js';
import type { WallConfigInput } from '../../../shared/config.js';
import {
  startWatchedRehearsal,
  tempDataDir,
  wallConfig,
  type WatchedRehearsal,
} from './watched-rehearsal.js';

let rehearsal: WatchedRehearsal;
let boardIds: string[];
let restoreLogSinks: () => void;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  // The faults below log on purpose; tests that care add a sink of their own.
  restoreLogSinks = replaceLogSinks();
  rehearsal = await startWatchedRehearsal();
  const { ballot } = rehearsal.sim;
  boardIds = [...ballot.statewideRaceIds.slice(0, 4), ballot.propositions[0]?.raceId ?? ''];
});

afterAll(async () => {
  restoreLogSinks();
  await rehearsal.close();
});

afterEach(async () => {
  rehearsal.sim.setFaults([]);
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** The sim's clock on one of its loads (1 is the first with votes). */
function atLoad(index: number): void {
  const at = rehearsal.sim.loadTimes[index];
  if (!at) throw new Error(`The rehearsal night has no load ${index}`);
  rehearsal.sim.setClock(at);
}

async function openFeed(
  input: WallConfigInput = {},
  options: Partial<ResultsFeedOptions> = {},
  dataDir?: string,
): Promise<ResultsFeed> {
  const dir = dataDir ?? tempDataDir();
  const feed = await ResultsFeed.open({
    config: wallConfig({ boards: boardIds.map((race) => ({ race })), ...input }),
    apiBase: rehearsal.url,
    dataDir: typeof dir === 'string' ? dir : dir.dir,
    source: 'rehearsal',
    backoff: { baseMs: 1, capMs: 5, retryAfterCapMs: 5 },
    ...options,
  });
  cleanups.push(async () => {
    await feed.stop();
    if (typeof dir !== 'string') dir.remove();
  });
  return feed;
}

function truthTotal(id: string): number {
  const results = rehearsal.sim.resultsFor(id);
  if (results.measure) return results.measure.yes + results.measure.no;
  return results.candidates.reduce((sum, candidate) => sum + candidate.votes, 0);
}

/** A data folder (removed after the test) holding the cache a feed wrote after one good poll. */
async function cacheAfterOnePoll(): Promise<{ dir: string }> {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const feed = await openFeed({}, {}, data.dir);
  await feed.pollOnce();
  await feed.stop();
  return data;
}

/** Resolves at the first status that reports a successful poll. */
function firstSuccess(feed: ResultsFeed): Promise<void> {
  return new Promise((resolve) =>
    feed.on('status', (status) => {
      if (status.lastSuccessAt !== null) resolve();
    }),
  );
}

function byId(races: readonly Race[]): Map<string, Race> {
  return new Map(races.map((race) => [race.id, race]));
}

describe('the results feed against the rehearsal feed', () => {
  it('shows the numbers the feed serves, for every race on the boards', async () => {
    atLoad(3);
    const feed = await openFeed();

    const report = await feed.pollOnce();

    expect(report.failures).toEqual([]);
    expect(
      feed
        .races()
        .map((race) => race.id)
        .sort(),
    ).toEqual([...boardIds].sort());
    for (const race of feed.races()) expect(race.totalVotes).toBe(truthTotal(race.id));
    expect(feed.status()).toMatchObject({ health: 'online', consecutiveFailures: 0, lagging: [] });
    expect(FeedStatusSchema.parse(feed.status())).toEqual(feed.status());
  });

  it('fires races only for races whose content changed, with deltas since the previous load', async () => {
    atLoad(2);
    const feed = await openFeed();
    const events: Race[][] = [];
    feed.on('races', (races) => events.push([...races]));

    await feed.pollOnce();
    await feed.pollOnce();
    const before = byId(feed.races());
    atLoad(3);
    await feed.pollOnce();

    expect(events.map((races) => races.length)).toEqual([boardIds.length, boardIds.length]);
    const governor = events[1]?.find((race) => race.id === boardIds[0]);
    const previous = before.get(boardIds[0] ?? '');
    if (governor?.kind !== 'candidates' || previous?.kind !== 'candidates')
      throw new Error('expected candidates');
    expect(governor.deltaSince).toBe(previous.updatedAt);
    const first = governor.candidates[0];
    const earlier = previous.candidates.find((candidate) => candidate.name === first?.name);
    expect(first?.delta).toBe((first?.votes ?? 0) - (earlier?.votes ?? 0));
  });

  it('polls new boards after a config update and keeps what it knew of the others', async () => {
    atLoad(2);
    const feed = await openFeed({ boards: [{ race: boardIds[0] ?? '' }] });
    await feed.pollOnce();
    const added = rehearsal.sim.ballot.contests.at(-1)?.raceId ?? '';

    feed.updateConfig(wallConfig({ boards: [{ race: boardIds[0] ?? '' }, { race: added }] }));
    const report = await feed.pollOnce();

    expect(report.changed.map((race) => race.id)).toEqual([added]);
    expect(
      feed
        .races()
        .map((race) => race.id)
        .sort(),
    ).toEqual([boardIds[0], added].sort());
  });

  it('ignores a load older than the newest seen and keeps what it shows', async () => {
    atLoad(4);
    const feed = await openFeed();
    await feed.pollOnce();
    const shown = feed.races();

    rehearsal.sim.setFaults([{ kind: 'stale', loadsBack: 2 }]);
    const report = await feed.pollOnce();

    expect([...report.ignoredOlder].sort()).toEqual([...boardIds].sort());
    expect(feed.races()).toEqual(shown);
  });

  it('never sends 11 ids in a query, whatever the config or the bisection does', async () => {
    atLoad(2);
    const ids = rehearsal.sim.ballot
      .allRaceIds()
      .filter((id) => !id.startsWith('19'))
      .slice(0, 37);
    const poison = ids[13] ?? '';
    rehearsal.sim.setFaults([{ kind: 'status', status: 500, ids: [poison] }]);
    const feed = await openFeed({ boards: ids.map((race) => ({ race })) });
    const config = wallConfig({ boards: ids.map((race) => ({ race })) });
    // A config that slipped past validation still cannot make an 11-id request.
    feed.updateConfig({ ...config, requests: { ...config.requests, idsPerQuery: 50 } });
    const already = rehearsal.queryIdLists().length;

    const report = await feed.pollOnce();

    const sent = rehearsal.queryIdLists().slice(already);
    expect(Math.max(...sent.map((list) => list.length))).toBe(10);
    expect(report.setAside.map((entry) => entry.id)).toEqual([poison]);
    expect(feed.races()).toHaveLength(36);
  });

  it('reports a race not on this ballot once and stops asking for it', async () => {
    atLoad(2);
    const missing = boardIds[2] ?? '';
    rehearsal.sim.setFaults([{ kind: 'status', status: 404, ids: [missing] }]);
    const feed = await openFeed();

    await feed.pollOnce();
    const already = rehearsal.queryIdLists().length;
    await feed.pollOnce();

    expect(feed.status().setAside).toEqual([
      expect.objectContaining({ id: missing, reason: 'not on this ballot (HTTP 404)' }),
    ]);
    expect(rehearsal.queryIdLists().slice(already).flat()).not.toContain(missing);
  });
});

interface FaultCase {
  readonly rule: Parameters<WatchedRehearsal['sim']['setFaults']>[0][number];
  /** What the faulty cycle does to the boards. */
  readonly expect: 'fails' | 'succeeds' | 'stale' | 'set aside';
}

const FAULT_CASES: readonly FaultCase[] = [
  { rule: { kind: 'status', status: 500 }, expect: 'fails' },
  { rule: { kind: 'status', status: 502 }, expect: 'fails' },
  { rule: { kind: 'status', status: 503, retryAfterSeconds: 1 }, expect: 'fails' },
  { rule: { kind: 'status', status: 429, retryAfterSeconds: 1 }, expect: 'fails' },
  { rule: { kind: 'status', status: 403 }, expect: 'fails' },
  { rule: { kind: 'status', status: 404 }, expect: 'fails' },
  { rule: { kind: 'status', status: 404, ids: ['02000000000059'] }, expect: 'set aside' },
  { rule: { kind: 'latency', ms: 30 }, expect: 'succeeds' },
  { rule: { kind: 'hang' }, expect: 'fails' },
  { rule: { kind: 'truncate' }, expect: 'fails' },
  { rule: { kind: 'html' }, expect: 'fails' },
  { rule: { kind: 'stale', loadsBack: 2 }, expect: 'stale' },
  { rule: { kind: 'reset' }, expect: 'fails' },
  { rule: { kind: 'empty-array' }, expect: 'fails' },
  { rule: { kind: 'drop-objects' }, expect: 'fails' },
  { rule: { kind: 'shuffle', paths: ['/returns/query'] }, expect: 'fails' },
  { rule: { kind: 'missing-field' }, expect: 'fails' },
  { rule: { kind: 'number-for-string' }, expect: 'fails' },
  { rule: { kind: 'negative-votes' }, expect: 'fails' },
  { rule: { kind: 'huge-body', bytes: 5_000_000 }, expect: 'succeeds' },
  { rule: { kind: 'many-candidates', count: 2000 }, expect: 'succeeds' },
  { rule: { kind: 'hostile-names' }, expect: 'succeeds' },
];

describe('ids set aside', () => {
  it('tries a set-aside id again once its recheck is due, and takes it back when it answers', async () => {
    atLoad(2);
    const missing = boardIds[1] ?? '';
    rehearsal.sim.setFaults([{ kind: 'status', status: 404, ids: [missing] }]);
    const feed = await openFeed({}, { recheckSetAsideMs: 0 });
    await feed.pollOnce();
    expect(feed.status().setAside.map((entry) => entry.id)).toEqual([missing]);

    rehearsal.sim.setFaults([]);
    await feed.pollOnce();

    expect(feed.status().setAside).toEqual([]);
    expect(feed.races().map((race) => race.id)).toContain(missing);
  });
});

describe('every fault the rehearsal feed can inject', () => {
  it.each(FAULT_CASES)(
    '$rule.kind $rule.status: the feed $expect and never shows wrong numbers',
    async (c) => {
      atLoad(2);
      const feed = await openFeed({ requests: { timeoutSeconds: 0.3, retries: 1 } });
      await feed.pollOnce();
      const before = byId(feed.races());

      atLoad(3);
      rehearsal.sim.setFaults([c.rule]);
      const report = await feed.pollOnce();
      const after = feed.races();

      expect(after.map((race) => race.id).sort()).toEqual([...boardIds].sort());
      for (const race of after) {
        const unchanged = race === before.get(race.id);
        const mutatedOnPurpose = c.rule.kind === 'many-candidates' || c.rule.kind === 'hostile-names';
        if (!unchanged && !mutatedOnPurpose) expect(race.totalVotes).toBe(truthTotal(race.id));
      }
      if (c.expect === 'fails') {
        expect(report.failures.length).toBeGreaterThan(0);
        expect(report.changed.filter((race) => race.id.startsWith('19') === false)).toEqual([]);
        expect(feed.status().lastError).not.toBeNull();
      }
      if (c.expect === 'succeeds') expect(report.failures).toEqual([]);
      if (c.expect === 'stale') expect(report.ignoredOlder.length).toBe(boardIds.length);
      if (c.expect === 'set aside')
        expect(report.setAside.map((entry) => entry.id).sort()).toEqual(c.rule.ids ?? [...boardIds].sort());
    },
  );

  it('keeps hostile names exactly as sent', async () => {
    atLoad(2);
    rehearsal.sim.setFaults([{ kind: 'hostile-names' }]);
    const feed = await openFeed();
    await feed.pollOnce();

    const names = feed.races().flatMap((race) => (race.kind === 'candidates' ? race.candidates : []));
    const hostile = new Set<string>(HOSTILE_NAMES);
    expect(names.length).toBeGreaterThan(0);
    for (const candidate of names) expect(hostile.has(candidate.name)).toBe(true);
  });
});

describe('status', () => {
  it('goes offline when nothing answers, keeps the last good races, and counts failed cycles', async () => {
    atLoad(2);
    const feed = await openFeed({ requests: { timeoutSeconds: 0.3, retries: 0 } });
    await feed.pollOnce();
    const shown = feed.races();
    const lastSuccessAt = feed.status().lastSuccessAt;
    const statuses: string[] = [];
    feed.on('status', (status) => statuses.push(status.health));

    rehearsal.sim.setFaults([{ kind: 'reset' }]);
    await feed.pollOnce();
    await feed.pollOnce();

    expect(feed.races()).toEqual(shown);
    expect(feed.status()).toMatchObject({ health: 'offline', consecutiveFailures: 2 });
    expect(feed.status().lastError?.cause).toMatch(/the body broke off|closed in the middle of the body/);
    // Every race is as old as the last success: the screen judges staleness from lastSuccessAt.
    expect(feed.status().lastSuccessAt).toBe(lastSuccessAt);
    expect(feed.status().lagging).toEqual([]);
    expect(statuses[0]).toBe('offline');
  });

  it('logs a health change and a failure once, not every cycle', async () => {
    atLoad(2);
    const feed = await openFeed({ requests: { timeoutSeconds: 2, retries: 0 } });
    await feed.pollOnce();
    const lines: string[] = [];
    cleanups.push(addLogSink((line) => lines.push(line)));

    rehearsal.sim.setFaults([{ kind: 'html' }]);
    for (let cycle = 0; cycle < 3; cycle++) await feed.pollOnce();
    rehearsal.sim.setFaults([]);
    await feed.pollOnce();

    expect(lines.filter((line) => line.includes('The feed is offline'))).toHaveLength(1);
    // Both paths broke in the same cycle: one line names them both.
    expect(lines.filter((line) => line.includes('No usable answer for'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('The feed is online, was offline'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('answer again'))).toHaveLength(1);
  });

  it('is degraded when some races fail and says which lag', async () => {
    atLoad(2);
    const feed = await openFeed({ requests: { timeoutSeconds: 0.3, retries: 0 } });
    await feed.pollOnce();

    rehearsal.sim.setFaults([{ kind: 'html', paths: ['/returns/ballot-measures'] }]);
    await feed.pollOnce();

    expect(feed.status().health).toBe('degraded');
    expect(feed.status().lagging.map((entry) => entry.id)).toEqual([boardIds[4]]);
  });
});

describe('the offline cache', () => {
  it('shows what the cache holds at once on the next start, marked with its age', async () => {
    atLoad(3);
    const data = tempDataDir();
    cleanups.push(data.remove);
    const first = await openFeed({}, {}, data.dir);
    await first.pollOnce();
    const shown = first.races();
    await first.stop();

    const second = await openFeed({}, {}, data.dir);

    expect(byId(second.races())).toEqual(byId(shown));
    expect(second.status().health).toBe('starting');
    expect(second.status().cacheWrittenAt).not.toBeNull();
    expect(second.status().confirmedAt).toBe(first.status().lastSuccessAt);
    expect(second.status().lagging).toEqual([]);
  });

  it('lists after a restart only the races the cache holds from an earlier cycle than the rest', async () => {
    atLoad(3);
    const data = tempDataDir();
    cleanups.push(data.remove);
    const first = await openFeed({ requests: { timeoutSeconds: 0.3, retries: 0 } }, {}, data.dir);
    await first.pollOnce();
    const everyRaceAt = first.status().lastSuccessAt;
    rehearsal.sim.setFaults([{ kind: 'html', paths: ['/returns/ballot-measures'] }]);
    await first.pollOnce();
    const restAt = first.status().lastSuccessAt;
    await first.stop();

    const second = await openFeed({}, {}, data.dir);

    expect(restAt).not.toBe(everyRaceAt);
    expect(second.status().confirmedAt).toBe(restAt);
    expect(second.status().lagging).toEqual([{ id: boardIds[4], checkedAt: everyRaceAt }]);
  });

  it('keeps the raw bodies behind the races it holds', async () => {
    atLoad(3);
    const data = await cacheAfterOnePoll();

    const cache = await loadCache(cachePath(data.dir, 'rehearsal'));
    if (cache === null) throw new Error('No cache was written');
    expect(cache.format).toBe(1);
    expect(cache.raw.map((entry) => entry.path.split('?')[0]).sort()).toEqual([
      '/returns/ballot-measures',
      '/returns/query',
    ]);
    const query = cache.raw.find((entry) => entry.path.startsWith('/returns/query'));
    expect((JSON.parse(query?.body ?? '[]') as unknown[]).length).toBe(4);
  });

  it('moves a corrupt cache aside with a warning and starts empty', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const path = cachePath(data.dir, 'rehearsal');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '{"format": 1, "races": [');
    const lines: string[] = [];
    cleanups.push(addLogSink((line) => lines.push(line)));

    const feed = await openFeed({}, {}, data.dir);

    expect(feed.races()).toEqual([]);
    expect(lines.some((line) => line.includes('WARN [Cache]') && line.includes('moved it to'))).toBe(true);
    expect(readdirSync(join(data.dir, 'feed-cache')).some((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('does not show a cache kept for another API base', async () => {
    atLoad(2);
    const data = await cacheAfterOnePoll();

    const other = await openFeed({}, { apiBase: 'http://127.0.0.1:9' }, data.dir);

    expect(other.races()).toEqual([]);
  });
});

describe('recording', () => {
  it('appends every answer as a JSON line that the rehearsal feed can replay', async () => {
    atLoad(3);
    const data = tempDataDir();
    cleanups.push(data.remove);
    const feed = await openFeed({ record: 'night.jsonl' }, {}, data.dir);
    await feed.pollOnce();
    const shown = byId(feed.races());
    await feed.stop();

    const path = join(data.dir, 'night.jsonl');
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as object);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0] ?? {})).toEqual(['at', 'path', 'status', 'body']);

    const lastAt = (lines.at(-1) as { at: string }).at;
    const replay = await startRehearsalFeed({ replay: path, speed: 0, at: lastAt });
    cleanups.push(() => replay.close());
    const replayed = await openFeed({}, { apiBase: replay.url, cache: false });
    await replayed.pollOnce();
    expect(byId(replayed.races())).toEqual(shown);
  });
});

describe('lifetime', () => {
  it('stops its timer and its requests when stopped, and polls no more', async () => {
    atLoad(2);
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const baseline = timers();
    const feed = await openFeed({ pollSeconds: 60 });
    const scheduled = new Promise<void>((resolve) =>
      feed.on('status', (status) => {
        if (status.nextPollAt !== null) resolve();
      }),
    );

    feed.start();
    await scheduled;
    const whileRunning = timers();
    await feed.stop();
    const requestsAtStop = rehearsal.proxy.paths.length;

    expect(whileRunning).toBeGreaterThan(timers());
    expect(timers()).toBeLessThanOrEqual(baseline);
    await expect(feed.pollOnce()).rejects.toBeInstanceOf(FeedStoppedError);
    expect(rehearsal.proxy.paths.length).toBe(requestsAtStop);
  });

  it('sends one status message a timed cycle, carrying the time of the next poll', async () => {
    atLoad(2);
    const feed = await openFeed({ pollSeconds: 1 });
    const statuses: FeedStatus[] = [];
    const threeCycles = new Promise<void>((resolve) =>
      feed.on('status', (status) => {
        statuses.push(status);
        if (statuses.length === 3) resolve();
      }),
    );

    feed.start();
    await threeCycles;

    const nextPolls = statuses.map((status) => status.nextPollAt);
    const lastSuccesses = statuses.map((status) => status.lastSuccessAt);
    expect(new Set(nextPolls).size).toBe(3);
    expect(new Set(lastSuccesses).size).toBe(3);
    for (const status of statuses) {
      expect(Date.parse(status.nextPollAt ?? '')).toBeGreaterThan(Date.parse(status.lastSuccessAt ?? ''));
    }
  });

  it('polls at once when it starts with nothing to show', async () => {
    atLoad(2);
    const feed = await openFeed({ pollSeconds: 60 });
    const requestsBefore = rehearsal.proxy.paths.length;
    const polled = firstSuccess(feed);

    feed.start();

    expect(feed.status().nextPollAt).toBeNull();
    await polled;
    expect(rehearsal.proxy.paths.length).toBeGreaterThan(requestsBefore);
  });

  it('with races from the cache on screen, waits a moment before its first poll', async () => {
    atLoad(2);
    const data = await cacheAfterOnePoll();
    const feed = await openFeed({ pollSeconds: 60 }, {}, data.dir);
    const requestsBefore = rehearsal.proxy.paths.length;
    const polled = firstSuccess(feed);

    const startedAt = Date.now();
    feed.start();

    const firstPollAt = Date.parse(feed.status().nextPollAt ?? '');
    expect(firstPollAt - startedAt).toBeGreaterThanOrEqual(FIRST_POLL_AFTER_CACHE_MS - 5);
    expect(firstPollAt - startedAt).toBeLessThan(FIRST_POLL_AFTER_CACHE_MS + 500);
    expect(rehearsal.proxy.paths.length).toBe(requestsBefore);
    await polled;
    expect(rehearsal.proxy.paths.length).toBeGreaterThan(requestsBefore);
  });

  it('counts the listeners subscribed now, and none once each has unsubscribed', async () => {
    const feed = await openFeed();
    const offRaces = feed.on('races', () => undefined);
    const offStatus = feed.on('status', () => undefined);
    expect(feed.listenerCount()).toBe(2);

    offRaces();
    offStatus();
    expect(feed.listenerCount()).toBe(0);
  });

  it('aborts a cycle held by a hanging server when stopped', async () => {
    rehearsal.sim.setFaults([{ kind: 'hang' }]);
    const feed = await openFeed({ requests: { timeoutSeconds: 60, retries: 0 } });

    const cycle = feed.pollOnce();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await feed.stop();

    await expect(cycle).rejects.toBeInstanceOf(FeedStoppedError);
  });
});
