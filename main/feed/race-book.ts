/**
 * Every race the feed knows, with the newest stamp seen for it and when a poll last confirmed
 * it. Merging a cycle's answers returns the races whose content changed, and the stale copies
 * (stamped before the newest seen) it ignored.
 */
import { type Race, RaceSchema } from '../../shared/model.js';
import { formatIssues } from '../../shared/validate.js';
import type { CachedRace } from './cache.js';
import { mergeRace } from './changes.js';

export interface MergeResult {
  /** New races and races whose content changed, with deltas. */
  readonly changed: Race[];
  /** Answers ignored because they were older than the newest seen for their race. */
  readonly older: Race[];
  /** Races the normalizer built wrong (a bug), refused with the problem. */
  readonly invalid: { readonly id: string; readonly issues: string[] }[];
}

export class RaceBook {
  readonly #races = new Map<string, CachedRace>();

  get size(): number {
    return this.#races.size;
  }

  /** Races from the cache, which validated them on load. */
  load(cached: readonly CachedRace[]): void {
    for (const entry of cached) this.#races.set(entry.race.id, entry);
  }

  has(id: string): boolean {
    return this.#races.has(id);
  }

  merge(races: readonly Race[], checkedAt: string): MergeResult {
    const changed: Race[] = [];
    const older: Race[] = [];
    const invalid: MergeResult['invalid'] = [];
    for (const incoming of races) {
      const previous = this.#races.get(incoming.id);
      const { outcome, known } = mergeRace(previous, incoming);
      if (outcome === 'older') {
        older.push(incoming);
        continue;
      }
      // Only content that reaches the screen and the cache is checked: a new or changed race.
      const checked = outcome === 'unchanged' ? null : RaceSchema.safeParse(known.race);
      if (checked && !checked.success) {
        invalid.push({ id: incoming.id, issues: formatIssues(checked.error) });
        continue;
      }
      this.#races.set(incoming.id, { ...known, checkedAt });
      if (outcome === 'new' || outcome === 'changed') changed.push(known.race);
    }
    return { changed, older, invalid };
  }

  /** The races whose ids pass `keep`, in no particular order. */
  races(keep: (id: string) => boolean): Race[] {
    return [...this.#races.values()].filter((entry) => keep(entry.race.id)).map((entry) => entry.race);
  }

  /** Races last confirmed at another time than `confirmedAt` (the baseline), with that time. */
  lagging(
    keep: (id: string) => boolean,
    confirmedAt: string | null,
  ): { id: string; checkedAt: string | null }[] {
    return [...this.#races.values()]
      .filter((entry) => keep(entry.race.id) && entry.checkedAt !== confirmedAt)
      .map((entry) => ({ id: entry.race.id, checkedAt: entry.checkedAt }));
  }

  /** The latest confirmation of any race passing `keep` (the baseline of a cache just loaded). */
  newestCheckedAt(keep: (id: string) => boolean): string | null {
    let newest: string | null = null;
    for (const { race, checkedAt } of this.#races.values()) {
      if (checkedAt === null || !keep(race.id)) continue;
      if (newest === null || Date.parse(checkedAt) > Date.parse(newest)) newest = checkedAt;
    }
    return newest;
  }

  /** The newest `ReportingTime` of any race, ISO-8601. */
  newestLoadAt(): string | null {
    let newest: string | null = null;
    for (const entry of this.#races.values()) {
      if (newest === null || Date.parse(entry.seenAt) > Date.parse(newest)) newest = entry.seenAt;
    }
    return newest;
  }

  entries(): CachedRace[] {
    return [...this.#races.values()];
  }
}
