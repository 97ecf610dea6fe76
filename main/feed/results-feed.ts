/**
 * The feed engine: polls the SOS API (or the rehearsal feed) for every race on the boards,
 * keeps the newest content of each, tells listeners what changed, keeps the feed's status,
 * and keeps the offline cache. Plain Node: no Electron, so tests, the CLI and browser mode
 * run it as is.
 */
import { isAbsolute, resolve } from 'node:path';
import type { WallConfig } from '../../shared/config.js';
import { describeError, ReturnsWallError } from '../../shared/errors.js';
import type { FeedSource as FeedSourceName, FeedStatus, SetAside } from '../../shared/feed-status.js';
import type { Race } from '../../shared/model.js';
import { createLogger } from '../logging/logger.js';
import type { BackoffOptions } from './backoff.js';
import { cachePath, CacheWriter, loadCache } from './cache.js';
import { FeedEmitter } from './emitter.js';
import { FeedStoppedError } from './errors.js';
import { FeedLog } from './feed-log.js';
import type { FeedEvents, FeedSource } from './feed-source.js';
import { HttpClient } from './http-client.js';
import { planRequests } from './plan.js';
import { nextPollDelay } from './poll-schedule.js';
import { type CycleResult, type IdFailure, runCycle } from './poll-cycle.js';
import { type MergeResult, RaceBook } from './race-book.js';
import { Recorder } from './recorder.js';
import { SetAsideList } from './set-aside.js';
import { StatusTracker } from './status-tracker.js';

const log = createLogger('Feed');

/** With races from the cache on screen, how long the first cycle waits (at most one interval). */
export const FIRST_POLL_AFTER_CACHE_MS = 1000;

export interface ResultsFeedOptions {
  readonly config: WallConfig;
  readonly apiBase: string;
  readonly dataDir: string;
  readonly source: FeedSourceName;
  readonly extraRaceIds?: readonly string[];
  /** Contest paths polled by name (`fetch --path`); every race their answers hold is kept. */
  readonly contestPaths?: readonly string[];
  /** False: no offline cache is read or written (the one-shot `fetch`). */
  readonly cache?: boolean;
  /** How long an id stays set aside before it is tried once more. Default 10 minutes. */
  readonly recheckSetAsideMs?: number;
  readonly backoff?: Partial<BackoffOptions>;
}

export interface PollReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Requests sent during the cycle, retries and bisection included. */
  readonly requests: number;
  /** Races whose content changed (new ones included). */
  readonly changed: readonly Race[];
  /** Ids that got no usable answer this cycle, and why. */
  readonly failures: readonly IdFailure[];
  /** Every id currently set aside. */
  readonly setAside: readonly SetAside[];
  /** Ids whose answer was older than the newest seen, and ignored. */
  readonly ignoredOlder: readonly string[];
}

export class ResultsFeed implements FeedSource {
  #config: WallConfig;
  readonly #options: ResultsFeedOptions;
  readonly #book = new RaceBook();
  readonly #status: StatusTracker;
  readonly #cache: CacheWriter | null;
  readonly #recorder: Recorder | null;
  readonly #feedLog = new FeedLog();
  readonly #setAside: SetAsideList;
  readonly #fromPaths = new Set<string>();
  readonly #raw = new Map<string, { at: string; body: string }>();
  readonly #events = new FeedEmitter();
  #client: HttpClient;
  #clientKey: string;
  #cycle: Promise<PollReport> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #polled: Set<string> | null = null;
  #cycleStartedAt = 0;
  /** While a timed cycle runs, its status changes wait for the next poll time: one message a cycle. */
  #holdStatus = false;
  #statusPending = false;
  #started = false;
  #stopped = false;

  private constructor(options: ResultsFeedOptions, cacheWrittenAt: string | null) {
    this.#options = options;
    this.#config = options.config;
    this.#status = new StatusTracker(options.source, options.apiBase, cacheWrittenAt);
    this.#cache =
      options.cache === false ? null : new CacheWriter(cachePath(options.dataDir, options.source), true);
    // TODO: the recording is chosen once, at open; a `record` added or changed by
    // updateConfig() takes effect only when the feed is opened again. Swapping the Recorder
    // in updateConfig (after flushing the old one) would lift that.
    const record = options.config.record;
    this.#recorder =
      record === undefined
        ? null
        : new Recorder(isAbsolute(record) ? record : resolve(options.dataDir, record));
    this.#setAside = new SetAsideList(options.recheckSetAsideMs);
    this.#clientKey = JSON.stringify(options.config.requests);
    this.#client = this.#newClient();
  }

