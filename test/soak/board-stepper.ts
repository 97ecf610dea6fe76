/**
 * A night's count of board changes for the soak (`--boards per-simulated-dwell`): the soak
 * presses the wall's own next-board key once per simulated default dwell, the pace of a wall
 * at 12 s a board through a real night while the soak runs the clock faster. The key runs
 * the same code as the rotation timer (the next board drawn afresh); only the trigger
 * differs, and a manual move restarts the dwell, so the wall's 1-second rotation stays out
 * of the way while presses come faster. Presses are due one interval apart, counted from the
 * first: a late press is made up at once, back to back, never two at a time. `pause()` stops
 * the presses (the next-board key would release a pinned board while the page is measured)
 * and `resume()` starts counting afresh, so a pause is not made up.
 */
import { performance } from 'node:perf_hooks';
import { delayBeforeCycle, waitUnlessStopped } from './poll-driver.js';

/** The product's default dwell (`defaultDwellSeconds`), in simulated seconds. */
export const DEFAULT_DWELL_SECONDS = 12;

/** Board changes a real second for one per simulated default dwell at clock `speed`. */
export function boardsPerSecondAt(speed: number): number {
  return speed / DEFAULT_DWELL_SECONDS;
}

export class BoardStepper {
  /** Presses that ended. */
  presses = 0;
  readonly #press: () => Promise<void>;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #stopping = new AbortController();
  readonly #done: Promise<void>;
  /** The press under way, if any. */
  #pressing: Promise<void> | null = null;
  /** Set while paused: resolves on `resume()`. */
  #paused: { readonly resumed: Promise<void>; readonly resume: () => void } | null = null;

  /** Starts pressing at once; `onError` hears of a press that failed, and pressing ends. */
  constructor(press: () => Promise<void>, intervalMs: number, onError: (error: unknown) => void) {
    this.#press = press;
    this.#intervalMs = intervalMs;
    this.#onError = onError;
    this.#done = this.#run();
  }

  /** No press starts after this resolves, and none is under way, until `resume()`. */
  async pause(): Promise<void> {
    if (this.#paused === null) {
      let resume = (): void => undefined;
      const resumed = new Promise<void>((resolve) => (resume = resolve));
      this.#paused = { resumed, resume };
    }
    await this.#pressing?.catch(() => undefined);
  }

  resume(): void {
    const paused = this.#paused;
    this.#paused = null;
    paused?.resume();
  }

  /** Waits for the press under way, and presses no more. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    this.resume();
    await this.#done;
  }

  async #run(): Promise<void> {
    let firstAt = performance.now();
    let pressed = 0;
    while (!this.#stopping.signal.aborted) {
      if (this.#paused !== null) {
        await this.#paused.resumed;
        firstAt = performance.now();
        pressed = 0;
        continue;
      }
      const wait = delayBeforeCycle(firstAt, pressed, this.#intervalMs, performance.now());
      if (!(await waitUnlessStopped(wait, this.#stopping.signal))) return;
      if (this.#paused !== null) continue;
      try {
        this.#pressing = this.#press();
        await this.#pressing;
        pressed++;
        this.presses++;
      } catch (error) {
        if (!this.#stopping.signal.aborted) this.#onError(error);
        return;
      } finally {
        this.#pressing = null;
      }
    }
  }
}
