/**
 * Turns the feed into the wall's messages (shared/ipc.ts), whatever carries them: a
 * snapshot for a window or client that (re)connects, then only what changed. Every message
 * is validated before it leaves, so a bug upstream shows in the log, not on air. A snapshot
 * checks only what it builds itself (its type, time and the feed status): its races were
 * each checked as they entered the feed's book (`RaceBook.merge`) or the cache
 * (`loadCache`), and its display config when the hub took it. Both can run to thousands of
 * entries, too many to check again on every connect; the renderer checks each race it shows.
 */
import { z } from 'zod';
import { type DisplayConfig, DisplayConfigSchema } from '../../shared/config.js';
import { describeError } from '../../shared/errors.js';
import {
  type SnapshotMessage,
  SnapshotMessageSchema,
  type WallMessage,
  WallMessageSchema,
} from '../../shared/ipc.js';
import type { Race } from '../../shared/model.js';
import { toPacificIso } from '../../shared/pacific-time.js';
import { parseWith } from '../../shared/validate.js';
import type { FeedSource } from '../feed/feed-source.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('WallHub');

export type WallListener = (message: WallMessage) => void;

/** What a transport (SSE, Electron IPC) needs: a snapshot now, then a stream of changes. */
export interface WallMessageSource {
  /** Null while the source is still starting; it then sends its snapshot to subscribers when ready. */
  snapshot(): SnapshotMessage | null;
  /** `listener` receives every update, status and config message from now on. */
  subscribe(listener: WallListener): () => void;
}

/** The snapshot with its races and config taken as already checked. */
const SnapshotEnvelopeSchema = SnapshotMessageSchema.extend({
  races: z.array(z.unknown()),
  config: z.unknown(),
});

export class WallHub implements WallMessageSource {
  private readonly listeners = new Set<WallListener>();
  private readonly unsubscribeFeed: (() => void)[];

  private config: DisplayConfig;

  /** Throws a ValidationError when `config` breaks the contract (a bug upstream). */
  constructor(
    private readonly feed: FeedSource,
    config: DisplayConfig,
  ) {
    this.config = parseWith(DisplayConfigSchema, config, 'display config');
    this.unsubscribeFeed = [
      feed.on('races', (races) => this.publishRaces(races)),
      feed.on('status', (status) => this.publish({ type: 'status', status })),
    ];
  }

  // TODO: the snapshot carries every race the feed knows (3.1 MiB of JSON for 5,000), and the
  // first board waits for all of it: sending it, SSE and JSON.parse in the page take ~150 ms of
  // a cold start. The renderer needs only the race on screen at first, but its place comes
  // back from localStorage, which the server cannot see. A snapshot in parts (the envelope and
  // the races of the first boards, then the rest, with a flag the renderer waits on before it
  // shows a race it has not got) would cut that; it changes the IPC contract (shared/ipc.ts).
  /** Throws a ValidationError when the feed status breaks the contract (a bug upstream). */
  snapshot(): SnapshotMessage {
    const races = [...this.feed.races()];
    const config = this.config;
    const envelope = parseWith(
      SnapshotEnvelopeSchema,
      {
        type: 'snapshot',
        sentAt: toPacificIso(new Date()),
        races,
        status: this.feed.status(),
        config,
      } satisfies SnapshotMessage,
      'outgoing snapshot',
    );
    return { ...envelope, races, config };
  }

  subscribe(listener: WallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * The display part of the config changed: every client gets it. One that breaks the
   * contract is logged and not taken, so snapshots keep sending the last good one.
   */
  setConfig(config: DisplayConfig): void {
    if (this.publish({ type: 'config', config })) this.config = config;
  }

  close(): void {
    for (const unsubscribe of this.unsubscribeFeed) unsubscribe();
    this.listeners.clear();
  }

  private publishRaces(races: readonly Race[]): void {
    if (races.length === 0) return;
    this.publish({ type: 'update', sentAt: toPacificIso(new Date()), races: [...races] });
  }

  /** Checks and sends `candidate`; false when it was dropped. */
  private publish(candidate: WallMessage): boolean {
    const checked = WallMessageSchema.safeParse(candidate);
    if (!checked.success) {
      log.error(`Dropped an invalid ${candidate.type} message: ${describeError(checked.error)}.`);
      return false;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(checked.data);
      } catch (error) {
        log.error(`A ${candidate.type} listener failed: ${describeError(error)}.`);
      }
    }
    return true;
  }
}
