/**
 * `npm run soak -- --hours 12 --speed 720`: a simulated election night, run for real. The
 * rehearsal feed runs here at `--speed`; the server (browser mode, wired as `serve` wires
 * it) runs in a child process so its memory is its own; the wall runs in Chromium. A board
 * change every second or, with `--boards per-simulated-dwell`, every simulated 12 s (the
 * wall's next-board key pressed from here: board-stepper.ts), and a poll every second (the feed's timer) or, with `--polls
 * per-simulated-second`, every simulated second: a real night's count of polls, driven in
 * the child (poll-driver.ts). Readings after warm-up and at the end (median of a few, after
 * forced GC) print as JSON lines like the benchmarks; progress and the checks go to stderr.
 * Exits 1 when a guarantee fails (see verdict.ts), 2 on bad flags.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeError, ReturnsWallError } from '../../shared/errors.js';
import type { WallConfigInput } from '../../shared/config.js';
import { createLogger } from '../../main/logging/logger.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { report } from '../bench/report.js';
import type { ServerStats } from './protocol.js';
import { BoardStepper } from './board-stepper.js';
import { parseSoakOptions, SOAK_USAGE, type SoakOptions, SoakUsageError } from './soak-options.js';
import { SoakServer } from './server-process.js';
import { checksOf, figuresOf, type Night, type Point } from './verdict.js';
import { type PageReadings, WallPage } from './wall-page.js';

const log = createLogger('Soak');

const HOUR_MS = 3_600_000;
/** How often progress is logged, in real seconds. */
const PROGRESS_EVERY_S = 30;
const RELEASE_TIMEOUT_MS = 5000;

