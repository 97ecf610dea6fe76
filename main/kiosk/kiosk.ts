/**
 * The kiosk without its window: config, feed, cache and the wall hub, wired the same way
 * for `returns-wall serve` and for Electron. With the rehearsal source and no `apiBase`,
 * the rehearsal feed runs in-process. The config file is watched; a valid edit is applied
 * to the feed and sent to every screen.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIVE_API_BASE, toDisplayConfig, type WallConfig } from '../../shared/config.js';
import type { FeedSource as FeedSourceKind } from '../../shared/feed-status.js';
import { appFolders, defaultConfigPath } from '../config/app-folders.js';
import { loadConfig } from '../config/config-file.js';
import { type ConfigWatcher, watchConfig } from '../config/config-watcher.js';
import { type BallotOutline, withDefaultBoards } from '../config/default-config.js';
import type { FeedSource } from '../feed/feed-source.js';
import { createLogger } from '../logging/logger.js';
import { WallHub } from './wall-hub.js';

const log = createLogger('Kiosk');

/** The feed engine as the kiosk drives it. */
export interface FeedEngine extends FeedSource {
  start(): void;
  pollOnce(): Promise<unknown>;
  updateConfig(config: WallConfig): void;
  stop(): Promise<void>;
}

/** The in-process rehearsal feed as the kiosk drives it. */
export interface RehearsalServer {
  readonly url: string;
  readonly ballot: BallotOutline;
  setSpeed(speed: number): void;
  close(): Promise<void>;
}

export interface FeedOpenOptions {
  readonly config: WallConfig;
  readonly apiBase: string;
  readonly dataDir: string;
  readonly source: FeedSourceKind;
}

/** How the kiosk makes its feed; tests pass their own. */
export interface KioskDependencies {
  startRehearsal(settings: WallConfig['rehearsal']): Promise<RehearsalServer>;
  openFeed(options: FeedOpenOptions): Promise<FeedEngine>;
}

export interface KioskOptions {
  /** `--config`: a file that must exist. Otherwise the platform's config folder, or the default. */
  readonly configPath?: string;
  /** `--data-dir`: where the cache goes. Otherwise the platform's data folder. */
  readonly dataDir?: string;
  /** `--api-base`: overrides the config's source and `apiBase`. */
  readonly apiBase?: string;
  /** Watch the config file for edits (on unless false). */
  readonly watch?: boolean;
}

export interface Kiosk {
  readonly hub: WallHub;
  readonly feed: FeedEngine;
  readonly apiBase: string;
  readonly rehearsal: RehearsalServer | null;
  /** The config in force, default boards filled in. */
  config(): WallConfig;
  stop(): Promise<void>;
}

/** `live` only for the real SOS host, so anything else carries the REHEARSAL watermark. */
export function sourceKindFor(apiBase: string): FeedSourceKind {
  return new URL(apiBase).host === new URL(LIVE_API_BASE).host ? 'live' : 'rehearsal';
}

function configuredApiBase(config: WallConfig, override: string | undefined): string | null {
  if (override !== undefined) return override;
  if (config.apiBase !== undefined) return config.apiBase;
  return config.source === 'live' ? LIVE_API_BASE : null;
}

/** The settings that need a restart: where the numbers come from. */
function feedOrigin(config: WallConfig): string {
  return JSON.stringify([config.source, config.apiBase ?? null, config.rehearsal.seed, config.rehearsal.at]);
}

class RunningKiosk implements Kiosk {
  private current: WallConfig;
  private watcher: ConfigWatcher | null = null;

  constructor(
    readonly hub: WallHub,
    readonly feed: FeedEngine,
    readonly apiBase: string,
    readonly rehearsal: RehearsalServer | null,
    private loaded: WallConfig,
  ) {
    this.current = withDefaultBoards(loaded, rehearsal?.ballot ?? null);
  }

  config(): WallConfig {
    return this.current;
  }

  watch(path: string): void {
    this.watcher = watchConfig(path, { current: this.loaded, onChange: (config) => this.apply(config) });
  }

  private apply(next: WallConfig): void {
    if (feedOrigin(next) !== feedOrigin(this.loaded)) {
      // TODO: switching between live and rehearsal (or another apiBase or rehearsal seed) needs a
      // new feed and cache; restarting is safe but manual. Rebuilding the feed here would fix it.
      log.warn('The feed source, apiBase or rehearsal seed changed: restart Returns Wall to apply that.');
    }
    if (next.rehearsal.speed !== this.loaded.rehearsal.speed) this.rehearsal?.setSpeed(next.rehearsal.speed);

    this.loaded = next;
    this.current = withDefaultBoards(next, this.rehearsal?.ballot ?? null);
    this.feed.updateConfig(this.current);
    this.hub.setConfig(toDisplayConfig(this.current));
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    this.hub.close();
    await this.feed.stop();
    await this.rehearsal?.close();
    log.info('Stopped.');
  }
}

async function startRehearsalIfNeeded(config: WallConfig, apiBase: string | null, deps: KioskDependencies) {
  if (apiBase !== null) return null;
  const rehearsal = await deps.startRehearsal(config.rehearsal);
  log.info(`Started the rehearsal feed at ${rehearsal.url} (seed ${config.rehearsal.seed}).`);
  return rehearsal;
}

/** The cache folder: live and rehearsal numbers are never mixed. */
async function cacheFolder(root: string, source: FeedSourceKind, inProcess: boolean): Promise<string> {
  const folder = join(root, source === 'live' ? 'live-cache' : 'rehearsal-cache');
  // An in-process rehearsal replays the night from its start; an old cache would be
  // newer than its first loads and freeze the wall on it.
  if (inProcess) await rm(folder, { recursive: true, force: true });
  return folder;
}

export async function startKiosk(options: KioskOptions, deps: KioskDependencies): Promise<Kiosk> {
  const configPath = options.configPath ?? defaultConfigPath();
  const { config, path } = await loadConfig(configPath, options.configPath !== undefined);
  log.info(path === null ? `No config at ${configPath}: running the bundled rehearsal.` : `Loaded ${path}.`);

  const rehearsal = await startRehearsalIfNeeded(config, configuredApiBase(config, options.apiBase), deps);
  try {
    return await wire(options, configPath, config, rehearsal, deps);
  } catch (error) {
    await rehearsal?.close();
    throw error;
  }
}

async function wire(
  options: KioskOptions,
  configPath: string,
  config: WallConfig,
  rehearsal: RehearsalServer | null,
  deps: KioskDependencies,
): Promise<Kiosk> {
  const apiBase = rehearsal?.url ?? configuredApiBase(config, options.apiBase) ?? LIVE_API_BASE;
  const source = sourceKindFor(apiBase);
  const dataDir = await cacheFolder(options.dataDir ?? appFolders().data, source, rehearsal !== null);

  const effective = withDefaultBoards(config, rehearsal?.ballot ?? null);
  const feed = await deps.openFeed({ config: effective, apiBase, dataDir, source });
  const hub = new WallHub(feed, toDisplayConfig(effective));
  const kiosk = new RunningKiosk(hub, feed, apiBase, rehearsal, config);
  if (options.watch !== false) kiosk.watch(configPath);

  feed.start();
  log.info(`Polling ${apiBase} every ${effective.pollSeconds} s for ${effective.boards.length} boards.`);
  return kiosk;
}
