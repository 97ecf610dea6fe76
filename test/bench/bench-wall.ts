/**
 * Browser mode in-process for the benchmarks: the real kiosk, feed engine, hub and SSE server
 * polling a rehearsal feed, with two handles the end-to-end harness has no need for: every
 * message the hub sends, with its size on the wire, and a way to push races through the hub
 * as if a poll had brought them (for loads the rehearsal model cannot make to order).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WallConfigInput } from '../../shared/config.js';
import type { WallMessage } from '../../shared/ipc.js';
import type { Race } from '../../shared/model.js';
import type { FeedEvents } from '../../main/feed/feed-source.js';
import { FeedEmitter } from '../../main/feed/emitter.js';
import type { FeedEngine, KioskDependencies } from '../../main/kiosk/kiosk.js';
import { realKioskDependencies } from '../../main/kiosk/real-dependencies.js';
import { type BrowserMode, startBrowserMode } from '../../main/server/browser-mode.js';

/** The real engine, plus races pushed in by the benchmark; the hub cannot tell them apart. */
class InjectableFeed implements FeedEngine {
  readonly #extra = new FeedEmitter();
  readonly #injected = new Map<string, Race>();

  constructor(private readonly engine: FeedEngine) {}

  races(): readonly Race[] {
    if (this.#injected.size === 0) return this.engine.races();
    const own = this.engine.races().filter((race) => !this.#injected.has(race.id));
    return [...own, ...this.#injected.values()];
  }

  status = () => this.engine.status();
  start = () => this.engine.start();
  pollOnce = () => this.engine.pollOnce();
  updateConfig: FeedEngine['updateConfig'] = (config) => this.engine.updateConfig(config);
  stop = () => this.engine.stop();

  on<E extends keyof FeedEvents>(event: E, listener: FeedEvents[E]): () => void {
    const offEngine = this.engine.on(event, listener);
    const offExtra = this.#extra.on(event, listener);
    return () => {
      offEngine();
      offExtra();
    };
  }

  inject(races: readonly Race[]): void {
    for (const race of races) this.#injected.set(race.id, race);
    this.#extra.emit('races', races);
  }
}

export interface SentMessage {
  readonly type: WallMessage['type'];
  /** The SSE frame's payload size, as `JSON.stringify` makes it (UTF-8 bytes). */
  readonly bytes: number;
  readonly races: number;
  /** When the hub sent it (ms since the epoch). */
  readonly at: number;
}

export interface BenchWall {
  readonly mode: BrowserMode;
  readonly url: string;
  readonly feed: InjectableFeed;
  /** Every message the hub has sent since the last `takeSent()`. */
  takeSent(): SentMessage[];
  stop(): Promise<void>;
}

export interface BenchWallSetup {
  readonly apiBase: string;
  readonly boards: WallConfigInput['boards'];
  readonly pollSeconds?: number;
  readonly concurrency?: number;
}

export async function startBenchWall(setup: BenchWallSetup): Promise<BenchWall> {
  const folder = mkdtempSync(join(tmpdir(), 'returns-wall-bench-'));
  const configPath = join(folder, 'returns-wall.json');
  const config: WallConfigInput = {
    source: 'rehearsal',
    apiBase: setup.apiBase,
    pollSeconds: setup.pollSeconds ?? 1,
    defaultDwellSeconds: 3600,
    requests: { retries: 0, timeoutSeconds: 10, concurrency: setup.concurrency ?? 4 },
    boards: setup.boards,
  };
  writeFileSync(configPath, JSON.stringify(config));

  let feed: InjectableFeed | null = null;
  const dependencies: KioskDependencies = {
    ...realKioskDependencies,
    openFeed: async (options) => (feed = new InjectableFeed(await realKioskDependencies.openFeed(options))),
  };
  const mode = await startBrowserMode({
    kiosk: { configPath, dataDir: join(folder, 'data'), watch: false },
    dependencies,
    port: 0,
  });
  if (!feed) throw new Error('Browser mode started without opening its feed');

  let sent: SentMessage[] = [];
  const unsubscribe = mode.kiosk.hub.subscribe((message) => {
    const at = Date.now();
    const bytes = Buffer.byteLength(JSON.stringify(message));
    sent.push({ type: message.type, bytes, races: 'races' in message ? message.races.length : 0, at });
  });
  return {
    mode,
    url: mode.url,
    feed,
    takeSent: () => {
      const taken = sent;
      sent = [];
      return taken;
    },
    stop: async () => {
      unsubscribe();
      await mode.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
