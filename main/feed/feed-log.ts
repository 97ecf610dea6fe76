/**
 * What the operator reads at 1 a.m.: each failure logged when it starts (and when it ends),
 * not every cycle; a recomputed percent once per race; a stale load once per stamp.
 */
import type { Race } from '../../shared/model.js';
import { createLogger } from '../logging/logger.js';
import type { CycleResult } from './poll-cycle.js';

const log = createLogger('Feed');

/** More ids than this failing for one reason are summarized, not listed. */
const LISTED_IDS = 5;

export class FeedLog {
  /** The failure reason last logged for each id still failing. */
  readonly #failing = new Map<string, string>();
  readonly #noticed = new Set<string>();
  readonly #staleStamps = new Set<string>();

  cycle(result: CycleResult, older: readonly Race[]): void {
    this.#failures(result);
    for (const notice of result.notices) {
      if (this.#noticed.has(notice.id)) continue;
      this.#noticed.add(notice.id);
      log.warn(`Race ${notice.id}: ${notice.message}.`);
    }
    for (const race of older) {
      if (this.#staleStamps.has(race.updatedAt)) continue;
      this.#staleStamps.add(race.updatedAt);
      log.warn(
        `Ignored a stale load stamped ${race.updatedAt} (race ${race.id}), older than the newest seen.`,
      );
    }
  }

  #failures(result: CycleResult): void {
    const fresh = new Map<string, { path: string; reason: string; ids: string[] }>();
    const failed = new Set<string>();
    for (const failure of result.failures) {
      failed.add(failure.id);
      if (this.#failing.get(failure.id) === failure.reason) continue;
      this.#failing.set(failure.id, failure.reason);
      const key = `${failure.path}\u0000${failure.reason}`;
      const group = fresh.get(key) ?? { path: failure.path, reason: failure.reason, ids: [] };
      group.ids.push(failure.id);
      fresh.set(key, group);
    }
    for (const { reason, path, ids } of fresh.values()) {
      const listed =
        ids.length > LISTED_IDS
          ? `${ids.length} races (${ids.slice(0, LISTED_IDS).join(', ')}, ...)`
          : ids.join(', ');
      log.error(`No usable answer for ${listed} from ${path}: ${reason}. Keeping the last good data.`);
    }
    const answered = new Set(result.races.map((race) => race.id));
    const recovered = [...this.#failing.keys()].filter((id) => answered.has(id));
    for (const id of this.#failing.keys()) if (!failed.has(id)) this.#failing.delete(id);
    if (recovered.length > 0)
      log.info(`${recovered.length} races answer again (${recovered.slice(0, LISTED_IDS).join(', ')}).`);
  }
}
