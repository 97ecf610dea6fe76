/**
 * `npm run bench`: the feed's figures against the rehearsal feed over real loopback HTTP.
 * - poll cycles of 1,500 and 5,000 ids with 50 ms of added latency: requests against the floor
 *   ceil(N/10), wall time against ceil(N/10) / concurrency x latency. The rehearsal ballot has
 *   about 1,000 candidate-race ids, so the lists repeat them (the query endpoint answers a
 *   repeated id like any other); the whole ballot through the engine is measured too;
 * - normalization throughput, races per second on one core;
 * - cache write time (median of 5), CPU time, longest event-loop block and size for 5,000 races;
 * - then the wall in Chromium (test/bench/wall.ts): freshness, cold start, update cost, rendering.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { cachePath, type CacheFile, writeCache } from '../../main/feed/cache.js';
import { HttpClient } from '../../main/feed/http-client.js';
import { normalizeContestAnswer } from '../../main/feed/normalize.js';
import { planRequests, queryBatches } from '../../main/feed/plan.js';
import { runCycle } from '../../main/feed/poll-cycle.js';
import { ResultsFeed } from '../../main/feed/results-feed.js';
import { replaceLogSinks } from '../../main/logging/logger.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { WallConfigSchema } from '../../shared/config.js';
import type { Race } from '../../shared/model.js';
import { median, report, timed } from './report.js';
import { runWallBenches } from './wall.js';

const LATENCY_MS = 50;
const CONCURRENCY = 4;

function candidateIds(sim: RehearsalFeed): string[] {
  return sim.ballot.allRaceIds().filter((id) => !id.startsWith('19'));
}

function repeatTo(ids: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => ids[index % ids.length] ?? '');
}

async function benchPollCycle(sim: RehearsalFeed, count: number): Promise<void> {
  const client = new HttpClient({
    apiBase: sim.url,
    timeoutMs: 30_000,
    retries: 0,
    concurrency: CONCURRENCY,
  });
  const plan = queryBatches(repeatTo(candidateIds(sim), count), 10);
  try {
    const sentBefore = client.requestsSent;
    let answered = 0;
    const wall = await timed(async () => {
      answered = (await runCycle(client, plan)).races.length;
    });
    const floorRequests = Math.ceil(count / 10);
    report(`poll-cycle-${count}-requests`, client.requestsSent - sentBefore, 'requests', floorRequests);
    report(`poll-cycle-${count}-wall`, wall, 'ms', (floorRequests / CONCURRENCY) * LATENCY_MS);
    report(`poll-cycle-${count}-races-answered`, answered, 'races', count);
  } finally {
    client.close();
  }
}

/** The whole rehearsal ballot through the engine: query batches plus one request per measure scope. */
async function benchWholeBallot(sim: RehearsalFeed): Promise<void> {
  const ids = sim.ballot.allRaceIds();
  const dataDir = mkdtempSync(join(tmpdir(), 'returns-wall-bench-'));
  const config = WallConfigSchema.parse({ source: 'rehearsal', requests: { concurrency: CONCURRENCY } });
  const feed = await ResultsFeed.open({
    config,
    apiBase: sim.url,
    dataDir,
    source: 'rehearsal',
    extraRaceIds: ids,
  });
  try {
    const floor = planRequests(ids, 10).length;
    let requests = 0;
    const wall = await timed(async () => {
      requests = (await feed.pollOnce()).requests;
    });
    report(`engine-cycle-${ids.length}-requests`, requests, 'requests', floor);
    report(`engine-cycle-${ids.length}-wall`, wall, 'ms', (floor / CONCURRENCY) * LATENCY_MS);
  } finally {
    await feed.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface RawAnswers {
  /** Each object of each answer with the id it was asked for. */
  readonly pairs: [unknown, string][];
  /** The answers' bodies as received. */
  readonly bodies: string[];
}

/** Raw query answers for every candidate race, as the feed receives them. */
async function rawAnswers(sim: RehearsalFeed): Promise<RawAnswers> {
  const client = new HttpClient({
    apiBase: sim.url,
    timeoutMs: 30_000,
    retries: 0,
    concurrency: CONCURRENCY,
  });
  try {
    const batches = queryBatches(candidateIds(sim), 10);
    const answers = await Promise.all(batches.map((batch) => client.get(batch.path)));
    const pairs = answers.flatMap((answer, index) => {
      const ids = batches[index]?.ids ?? [];
      const body = JSON.parse(answer.text) as unknown[];
      return ids.map((id, position): [unknown, string] => [body[position], id]);
    });
    return { pairs, bodies: answers.map((answer) => answer.text) };
  } finally {
    client.close();
  }
}

function benchNormalization(answers: readonly (readonly [unknown, string])[]): Race[] {
  const races: Race[] = [];
  for (const [payload, id] of answers) races.push(...normalizeContestAnswer(payload, id).races);

  let count = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < 1000) {
    for (const [payload, id] of answers) count += normalizeContestAnswer(payload, id).races.length;
  }
  const cpu = process.cpuUsage(cpuStart);
  report('normalize-throughput', count / ((performance.now() - start) / 1000), 'races/s', 50_000);
  // Per second of this process's own CPU time: what one core does, whatever else shares the machine.
  report('normalize-throughput-per-cpu-second', count / ((cpu.user + cpu.system) / 1e6), 'races/s', 50_000);
  return races;
}

/** Wall time of `task`, and this process's CPU time (every thread: the file writes too), in milliseconds. */
async function timedWithCpu(task: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const wall = await timed(task);
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The longest the event loop was blocked while `task` ran, in milliseconds (1 ms resolution). */
async function longestBlock(task: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await task();
  delay.disable();
  return delay.max / 1e6;
}

/** A copy of the snapshot whose races are all new objects: the first write of a night. */
function withNewRaces(snapshot: CacheFile): CacheFile {
  return { ...snapshot, races: snapshot.races.map((entry) => ({ ...entry, race: { ...entry.race } })) };
}

/**
 * 5,000 races and the 500 query bodies behind them, written as the engine writes them. The
 * bodies live in a file of their own, written again only when they change: the figures with
 * "all-races-new" keep the bodies of the write before; "everything-new" changes them too.
 */
async function benchCacheWrite(races: readonly Race[], bodies: readonly string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'returns-wall-bench-'));
  const path = cachePath(dataDir, 'rehearsal');
  const entries = Array.from({ length: 5000 }, (_, index) => ({
    race: races[index % races.length] as Race,
    seenAt: '2026-11-03T21:05:00-08:00',
    checkedAt: new Date().toISOString(),
  }));
  const raw = Array.from({ length: 500 }, (_, index) => ({
    path: `/returns/query?r=${index}`,
    at: new Date().toISOString(),
    body: bodies[index % bodies.length] ?? '',
  }));
  const snapshot: CacheFile = {
    format: 1,
    writtenAt: new Date().toISOString(),
    source: 'rehearsal',
    apiBase: 'http://127.0.0.1',
    races: entries,
    raw,
  };
  try {
    const cold: { wall: number; cpu: number }[] = [];
    const blocks: number[] = [];
    const everything: number[] = [];
    const steady: number[] = [];
    const fullCheck: number[] = [];
    for (let run = 0; run < 5; run++) {
      const fresh = withNewRaces(snapshot);
      blocks.push(
        await longestBlock(async () => cold.push(await timedWithCpu(() => writeCache(path, fresh, true)))),
      );
    }
    for (let run = 0; run < 5; run++) {
      // Bodies with new text (JSON allows the trailing spaces), so their file is written again.
      const newBodies = raw.map((entry) => ({ ...entry, body: `${entry.body}${' '.repeat(run + 1)}` }));
      const fresh = { ...withNewRaces(snapshot), raw: newBodies };
      everything.push(await timed(() => writeCache(path, fresh, true)));
    }
    for (let run = 0; run < 5; run++) steady.push(await timed(() => writeCache(path, snapshot, true)));
    for (let run = 0; run < 5; run++) fullCheck.push(await timed(() => writeCache(path, snapshot)));
    report('cache-write-5000', median(steady), 'ms', 50);
    report('cache-write-5000-all-races-new', median(cold.map((run) => run.wall)), 'ms', 50);
    report('cache-write-5000-all-races-new-cpu', median(cold.map((run) => run.cpu)), 'ms', null);
    report('cache-write-5000-all-races-new-longest-block', median(blocks), 'ms', null);
    report('cache-write-5000-everything-new', median(everything), 'ms', null);
    report('cache-write-5000-revalidating-races', median(fullCheck), 'ms', null);
    report('cache-size-5000', statSync(path).size / 1024, 'KiB', null);
    report('cache-size-5000-raw-bodies', rawFileSize(path) / 1024, 'KiB', null);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The size of the raw-bodies file the cache at `path` names. */
function rawFileSize(path: string): number {
  const { rawFile } = JSON.parse(readFileSync(path, 'utf8')) as { rawFile?: string };
  return rawFile === undefined ? 0 : statSync(join(dirname(path), rawFile)).size;
}

async function main(): Promise<void> {
  const restoreLogs = replaceLogSinks();
  const sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '23:30', port: 0 });
  try {
    const answers = await rawAnswers(sim);
    const races = benchNormalization(answers.pairs);
    await benchCacheWrite(races, answers.bodies);

    sim.setFaults([{ kind: 'latency', ms: LATENCY_MS }]);
    await benchPollCycle(sim, 1500);
    await benchPollCycle(sim, 5000);
    await benchWholeBallot(sim);
  } finally {
    await sim.close();
    restoreLogs();
  }
}

// The machine is shared: its load before and after says how far to trust the figures.
report('machine-load-1min-before', loadavg()[0] ?? 0, 'runnable', null);
await main();
await runWallBenches();
report('machine-load-1min-after', loadavg()[0] ?? 0, 'runnable', null);
