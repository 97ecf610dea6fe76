/**
 * Waiting between attempts: exponential backoff with full jitter (a random wait between 0
 * and the exponential ceiling, so clients that failed together do not retry together), never
 * shorter than what the server asked for with `Retry-After`.
 */
import { FeedStoppedError } from './errors.js';

export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
  /** A `Retry-After` longer than this is cut to it, so one header cannot stall the wall. */
  readonly retryAfterCapMs: number;
  readonly random: () => number;
}

export function backoffDefaults(): BackoffOptions {
  return { baseMs: 500, capMs: 8_000, retryAfterCapMs: 60_000, random: Math.random };
}

/** `Retry-After` in milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;

  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before retry number `attempt` (0 for the first retry). */
export function retryDelay(attempt: number, retryAfterMs: number | null, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  const jittered = Math.floor(options.random() * ceiling);
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, options.retryAfterCapMs));
}

/** Waits `ms`, or rejects with FeedStoppedError as soon as `signal` aborts; the timer is always cleared. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new FeedStoppedError('The feed stopped before a retry wait began'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FeedStoppedError('The feed stopped during a retry wait'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