/** Every statewide race, four propositions and four counties of the first race: 16 boards. */
function soakConfig(sim: RehearsalFeed): WallConfigInput {
  const { ballot } = sim;
  const counties = (ballot.contests[0]?.parts ?? []).slice(0, 4).map((part) => part.raceId);
  const races = [
    ...ballot.statewideRaceIds,
    ...ballot.propositions.slice(0, 4).map((proposition) => proposition.raceId),
    ...counties,
  ];
  return {
    source: 'rehearsal',
    apiBase: sim.url,
    pollSeconds: 1,
    defaultDwellSeconds: 1,
    staleAfterSeconds: 10,
    boards: races.map((race) => ({ race })),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The run ended before the warm-up could show every board once. */
class SoakTooShortError extends ReturnsWallError {}

interface Rig {
  readonly folder: string;
  readonly sim: RehearsalFeed;
  readonly server: SoakServer;
  readonly page: WallPage;
  /** Steps the boards at a simulated dwell's pace (`--boards per-simulated-dwell`). */
  readonly stepper: BoardStepper | null;
  readonly startedAt: number;
  readonly simStartedAt: number;
  readonly boardCount: number;
}

async function startRig(options: SoakOptions): Promise<Rig> {
  const folder = mkdtempSync(join(tmpdir(), 'returns-wall-soak-'));
  const sim = await startRehearsalFeed({ seed: options.seed, speed: options.speed, at: options.at, port: 0 });
  const configPath = join(folder, 'returns-wall.json');
  const config = soakConfig(sim);
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const logPath = join(folder, 'returns-wall.log');
  const server = await SoakServer.start({
    configPath,
    dataDir: join(folder, 'data'),
    logPath,
    ...(options.pollsPerSecond > 1 ? { pollIntervalMs: 1000 / options.pollsPerSecond } : {}),
  });
  log.info(`The server is up at ${server.url}; its log is ${logPath}.`);
  const page = await WallPage.open(server.url).catch(async (error: unknown) => {
    server.kill();
    await sim.close();
    throw error;
  });
  const boardCount = config.boards?.length ?? 0;
  const stepper =
    options.boards === 'per-simulated-dwell' ? startStepper(page, options.boardsPerSecond) : null;
  const startedAt = performance.now();
  return { folder, sim, server, page, stepper, startedAt, simStartedAt: sim.now().getTime(), boardCount };
}

/** A press that fails is a page error, which fails the soak. */
function startStepper(page: WallPage, boardsPerSecond: number): BoardStepper {
  return new BoardStepper(
    () => page.pressNext(),
    1000 / boardsPerSecond,
    (error) => page.errors.push(`the board stepper stopped: ${describeError(error)}`),
  );
}

const elapsedSeconds = (rig: Rig) => (performance.now() - rig.startedAt) / 1000;

/** Waits until `seconds` into the run, logging the server's memory now and then to show a trend. */
async function runUntil(rig: Rig, seconds: number): Promise<void> {
  // A timer can fire a hair early: a few milliseconds short counts as there.
  while (seconds - elapsedSeconds(rig) > 0.05) {
    await delay(Math.min(PROGRESS_EVERY_S, seconds - elapsedSeconds(rig)) * 1000);
    const hours = (rig.sim.now().getTime() - rig.simStartedAt) / HOUR_MS;
    const { samples, polls } = await rig.server.measure(1);
    const [memory] = samples;
    const page = await rig.page.glance();
    const boards = await rig.page.boardChanges();
    const mib = (bytes = 0) => (bytes / 1024 / 1024).toFixed(2);
    log.info(
      `${elapsedSeconds(rig).toFixed(0)} s in, ${hours.toFixed(1)} simulated hours, ${polls} polls, ` +
        `${boards} board changes: ` +
        `server heap ${mib(memory?.heapUsedBytes)} MiB, RSS ${mib(memory?.rssBytes)} MiB; ` +
        `page heap ${mib(page.jsHeapUsedBytes)} MiB.`,
    );
  }
}

async function measure(rig: Rig, samples: number): Promise<Point> {
  const elapsed = elapsedSeconds(rig);
  const server = await rig.server.measure(samples);
  const page = await measurePinned(rig, samples);
  const { page: wall } = rig;
  return {
    server,
    page,
    boardChanges: await wall.boardChanges(),
    messages: await wall.messages(),
    elapsedSeconds: elapsed,
  };
}

/** The page's readings with the stepper held, so no press releases the pinned board. */
async function measurePinned(rig: Rig, samples: number): Promise<PageReadings> {
  await rig.stepper?.pause();
  try {
    return await rig.page.measure(samples);
  } finally {
    rig.stepper?.resume();
  }
}

/**
 * Svelte keeps one template per kind of board the first time it draws one, so the page's node
 * count settles only once every board has been up: the warm-up lasts at least one rotation.
 */
async function untilEveryBoardShown(rig: Rig, runSeconds: number): Promise<void> {
  while ((await rig.page.boardChanges()) < rig.boardCount) {
    if (elapsedSeconds(rig) >= runSeconds) {
      throw new SoakTooShortError(
        `The run ended before all ${rig.boardCount} boards had been shown once: ` +
          'ask for more hours or a lower speed',
      );
    }
    await delay(250);
  }
}

/** The server's counts once it has seen the browser go (or after 5 s). */
async function releasedStreams(rig: Rig): Promise<ServerStats> {
  const deadline = performance.now() + RELEASE_TIMEOUT_MS;
  let stats = await rig.server.measure(1);
  while (stats.sseClients > 0 && performance.now() < deadline) {
    await delay(100);
    stats = await rig.server.measure(1);
  }
  return stats;
}

/** The night's readings, and the folder with the server's log (kept when a check fails). */
async function soak(options: SoakOptions): Promise<{ night: Night; folder: string }> {
  log.info(
    `Soaking ${options.hours} simulated hours at ${options.speed}x, ${options.pollsPerSecond} polls ` +
      `and ${options.boardsPerSecond} board changes a second asked: ${options.seconds.toFixed(0)} s, ` +
      `readings after ${options.warmupSeconds.toFixed(0)} s of warm-up (and every board shown once) ` +
      'and at the end.',
  );
  const rig = await startRig(options);
  try {
    await runUntil(rig, options.warmupSeconds);
    await untilEveryBoardShown(rig, options.seconds);
    const warm = await measure(rig, options.samples);
    await runUntil(rig, options.seconds);
    const end = await measure(rig, options.samples);
    const simulatedHours = (rig.sim.now().getTime() - rig.simStartedAt) / HOUR_MS;
    const realSeconds = elapsedSeconds(rig);

    await rig.stepper?.stop();
    await rig.page.close();
    const afterPageClosed = await releasedStreams(rig);
    const stop = await rig.server.stop();
    const { sseConnects, errors: pageErrors } = rig.page;
    const night: Night = {
      simulatedHours,
      realSeconds,
      pollsPerSecond: options.pollsPerSecond,
      boardsPerSecond: options.boardsPerSecond,
      warm,
      end,
      afterPageClosed,
      stop,
      sseConnects,
      pageErrors,
    };
    return { night, folder: rig.folder };
  } finally {
    await rig.stepper?.stop();
    rig.server.kill();
    await rig.page.close();
    await rig.sim.close();
  }
}

async function main(): Promise<number> {
  let options: SoakOptions;
  try {
    options = parseSoakOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SoakUsageError)) throw error;
    process.stderr.write(`${error.message}\nUsage: ${SOAK_USAGE}\n`);
    return 2;
  }

  const { night, folder } = await soak(options);
  for (const figure of figuresOf(night)) report(figure.bench, figure.value, figure.unit, figure.floor);
  const checks = checksOf(night);
  for (const check of checks) {
    const line = `${check.ok ? 'ok' : 'FAILED'}: ${check.name}: ${check.detail}.`;
    if (check.ok) log.info(line);
    else log.error(line);
  }
  const failed = checks.filter((check) => !check.ok).length;
  report('soak-checks-failed', failed, 'checks', 0);
  if (failed === 0) rmSync(folder, { recursive: true, force: true });
  else log.error(`Kept the server's log and config in ${folder}.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log.error(`The soak could not run: ${describeError(error)}.`);
    process.exitCode = 1;
  },
);
