/**
 * A night's count of polls for the soak (`--polls per-simulated-second`): the server child
 * calls the feed engine's own `pollOnce()` at one cycle per simulated second, the pace of a
 * wall polling every second through a real night while the soak runs the clock faster. Each
 * cycle is the engine's real cycle, so its changes and its status reach the hub, the event
 * stream and the page as a timed cycle's do. When a cycle takes longer than its share, the
 * next starts at once: back to back, never two at a time (`pollOnce()` shares a cycle under
 * way). A rig for the soak only: the product's `pollSeconds` keeps its 1-second minimum, and
 * the engine's own 1-second timer runs on beside the driver.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { FeedStoppedError } from '../../main/feed/errors.js';

/** What the driver needs of the feed engine. */
export interface Pollable {
  pollOnce(): Promise<unknown>;
}

/**
 * How long to wait before cycle number `started` (counted from 0) when cycles are due
 * `intervalMs` apart from `firstAt`: 0 once the driver is behind, so it runs back to back.
 */
export function delayBeforeCycle(firstAt: number, started: number, intervalMs: number, now: number): number {
  return Math.max(0, firstAt + started * intervalMs - now);
}

/** Waits `ms`, or (back to back) one turn of the event loop, for IPC and timers; false once stopped. */
export function waitUnlessStopped(ms: number, signal: AbortSignal): Promise<boolean> {
  const waited = ms > 0 ? sleep(ms, undefined, { signal }) : nextTurn(undefined, { signal });
  return waited.then(
    () => true,
    () => false,
  );
}

export class PollDriver {
  /** Cycles this driver asked for that ended (a cycle under way when it asked counts as one). */
  cycles = 0;
  readonly #feed: Pollable;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #stopping = new AbortController();
  readonly #done: Promise<void>;
  /** The driven cycle under way, if any. */
  #cycle: Promise<unknown> | null = null;
  /** Set while `between()` runs: no driven cycle starts until it resolves. */
  #hold: Promise<void> | null = null;

  /** Starts driving at once; `onError` hears of a cycle that failed outright, and driving ends. */
  constructor(feed: Pollable, intervalMs: number, onError: (error: unknown) => void) {
    this.#feed = feed;
    this.#intervalMs = intervalMs;
    this.#onError = onError;
    this.#done = this.#drive();
  }

  /**
   * Runs `task` once the driven cycle under way has ended, before the next starts: a count of
   * timers and sockets then sees what stays, not what one cycle holds for a moment (as the
   * feed's 1-second timer leaves it most of the time). The cycles it delays are made up
   * after, back to back.
   */
  async between<T>(task: () => T): Promise<T> {
    let release = (): void => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    this.#hold = hold;
    try {
      await this.#cycle?.catch(() => undefined);
      return task();
    } finally {
      if (this.#hold === hold) this.#hold = null;
      release();
    }
  }

  /** Waits for the cycle under way, and polls no more. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#done;
  }

  async #drive(): Promise<void> {
    const firstAt = performance.now();
    while (!this.#stopping.signal.aborted) {
      if (this.#hold !== null) await this.#hold;
      const wait = delayBeforeCycle(firstAt, this.cycles, this.#intervalMs, performance.now());
      if (!(await this.#pause(wait))) return;
      if (this.#hold !== null) continue;
      try {
        this.#cycle = this.#feed.pollOnce();
        await this.#cycle;
        this.cycles++;
      } catch (error) {
        if (!(error instanceof FeedStoppedError)) this.#onError(error);
        return;
      } finally {
        this.#cycle = null;
      }
    }
  }

  #pause(ms: number): Promise<boolean> {
    return waitUnlessStopped(ms, this.#stopping.signal);
  }
}
