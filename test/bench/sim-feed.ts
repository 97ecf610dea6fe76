/**
 * The rehearsal feed's own figures (`npx tsx test/bench/sim-feed.ts`), one JSON line each:
 * - building the ballot and planning the night for a seed;
 * - the whole model: every race id at every load, computed cold;
 * - 5,000 ids over loopback HTTP: 500 queries of 10 ids at a cold load, 8 at a time.
 */
import { buildBallot } from '../../main/sim/ballot.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { planNight } from '../../main/sim/night.js';
import { NightResults } from '../../main/sim/results.js';
import { replaceLogSinks } from '../../main/logging/logger.js';
import { queryPath } from '../../shared/race-id.js';
import { report, timed } from './report.js';

const CONCURRENCY = 8;

async function benchModel(): Promise<void> {
  let ballot = buildBallot(1);
  report('sim-build-ballot', await timed(async () => (ballot = buildBallot(2))), 'ms');

  const night = new NightResults(ballot, planNight(ballot));
  const ids = ballot.allRaceIds();
  const loads = night.schedule.loads.length;
  const wall = await timed(async () => {
    for (let load = 0; load < loads; load++) for (const id of ids) night.at(id, load);
  });
  report('sim-whole-night-results', wall, 'ms');
  report('sim-results-per-second', (ids.length * loads) / (wall / 1000), 'results/s');
}

async function benchQueries(feed: RehearsalFeed, count: number): Promise<void> {
  const ids = feed.ballot.allRaceIds();
  const paths = Array.from({ length: count / 10 }, (_, batch) =>
    queryPath(Array.from({ length: 10 }, (_, index) => ids[(batch * 10 + index) % ids.length] ?? '')),
  );
  // A load nobody has asked for yet, so every answer is computed.
  feed.setClock(feed.loadTimes[30] ?? new Date());

  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] ?? '';
      await (await fetch(`${feed.url}${path}`)).arrayBuffer();
    }
  };
  const wall = await timed(() => Promise.all(Array.from({ length: CONCURRENCY }, worker)));
  report(`sim-http-${count}-ids-wall`, wall, 'ms');
  report(`sim-http-${count}-ids-requests-per-second`, paths.length / (wall / 1000), 'requests/s');
}

async function main(): Promise<void> {
  const restoreLogs = replaceLogSinks();
  const feed = await startRehearsalFeed({ seed: 1, speed: 0 });
  try {
    await benchModel();
    await benchQueries(feed, 5000);
  } finally {
    await feed.close();
    restoreLogs();
  }
}

await main();
