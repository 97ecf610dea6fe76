/**
 * The fault matrix: every way the SOS API (or the network to it) has failed or could fail,
 * each run against the rehearsal feed over loopback. For each: a good poll, the fault, a poll,
 * then the fault cleared and a poll. The wall must keep the last good numbers (marked as
 * unconfirmed), say in one log line what went wrong, and recover by itself.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shareOf } from '../../../main/feed/numbers.js';
import { type PollReport, ResultsFeed } from '../../../main/feed/results-feed.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../../main/sim/index.js';
import { HOSTILE_NAMES } from '../../../main/sim/fault-payloads.js';
import type { Race } from '../../../shared/model.js';
import { tempDataDir, wallConfig } from '../feed/watched-rehearsal.js';
import { FAULT_CASES, type MatrixCase } from './fault-cases.js';
import { type SwitchablePort, startSwitchablePort } from './switchable-port.js';

let sim: RehearsalFeed;
let door: SwitchablePort;
let boardIds: string[];
let lines: string[];
let restoreLogSinks: () => void;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  lines = [];
  restoreLogSinks = replaceLogSinks((line) => lines.push(line));
  sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '19:58', port: 0 });
  door = await startSwitchablePort(sim.url);
  boardIds = [...sim.ballot.statewideRaceIds.slice(0, 4), sim.ballot.propositions[0]?.raceId ?? ''];
});

afterAll(async () => {
  await door.close();
  await sim.close();
  restoreLogSinks();
});

afterEach(async () => {
  sim.setFaults([]);
  await door.accept();
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function atLoad(index: number): void {
  const at = sim.loadTimes[index];
  if (!at) throw new Error(`The rehearsal night has no load ${index}`);
  sim.setClock(at);
}

async function openFeed(timeoutSeconds = 1): Promise<ResultsFeed> {
  const data = tempDataDir();
  const feed = await ResultsFeed.open({
    // No retries and a short timeout: each case costs one round trip, not a backoff.
    config: wallConfig({
      boards: boardIds.map((race) => ({ race })),
      requests: { timeoutSeconds, retries: 0 },
    }),
    apiBase: door.url,
    dataDir: data.dir,
    source: 'rehearsal',
    backoff: { baseMs: 1, capMs: 5, retryAfterCapMs: 5 },
  });
  cleanups.push(async () => {
    await feed.stop();
    data.remove();
  });
  return feed;
}

function truthTotal(id: string): number {
  const results = sim.resultsFor(id);
  if (results.measure) return results.measure.yes + results.measure.no;
  return results.candidates.reduce((sum, candidate) => sum + candidate.votes, 0);
}

function byId(races: readonly Race[]): Map<string, Race> {
  return new Map(races.map((race) => [race.id, race]));
}

/** Warnings and errors, without the health transitions (checked through the status instead). */
function problemLines(from: number): string[] {
  return lines
    .slice(from)
    .filter((line) => /^\S+ (WARN|ERROR) /.test(line) && !line.includes('[FeedStatus]'));
}

/** When the screen would say a race's numbers were last confirmed. */
function confirmedAt(feed: ResultsFeed, id: string): string | null {
  const lagging = feed.status().lagging.find((entry) => entry.id === id);
  return lagging ? lagging.checkedAt : feed.status().confirmedAt;
}

async function inject(c: MatrixCase): Promise<void> {
  if (c.refused) await door.refuse();
  if (c.rule) sim.setFaults([c.rule]);
}

function expectKept(
  feed: ResultsFeed,
  report: PollReport,
  before: Map<string, Race>,
  goodAt: string | null,
): void {
  const failed = new Set([...report.failures.map((failure) => failure.id), ...report.ignoredOlder]);
  expect(failed.size).toBeGreaterThan(0);
  expect(['degraded', 'offline']).toContain(feed.status().health);
  for (const race of feed.races()) {
    if (failed.has(race.id)) {
      expect(race).toEqual(before.get(race.id));
      expect(confirmedAt(feed, race.id)).toBe(goodAt);
    } else expect(race.totalVotes).toBe(truthTotal(race.id));
  }
}

function expectCorrected(feed: ResultsFeed): void {
  expect(feed.status().health).toBe('online');
  for (const race of feed.races()) {
    expect(race.totalVotes).toBe(truthTotal(race.id));
    if (race.kind !== 'candidates') continue;
    for (const candidate of race.candidates)
      expect(candidate.percent).toBe(shareOf(candidate.votes, race.totalVotes));
  }
}

function expectShown(feed: ResultsFeed, c: MatrixCase): void {
  expect(feed.status().health).toBe('online');
  const races = feed.races();
  expect(races.map((race) => race.id).sort()).toEqual([...boardIds].sort());
  const candidates = races.flatMap((race) => (race.kind === 'candidates' ? race.candidates : []));
  if (c.rule?.kind === 'many-candidates') expect(candidates).toHaveLength(4 * 10_000);
  else if (c.rule?.kind === 'hostile-names')
    for (const { name } of candidates) expect(HOSTILE_NAMES).toContain(name);
  else for (const race of races) expect(race.totalVotes).toBe(truthTotal(race.id));
}

describe('the fault matrix: each fault on the rehearsal feed, then the feed healthy again', () => {
  it.each(FAULT_CASES)('$name: the wall keeps running, says why, and recovers ($outcome)', async (c) => {
    atLoad(2);
    const feed = await openFeed(c.timeoutSeconds);
    await feed.pollOnce();
    const before = byId(feed.races());
    const goodAt = feed.status().lastSuccessAt;
    expect(before.size).toBe(boardIds.length);

    atLoad(3);
    const from = lines.length;
    await inject(c);
    const report = await feed.pollOnce();

    const logged = problemLines(from);
    if (c.cause === null) expect(logged).toEqual([]);
    else {
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(c.cause);
    }
    if (c.outcome === 'kept') expectKept(feed, report, before, goodAt);
    else if (c.outcome === 'corrected') expectCorrected(feed);
    else expectShown(feed, c);

    sim.setFaults([]);
    await door.accept();
    const recovered = await feed.pollOnce();

    expect(recovered.failures).toEqual([]);
    expect(feed.status()).toMatchObject({ health: 'online', lagging: [], setAside: [] });
    for (const race of feed.races()) expect(race.totalVotes).toBe(truthTotal(race.id));
    const names = feed.races().flatMap((race) => (race.kind === 'candidates' ? race.candidates : []));
    for (const { name } of names) expect(HOSTILE_NAMES).not.toContain(name);
  });
});
