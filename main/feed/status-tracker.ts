/**
 * The feed's status as the screen and the log see it (`shared/feed-status.ts`): health from
 * the last cycle, the last success and error, consecutive failed cycles, ids set aside and
 * races not confirmed by the last successful poll. Health transitions are logged once.
 */
import { describeError } from '../../shared/errors.js';
import type { FeedHealth, FeedSource, FeedStatus, SetAside } from '../../shared/feed-status.js';
import { createLogger } from '../logging/logger.js';
import type { IdFailure } from './poll-cycle.js';

const log = createLogger('FeedStatus');

export interface CycleOutcome {
  readonly at: string;
  readonly polled: number;
  readonly successes: number;
  readonly failures: readonly IdFailure[];
  readonly laggingCount: number;
}

export class StatusTracker {
  #status: FeedStatus;

  constructor(source: FeedSource, apiBase: string, cacheWrittenAt: string | null) {
    this.#status = {
      health: 'starting',
      source,
      apiBase,
      lastSuccessAt: null,
      lastError: null,
      consecutiveFailures: 0,
      nextPollAt: null,
      newestLoadAt: null,
      cacheWrittenAt,
      setAside: [],
      confirmedAt: null,
      lagging: [],
    };
  }

  get current(): FeedStatus {
    return this.#status;
  }

  /** Merges fields in; returns true when anything changed. */
  update(fields: Partial<FeedStatus>): boolean {
    const next = { ...this.#status, ...fields };
    const changed = JSON.stringify(next) !== JSON.stringify(this.#status);
    this.#status = next;
    return changed;
  }

  /** Folds a finished cycle in: health, last success or error, failure count. */
  recordCycle(outcome: CycleOutcome): boolean {
    const health = healthOf(outcome);
    const failed = health === 'offline';
    const fields: Partial<FeedStatus> = {
      health,
      consecutiveFailures: failed ? this.#status.consecutiveFailures + 1 : 0,
    };
    if (outcome.successes > 0 || outcome.polled === 0) fields.lastSuccessAt = outcome.at;
    const [first] = outcome.failures;
    if (first) {
      const message = `${outcome.failures.length} of ${outcome.polled} races failed; first ${first.id} from ${first.path}`;
      fields.lastError = { at: outcome.at, message, cause: first.reason };
    }
    this.#logTransition(health, outcome);
    return this.update(fields);
  }

  /** A failure that ended the cycle itself (a bug): offline, with the error. */
  recordCrash(at: string, error: unknown): boolean {
    this.#logTransition('offline', null);
    return this.update({
      health: 'offline',
      consecutiveFailures: this.#status.consecutiveFailures + 1,
      lastError: { at, message: 'The poll cycle failed', cause: describeError(error) },
    });
  }

  setAside(entries: readonly SetAside[]): boolean {
    return this.update({ setAside: [...entries] });
  }

  #logTransition(health: FeedHealth, outcome: CycleOutcome | null): void {
    if (health === this.#status.health) return;
    const failed = outcome?.failures.length ?? 0;
    const detail = outcome
      ? ` (${failed} of ${outcome.polled} races failed, ${outcome.laggingCount} lagging)`
      : '';
    const message = `The feed is ${health}, was ${this.#status.health}${detail}.`;
    if (health === 'online') log.info(message);
    else log.warn(message);
  }
}

function healthOf(outcome: CycleOutcome): FeedHealth {
  if (outcome.polled > 0 && outcome.successes === 0 && outcome.failures.length > 0) return 'offline';
  return outcome.failures.length > 0 || outcome.laggingCount > 0 ? 'degraded' : 'online';
}
