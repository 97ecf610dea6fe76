/**
 * The server under soak, in a process of its own (forked with `--expose-gc`): browser mode
 * wired as `returns-wall serve` wires it (the real kiosk dependencies, the config file
 * watched, a log file), polling the rehearsal feed the soak runs. It answers the soak's IPC
 * messages with its memory and its counts, and on `stop` stops browser mode and lets go of
 * the IPC channel: if anything else is still alive the process does not exit, and the soak
 * reports a leak. With `--poll-interval-ms N` it also drives the feed's cycles N ms apart
 * (`poll-driver.ts`), stopped before browser mode is.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { describeError } from '../../shared/errors.js';
import type { FeedStatus } from '../../shared/feed-status.js';
import { parseWith } from '../../shared/validate.js';
import { type PollReport, ResultsFeed } from '../../main/feed/results-feed.js';
import type { KioskDependencies } from '../../main/kiosk/kiosk.js';
import { realKioskDependencies } from '../../main/kiosk/real-dependencies.js';
import { createLogger, fileSink, type LogSink, replaceLogSinks } from '../../main/logging/logger.js';
import { type BrowserMode, startBrowserMode } from '../../main/server/browser-mode.js';
import { PollDriver } from './poll-driver.js';
import {
  countByKind,
  type FromChild,
  type MemorySample,
  type ServerStats,
  ToChildSchema,
} from './protocol.js';

const log = createLogger('SoakPolls');
const SAMPLE_GAP_MS = 100;
const KEPT_ERROR_LINES = 5;

/** What the server's log said, counted by level, with the last error lines kept. */
class LogTally {
  warnings = 0;
  errors = 0;
  readonly lastErrors: string[] = [];

  readonly sink: LogSink = (line, level) => {
    if (level === 'warn') this.warnings++;
    if (level !== 'error') return;
    this.errors++;
    this.lastErrors.push(line);
    if (this.lastErrors.length > KEPT_ERROR_LINES) this.lastErrors.shift();
  };
}

/**
 * Counts poll cycles as they end, whoever started them (the feed's timer or the driver):
 * every distinct cycle `pollOnce()` hands out, so two cycles that end within the same
 * millisecond (and so share a success time) still count as two. The failed ones come from the
 * feed's status: each adds one to its consecutive failures.
 */
class PollTally {
  polls = 0;
  failedPolls = 0;
  /** Milliseconds spent in cycles, from each one's start to its end. */
  pollMs = 0;
  #failures = 0;

  constructor(feed: ResultsFeed) {
    feed.on('status', this.#onStatus);
    const pollOnce = feed.pollOnce.bind(feed);
    let last: Promise<PollReport> | null = null;
    // The feed's timer calls `this.pollOnce()`, so this wrapper sees its cycles too.
    feed.pollOnce = () => {
      const cycle = pollOnce();
      if (cycle !== last) {
        last = cycle;
        const ended = this.#ender(performance.now());
        cycle.then(ended, ended);
      }
      return cycle;
    };
  }

  #ender(startedAt: number): () => void {
    return () => {
      this.polls++;
      this.pollMs += performance.now() - startedAt;
    };
  }

  readonly #onStatus = (status: FeedStatus): void => {
    if (status.consecutiveFailures > this.#failures) this.failedPolls++;
    this.#failures = status.consecutiveFailures;
  };
}

function send(message: FromChild): void {
  process.send?.(message);
}

function collectGarbage(): void {
  if (globalThis.gc === undefined) throw new Error('The soak server needs node --expose-gc');
  // Twice: the first pass can leave objects whose finalizers free more.
  globalThis.gc();
  globalThis.gc();
}

async function memorySamples(count: number): Promise<MemorySample[]> {
  const samples: MemorySample[] = [];
  for (let index = 0; index < count; index++) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_GAP_MS));
    collectGarbage();
    const usage = process.memoryUsage();
    samples.push({ rssBytes: usage.rss, heapUsedBytes: usage.heapUsed });
  }
  return samples;
}

interface Running {
  readonly mode: BrowserMode;
  readonly feed: ResultsFeed;
  readonly logs: LogTally;
  readonly polls: PollTally;
  readonly driver: PollDriver | null;
}

/** Runs `task` between two driven cycles (see PollDriver.between), or at once when undriven. */
function between<T>(running: Running, task: () => T): Promise<T> {
  return running.driver?.between(task) ?? Promise.resolve(task());
}

