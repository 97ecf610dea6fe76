/**
 * What the wall knows: the races, the feed status and the display config, built from the
 * validated messages the transport delivers. Replaced, never mutated in place, so each
 * message costs one reactive update however many races it carries.
 *
 * A snapshot's races are kept as received and checked against the contract the first time
 * the wall asks for one (`race(id)`), so 5,000 races are not checked before the first board.
 * An update's races (a few) are checked on receipt: one that fails is dropped and reported,
 * and the wall keeps the version it had. A snapshot race that fails when asked for is
 * dropped and reported once; its board keeps the last version of it that passed, if any.
 *
 * TODO: a snapshot after a reconnect replaces every race unchecked, so a race in it that
 * fails its check, and whose board has not come up since the page loaded, has no good version
 * to fall back on and its board shows no numbers. The main process checks every race before
 * it is sent, so only a bug there reaches this. Keeping the previous snapshot's races until
 * each new one is checked would close it, at the cost of holding two snapshots.
 */
import type { DisplayConfig } from '../../../shared/config.js';
import type { FeedStatus } from '../../../shared/feed-status.js';
import type { Race } from '../../../shared/model.js';
import { checkRace, type ReceivedMessage, type UncheckedRace } from '../transport/index.js';

export interface WallStateOptions {
  /** Told once for each received race that fails its check, after it is counted as dropped. */
  readonly onInvalidRace?: (problem: string) => void;
}

export class WallState {
  races = $state.raw<Readonly<Record<string, UncheckedRace>>>({});
  status = $state.raw<FeedStatus | null>(null);
  config = $state.raw<DisplayConfig | null>(null);
  /** False until the transport is up, and whenever it drops. */
  connected = $state(false);
  hasSnapshot = $state(false);
  droppedMessages = $state(0);
  lastDropped = $state<string | null>(null);

  /** Replaced only when a race is added or dropped, so an update to known races rebuilds no board list. */
  raceIds = $state.raw<readonly string[]>([]);

  /** Not reactive on purpose: written while a board reads its race, when state must not change. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- nothing renders from it directly.
  readonly #lastGood = new Map<string, Race>();
  readonly #reported = new WeakSet<UncheckedRace>();
  readonly #onInvalidRace: (problem: string) => void;

  constructor(options: WallStateOptions = {}) {
    this.#onInvalidRace = options.onInvalidRace ?? (() => undefined);
  }

  apply(message: ReceivedMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.races = indexRaces(message.races);
        this.raceIds = Object.keys(this.races);
        this.status = message.status;
        this.config = message.config;
        this.hasSnapshot = true;
        break;
      case 'update':
        this.#merge(message.races);
        break;
      case 'status':
        this.status = message.status;
        break;
      case 'config':
        this.config = message.config;
        break;
    }
  }

  /**
   * The race with this id, checked; the same object until a message replaces the race, so a
   * `$derived` over it changes only when the race does. Safe to call from a `$derived`.
   */
  race(id: string): Race | undefined {
    const received = this.races[id];
    if (received === undefined) return undefined;

    const check = checkRace(received);
    if (check.ok) {
      this.#lastGood.set(id, check.race);
      return check.race;
    }
    this.#reportOnce(received, check.problem);
    return this.#lastGood.get(id);
  }

  #merge(races: readonly UncheckedRace[]): void {
    const usable = races.filter((race) => this.#passes(race));
    if (usable.length === 0) return;
    const added = usable.some((race) => !Object.hasOwn(this.races, race.id));
    this.races = { ...this.races, ...indexRaces(usable) };
    if (added) this.raceIds = Object.keys(this.races);
  }

  #passes(received: UncheckedRace): boolean {
    const check = checkRace(received);
    if (!check.ok) this.#reportOnce(received, check.problem);
    return check.ok;
  }

  #reportOnce(received: UncheckedRace, problem: string): void {
    if (this.#reported.has(received)) return;
    this.#reported.add(received);
    // Later, outside whatever reactive read asked for the race.
    queueMicrotask(() => {
      this.noteDropped(problem);
      this.#onInvalidRace(problem);
    });
  }

  setConnected(connected: boolean): void {
    this.connected = connected;
  }

  noteDropped(problem: string): void {
    this.droppedMessages += 1;
    this.lastDropped = problem;
  }
}

function indexRaces(races: readonly UncheckedRace[]): Record<string, UncheckedRace> {
  return Object.fromEntries(races.map((race) => [race.id, race]));
}
