/**
 * A cap on work in flight: at most `limit` tasks run at once; the rest wait their turn in
 * order. Waiting tasks are dropped when the signal aborts.
 */
import { FeedStoppedError } from './errors.js';

export class Limiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`A limiter needs a limit of 1 or more, not ${limit}`);
  }

  get running(): number {
    return this.#running;
  }

  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted)
      return Promise.reject(new FeedStoppedError('The feed stopped before a request was sent'));
    if (this.#running < this.limit) {
      this.#running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(start);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(new FeedStoppedError('The feed stopped while a request waited for its turn'));
      };
      const start = () => {
        signal.removeEventListener('abort', onAbort);
        this.#running++;
        resolve();
      };
      this.#waiting.push(start);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  #release(): void {
    this.#running--;
    this.#waiting.shift()?.();
  }
}