async function stats(running: Running, samples: number): Promise<ServerStats> {
  const memory = await memorySamples(samples);
  return {
    samples: memory,
    resources: countByKind(await between(running, () => process.getActiveResourcesInfo())),
    sseClients: running.mode.server.clientCount(),
    hubListeners: running.mode.kiosk.hub.listenerCount(),
    feedListeners: running.feed.listenerCount(),
    polls: running.polls.polls,
    failedPolls: running.polls.failedPolls,
    pollMs: running.polls.pollMs,
    warnings: running.logs.warnings,
    errors: running.logs.errors,
    lastErrors: [...running.logs.lastErrors],
  };
}

/** The real kiosk dependencies, keeping hold of the feed engine to count its listeners. */
function capturingDependencies(onFeed: (feed: ResultsFeed) => void): KioskDependencies {
  return {
    startRehearsal: (settings) => realKioskDependencies.startRehearsal(settings),
    async openFeed(options) {
      const feed = await realKioskDependencies.openFeed(options);
      if (!(feed instanceof ResultsFeed))
        throw new Error('The kiosk opened a feed that is not a ResultsFeed');
      onFeed(feed);
      return feed;
    },
  };
}

interface ChildFiles {
  readonly configPath: string;
  readonly dataDir: string;
  readonly rendererDir: string | undefined;
  /** Drive the feed's cycles this far apart, on top of its own timer; none: its timer only. */
  readonly pollIntervalMs: number | undefined;
}

function driveFeed(feed: ResultsFeed, intervalMs: number): PollDriver {
  log.info(`Driving a poll cycle every ${intervalMs.toFixed(2)} ms, back to back when one takes longer.`);
  return new PollDriver(feed, intervalMs, (error) =>
    log.error(`A driven poll cycle failed; driving stopped: ${describeError(error)}.`),
  );
}

async function start(files: ChildFiles, logs: LogTally): Promise<Running> {
  // Tallied as it opens, before the kiosk starts it: its first cycle counts too.
  const opened: { feed?: ResultsFeed; polls?: PollTally } = {};
  const mode = await startBrowserMode({
    kiosk: { configPath: files.configPath, dataDir: files.dataDir },
    ...(files.rendererDir === undefined ? {} : { rendererDir: files.rendererDir }),
    dependencies: capturingDependencies((feed) => {
      opened.feed = feed;
      opened.polls = new PollTally(feed);
    }),
    host: '127.0.0.1',
    port: 0,
  });
  const { feed, polls } = opened;
  if (feed === undefined || polls === undefined)
    throw new Error('Browser mode started without opening a feed');
  const driver = files.pollIntervalMs === undefined ? null : driveFeed(feed, files.pollIntervalMs);
  return { mode, feed, logs, polls, driver };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      log: { type: 'string' },
      'renderer-dir': { type: 'string' },
      'poll-interval-ms': { type: 'string' },
    },
  });
  if (!values.config || !values['data-dir'] || !values.log) {
    throw new Error('server-child needs --config, --data-dir and --log');
  }
  const logs = new LogTally();
  replaceLogSinks(fileSink(values.log), logs.sink);
  const files = {
    configPath: values.config,
    dataDir: values['data-dir'],
    rendererDir: values['renderer-dir'],
    pollIntervalMs: intervalOf(values['poll-interval-ms']),
  };
  const running = await start(files, logs);
  send({ type: 'ready', url: running.mode.url });

  const onMessage = (raw: unknown): void => {
    answer(running, raw, () => process.off('message', onMessage)).catch(fail);
  };
  process.on('message', onMessage);
}

function intervalOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms <= 0)
    throw new Error(`--poll-interval-ms wants a positive number, not ${text}`);
  return ms;
}

async function answer(running: Running, raw: unknown, stopListening: () => void): Promise<void> {
  const message = parseWith(ToChildSchema, raw, 'message from the soak');
  if (message.type === 'measure') {
    send({ type: 'stats', stats: await stats(running, message.samples) });
    return;
  }
  stopListening();
  await running.driver?.stop();
  await running.mode.stop();
  // Closed handles leave the list once their close callbacks have run, a loop turn later.
  await new Promise((resolve) => setTimeout(resolve, 10));
  send({ type: 'stopped', remaining: withoutIpcChannel(process.getActiveResourcesInfo()) });
  process.disconnect();
}

/** The channel to the soak is open until the very end: one pipe is not browser mode's. */
function withoutIpcChannel(kinds: readonly string[]): string[] {
  const rest = [...kinds];
  const pipe = rest.indexOf('PipeWrap');
  if (pipe >= 0) rest.splice(pipe, 1);
  return rest;
}

function fail(error: unknown): void {
  process.stderr.write(`The soak server failed: ${describeError(error)}\n`);
  process.exitCode = 1;
  if (process.connected) process.disconnect();
}

main().catch(fail);
