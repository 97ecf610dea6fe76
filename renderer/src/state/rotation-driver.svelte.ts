/**
 * Drives the pure rotation with one interval, and keeps the wall's clock (`now`) that the
 * STALE checks and ages re-evaluate against every second. Saves the place whenever it moves.
 */
import type { PlaceStorage } from '../lib/rotation-storage.js';
import { loadPlace, savePlace } from '../lib/rotation-storage.js';
import * as rotation from '../lib/rotation.js';

export interface RotationDriverOptions {
  /** Where the place survives a restart; null to keep it in memory only. */
  readonly storage: PlaceStorage | null;
  readonly clock?: () => number;
  readonly tickMs?: number;
  /** Told about storage trouble, for the log. */
  readonly onProblem?: (problem: string) => void;
}

export class RotationDriver {
  readonly #clock: () => number;
  readonly #options: RotationDriverOptions;
  #pendingPlace: rotation.RotationPlace | null;

  now = $state(0);
  state = $state.raw<rotation.RotationState>(rotation.createRotation([], 0));
  current = $derived(rotation.currentBoard(this.state));

  constructor(options: RotationDriverOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.now = this.#clock();
    this.#pendingPlace = this.#loadPlace();
  }

  /** Starts the one-second tick; returns a function that stops it. */
  start(): () => void {
    const timer = setInterval(() => this.tick(), this.#options.tickMs ?? 1000);
    return () => clearInterval(timer);
  }

  tick(): void {
    this.now = this.#clock();
    this.#set(rotation.tick(this.state, this.now));
  }

  setBoards(boards: readonly rotation.RotationBoard[]): void {
    const now = this.#clock();
    if (this.#pendingPlace && boards.length > 0) {
      this.#set(rotation.createRotation(boards, now, this.#pendingPlace));
      this.#pendingPlace = null;
    } else {
      this.#set(rotation.withBoards(this.state, boards, now));
    }
  }

  next = (): void => this.#set(rotation.next(this.state, this.#clock()));
  previous = (): void => this.#set(rotation.previous(this.state, this.#clock()));
  jumpTo = (index: number): void => this.#set(rotation.jumpTo(this.state, index, this.#clock()));
  togglePause = (): void => this.#set(rotation.togglePause(this.state, this.#clock()));
  togglePin = (): void => this.#set(rotation.togglePin(this.state, this.#clock()));
  unpin = (): void => this.#set(rotation.unpin(this.state, this.#clock()));

  #set(next: rotation.RotationState): void {
    if (next === this.state) return;

    const before = rotation.placeOf(this.state);
    this.state = next;
    const after = rotation.placeOf(next);
    if (this.state.boards.length > 0 && !samePlace(before, after)) this.#savePlace(after);
  }

  #loadPlace(): rotation.RotationPlace | null {
    if (!this.#options.storage) return null;

    const loaded = loadPlace(this.#options.storage);
    if (!loaded.place && loaded.problem) this.#options.onProblem?.(loaded.problem);
    return loaded.place;
  }

  #savePlace(place: rotation.RotationPlace): void {
    if (!this.#options.storage) return;

    const problem = savePlace(this.#options.storage, place);
    if (problem) this.#options.onProblem?.(problem);
  }
}

function samePlace(a: rotation.RotationPlace, b: rotation.RotationPlace): boolean {
  return a.raceId === b.raceId && a.index === b.index && a.pinned === b.pinned;
}