  /** Opens the feed with what the cache holds already loaded (shown at once, marked with its age). */
  static async open(options: ResultsFeedOptions): Promise<ResultsFeed> {
    const cached =
      options.cache === false ? null : await loadCache(cachePath(options.dataDir, options.source));
    const usable = cached !== null && cached.apiBase === options.apiBase ? cached : null;
    if (cached && !usable)
      log.info(`The cache is from ${cached.apiBase}, not ${options.apiBase}; starting empty.`);

    const feed = new ResultsFeed(options, usable?.writtenAt ?? null);
    if (usable) feed.#restore(usable.races, usable.raw);
    return feed;
  }

  #restore(
    races: Parameters<RaceBook['load']>[0],
    raw: readonly { path: string; at: string; body: string }[],
  ): void {
    this.#book.load(races);
    for (const entry of raw) this.#raw.set(entry.path, { at: entry.at, body: entry.body });
    // Until a poll succeeds, races vouch for themselves with the cache's own confirmations:
    // most share the last cycle before the cache was written, so only the others are listed.
    const confirmedAt = this.#book.newestCheckedAt(this.#isShown);
    this.#status.update({
      newestLoadAt: this.#book.newestLoadAt(),
      confirmedAt,
      lagging: this.#book.lagging(this.#isShown, confirmedAt),
    });
    log.info(`Loaded ${races.length} races from the cache written ${this.#status.current.cacheWrittenAt}.`);
  }

  #newClient(): HttpClient {
    const requests = this.#config.requests;
    return new HttpClient({
      apiBase: this.#options.apiBase,
      timeoutMs: requests.timeoutSeconds * 1000,
      retries: requests.retries,
      concurrency: requests.concurrency,
      ...(this.#options.backoff ? { backoff: this.#options.backoff } : {}),
      onAnswer: (answer) => this.#recorder?.record(answer),
    });
  }

  races(): readonly Race[] {
    return this.#book.races(this.#isShown);
  }

  status(): FeedStatus {
    return this.#status.current;
  }

  on<E extends keyof FeedEvents>(event: E, listener: FeedEvents[E]): () => void {
    return this.#events.on(event, listener);
  }

  /** Listeners subscribed now (the wall hub holds two); a soak checks it does not grow. */
  listenerCount(): number {
    return this.#events.listenerCount();
  }

  /** Polls now, then every `pollSeconds` (start to start), until `stop()`. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    if (this.#book.size === 0) this.#tick();
    // Races from the cache are on screen already: the first cycle waits a moment, so the
    // screens' first board is not slowed by hundreds of answers being parsed at once.
    else this.#scheduleIn(Math.min(FIRST_POLL_AFTER_CACHE_MS, this.#config.pollSeconds * 1000));
  }

  /** New boards or poll interval; what is known is kept. Request settings apply from the next cycle. */
  updateConfig(config: WallConfig): void {
    this.#config = config;
    this.#polled = null;
    // Before the first cycle (waiting after a cache start) the timer stands as it is.
    if (this.#started && this.#timer !== null && !this.#stopped && this.#cycleStartedAt > 0) this.#schedule();
  }

  /** One full cycle (or the one already under way). */
  pollOnce(): Promise<PollReport> {
    if (this.#stopped) return Promise.reject(new FeedStoppedError('The feed is stopped; it polls no more'));
    this.#cycle ??= this.#runCycle().finally(() => {
      this.#cycle = null;
    });
    return this.#cycle;
  }

  /** Clears the timer, aborts requests under way, and writes the cache and the recording out. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#client.close();
    await this.#cycle?.catch(() => undefined);
    await this.#cache?.flush();
    await this.#recorder?.flush();
  }

  readonly #isShown = (id: string): boolean => this.#polledIds().has(id) || this.#fromPaths.has(id);

  // Built once per config: `#isShown` asks it for every race, so rebuilding it per call made
  // a cycle over 1,578 races spend seconds here.
  #polledIds(): Set<string> {
    this.#polled ??= new Set([
      ...this.#config.boards.map((board) => board.race),
      ...(this.#options.extraRaceIds ?? []),
    ]);
    return this.#polled;
  }

  #tick(): void {
    this.#timer = null;
    this.#cycleStartedAt = Date.now();
    this.#holdStatus = true;
    this.pollOnce()
      .catch((error: unknown) => this.#onCrash(error))
      .finally(() => {
        this.#holdStatus = false;
        if (this.#stopped) this.#emitStatus(false);
        else this.#schedule();
      });
  }

  #schedule(): void {
    this.#scheduleIn(nextPollDelay(this.#config.pollSeconds * 1000, this.#cycleStartedAt, Date.now()));
  }

  #scheduleIn(delay: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), delay);
    this.#emitStatus(this.#status.update({ nextPollAt: new Date(Date.now() + delay).toISOString() }));
  }

  #onCrash(error: unknown): void {
    if (error instanceof FeedStoppedError) return;
    const what = error instanceof ReturnsWallError ? 'failed' : 'failed with a bug';
    log.error(`The poll cycle ${what}: ${describeError(error)}.`);
    if (!(error instanceof ReturnsWallError) && error instanceof Error) log.error(error.stack ?? '');
    this.#emitStatus(this.#status.recordCrash(new Date().toISOString(), error));
  }

  #idsToPoll(now: number): string[] {
    return [...this.#polledIds()].filter((id) => this.#setAside.isDue(id, now));
  }

  async #runCycle(): Promise<PollReport> {
    const startedAt = new Date().toISOString();
    this.#swapClientIfChanged();
    const client = this.#client;
    const sentBefore = client.requestsSent;
    const ids = this.#idsToPoll(Date.now());
    const plan = planRequests(ids, this.#config.requests.idsPerQuery, this.#options.contestPaths);

    const result = await runCycle(client, plan);
    if (this.#stopped) throw new FeedStoppedError('The feed stopped during a poll cycle');

    const at = new Date().toISOString();
    const merged = this.#absorb(result, new Set(plan.map((request) => request.path)), at);
    this.#finishStatus(at, ids.length + (this.#options.contestPaths?.length ?? 0), result);
    if (merged.changed.length > 0) this.#events.emit('races', merged.changed);
    if (result.successes > 0) this.#saveCache();

    return {
      startedAt,
      finishedAt: at,
      requests: client.requestsSent - sentBefore,
      changed: merged.changed,
      failures: result.failures,
      setAside: this.#setAside.entries(),
      ignoredOlder: merged.older.map((race) => race.id),
    };
  }

  /** Takes a cycle's answers into the book, the set-aside list, the raw bodies and the log. */
  #absorb(result: CycleResult, planned: ReadonlySet<string>, at: string): MergeResult {
    const merged = this.#book.merge(result.races, at);
    if (this.#options.contestPaths?.length) for (const race of result.races) this.#fromPaths.add(race.id);
    this.#setAside.update(
      result.setAside,
      result.races.map((race) => race.id),
      at,
    );
    this.#keepRaw(result.bodies, planned);
    this.#feedLog.cycle(result, merged.older);
    for (const { id, issues } of merged.invalid) {
      log.error(`Race ${id} was normalized wrong (a bug): ${issues.join('; ')}.`);
    }
    return merged;
  }

  /** Keeps the raw bodies behind what is shown: this cycle's, and the last of each path still polled. */
  #keepRaw(fresh: CycleResult['bodies'], planned: ReadonlySet<string>): void {
    for (const path of this.#raw.keys()) if (!planned.has(path)) this.#raw.delete(path);
    for (const [path, entry] of fresh) this.#raw.set(path, entry);
  }

  #swapClientIfChanged(): void {
    const key = JSON.stringify(this.#config.requests);
    if (key === this.#clientKey) return;
    this.#client.close();
    this.#clientKey = key;
    this.#client = this.#newClient();
  }

  #finishStatus(at: string, polled: number, result: CycleResult): void {
    const before = this.#status.current;
    const confirmedAt = result.successes > 0 ? at : (before.lastSuccessAt ?? before.confirmedAt);
    const lagging = this.#book.lagging(this.#isShown, confirmedAt);
    const changed = [
      this.#status.recordCycle({
        at,
        polled,
        successes: result.successes,
        failures: result.failures,
        laggingCount: lagging.length,
      }),
      this.#status.setAside(this.#setAside.entries()),
      this.#status.update({ confirmedAt, lagging, newestLoadAt: this.#book.newestLoadAt() }),
    ];
    this.#emitStatus(changed.some(Boolean));
  }

  #saveCache(): void {
    this.#cache?.save(() => ({
      format: 1,
      writtenAt: new Date().toISOString(),
      source: this.#options.source,
      apiBase: this.#options.apiBase,
      races: this.#book.entries(),
      raw: [...this.#raw].map(([path, entry]) => ({ path, ...entry })),
    }));
  }

  #emitStatus(changed: boolean): void {
    this.#statusPending ||= changed;
    if (this.#holdStatus || !this.#statusPending) return;
    this.#statusPending = false;
    this.#events.emit('status', this.#status.current);
  }
}
