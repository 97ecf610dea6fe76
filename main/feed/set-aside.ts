/**
 * Ids the feed stops polling every cycle: not on this ballot (403/404, or absent from the
 * contest's answer) or breaking every batch they are in. Each is reported once when set
 * aside and tried again after `recheckMs`, so a race added to the ballot later comes back.
 */
import type { SetAside } from '../../shared/feed-status.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('Feed');

// TODO: the recheck interval is fixed per feed (ResultsFeedOptions.recheckSetAsideMs), not a
// returns-wall.json setting, and ids set aside in the same cycle are retried together. Adding a
// `requests.recheckMinutes` config key and a random spread on `since` would smooth the burst.
export const DEFAULT_RECHECK_MS = 600_000;

export class SetAsideList {
  readonly #entries = new Map<string, SetAside>();

  constructor(readonly recheckMs: number = DEFAULT_RECHECK_MS) {}

  /** True when the id should be polled this cycle: never set aside, or due for a recheck. */
  isDue(id: string, now: number): boolean {
    const entry = this.#entries.get(id);
    return !entry || now - Date.parse(entry.since) >= this.recheckMs;
  }

  /** Takes back ids that answered; sets aside (or renews) those found wanting. */
  update(found: readonly { id: string; reason: string }[], answered: Iterable<string>, at: string): void {
    for (const id of answered) {
      if (this.#entries.delete(id)) log.info(`Race ${id} answers again; polling it every cycle.`);
    }
    for (const { id, reason } of found) {
      if (!this.#entries.has(id)) {
        const minutes = Math.round(this.recheckMs / 60_000);
        log.warn(`Race ${id} set aside: ${reason}. Trying it again every ${minutes} minutes.`);
      }
      this.#entries.set(id, { id, reason, since: at });
    }
  }

  entries(): SetAside[] {
    return [...this.#entries.values()];
  }
}
