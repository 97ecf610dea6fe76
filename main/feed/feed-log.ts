/**
 * What the operator reads at 1 a.m.: each failure logged when it starts (and when it ends),
 * not every cycle, and one line per cycle however many races broke; a notice once per race;
 * a stale load once per stamp.
 */
import type { Race } from '../../shared/model.js';
import { createLogger } from '../logging/logger.js';
import type { CycleResult, IdFailure } from './poll-cycle.js';

const log = createLogger('Feed');

/** More ids than this failing for one reason are summarized, not listed. */
const LISTED_IDS = 5;

/** More distinct reasons than this in one cycle are counted, not spelled out. */
const LISTED_REASONS = 3;

function listIds(ids: readonly string[]): string {
  return ids.length > LISTED_IDS
    ? `${ids.slice(0, LISTED_IDS).join(', ')} and ${ids.length - LISTED_IDS} more`
    : ids.join(', ');
}

/** `HTTP 500 (0200..., 0300... from /returns/query)`: one reason, its ids and the paths they came from. */
function describeGroup(reason: string, failures: readonly IdFailure[]): string {
  const paths = [...new Set(failures.map((failure) => failure.path.split('?')[0] ?? failure.path))];
  return `${reason} (${listIds(failures.map((failure) => failure.id))} from ${paths.join(', ')})`;
}

/** The one line for a cycle's new failures, grouped by reason. */
export function describeFailures(failures: readonly IdFailure[]): string {
  const byReason = new Map<string, IdFailure[]>();
  for (const failure of failures)
    byReason.set(failure.reason, [...(byReason.get(failure.reason) ?? []), failure]);
  const groups = [...byReason].map(([reason, group]) => describeGroup(reason, group));
  const more = groups.length > LISTED_REASONS ? `; and ${groups.length - LISTED_REASONS} other reasons` : '';
  const races = failures.length === 1 ? '1 race' : `${failures.length} races`;
  return `No usable answer for ${races}: ${groups.slice(0, LISTED_REASONS).join('; ')}${more}. Keeping the last good data.`;
}

export class FeedLog {
  /** The failure reason last logged for each id still failing. */
  readonly #failing = new Map<string, string>();
  readonly #noticed = new Set<string>();
  readonly #staleStamps = new Set<string>();

  cycle(result: CycleResult, older: readonly Race[]): void {
    this.#failures(result);
    this.#notices(result);
    for (const race of older) {
      if (this.#staleStamps.has(race.updatedAt)) continue;
      this.#staleStamps.add(race.updatedAt);
      log.warn(
        `Ignored a stale load stamped ${race.updatedAt} (race ${race.id}), older than the newest seen.`,
      );
    }
  }

  /** Each notice once per race, and one line per message however many races share it. */
  #notices(result: CycleResult): void {
    const fresh = new Map<string, string[]>();
    for (const { id, message } of result.notices) {
      const key = `${id}\u0000${message}`;
      if (this.#noticed.has(key)) continue;
      this.#noticed.add(key);
      fresh.set(message, [...(fresh.get(message) ?? []), id]);
    }
    for (const [message, ids] of fresh)
      log.warn(`${ids.length === 1 ? 'Race' : 'Races'} ${listIds(ids)}: ${message}.`);
  }

  #failures(result: CycleResult): void {
    const fresh: IdFailure[] = [];
    const failed = new Set<string>();
    for (const failure of result.failures) {
      failed.add(failure.id);
      if (this.#failing.get(failure.id) === failure.reason) continue;
      this.#failing.set(failure.id, failure.reason);
      fresh.push(failure);
    }
    if (fresh.length > 0) log.error(describeFailures(fresh));

    const answered = new Set(result.races.map((race) => race.id));
    const recovered = [...this.#failing.keys()].filter((id) => answered.has(id));
    for (const id of this.#failing.keys()) if (!failed.has(id)) this.#failing.delete(id);
    if (recovered.length > 0) log.info(`${recovered.length} races answer again (${listIds(recovered)}).`);
  }
}
