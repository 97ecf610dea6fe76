/**
 * Board rotation as pure functions over an immutable state: which board is up, for how
 * long, and what the operator's keys do to it. Time comes in as `now` (ms since the epoch)
 * so tests drive it directly; the Svelte layer ticks it once a second.
 */

export interface RotationBoard {
  readonly raceId: string;
  readonly dwellMs: number;
}

export interface RotationState {
  readonly boards: readonly RotationBoard[];
  readonly index: number;
  readonly paused: boolean;
  readonly pinned: boolean;
  /** When the current board's dwell started counting. */
  readonly shownAt: number;
  /** How long the current board had been up when rotation was paused. */
  readonly elapsedAtPause: number;
}

/** Where the wall was, as persisted across restarts. */
export interface RotationPlace {
  readonly raceId: string | null;
  readonly index: number;
  readonly pinned: boolean;
}

export function createRotation(
  boards: readonly RotationBoard[],
  now: number,
  place?: RotationPlace,
): RotationState {
  const state: RotationState = {
    boards,
    index: 0,
    paused: false,
    pinned: false,
    shownAt: now,
    elapsedAtPause: 0,
  };
  if (!place || boards.length === 0) return state;

  const found = place.raceId === null ? -1 : indexOfRace(boards, place.raceId);
  const index = found >= 0 ? found : clampIndex(place.index, boards.length);
  return { ...state, index, pinned: place.pinned && found >= 0 };
}

export function currentBoard(state: RotationState): RotationBoard | null {
  return state.boards[state.index] ?? null;
}

export function placeOf(state: RotationState): RotationPlace {
  return { raceId: currentBoard(state)?.raceId ?? null, index: state.index, pinned: state.pinned };
}

/** Advances when the current board's dwell is over, unless paused or pinned. */
export function tick(state: RotationState, now: number): RotationState {
  const board = currentBoard(state);
  if (!board || state.paused || state.pinned || state.boards.length < 2) return state;
  const due = state.shownAt + board.dwellMs;
  if (now < due) return state;

  // The next dwell counts from when this one ended, not from the tick that noticed, so a
  // coarse tick never stretches every board. After a long gap (a sleeping machine) move one
  // board only, and start its dwell afresh.
  const late = now - due >= board.dwellMs;
  return show(state, state.index + 1, late ? now : due);
}

/** Moves to the next board; a manual move releases a pin. */
export function next(state: RotationState, now: number): RotationState {
  return show({ ...state, pinned: false }, state.index + 1, now);
}

export function previous(state: RotationState, now: number): RotationState {
  return show({ ...state, pinned: false }, state.index - 1, now);
}

/** Shows board `index` (0-based) and pins it; an index past the end changes nothing. */
export function jumpTo(state: RotationState, index: number, now: number): RotationState {
  if (index < 0 || index >= state.boards.length) return state;

  return { ...show(state, index, now), pinned: true };
}

export function togglePause(state: RotationState, now: number): RotationState {
  if (state.paused) return { ...state, paused: false, shownAt: now - state.elapsedAtPause };

  return { ...state, paused: true, elapsedAtPause: Math.max(0, now - state.shownAt) };
}

export function togglePin(state: RotationState, now: number): RotationState {
  return state.pinned ? unpin(state, now) : { ...state, pinned: state.boards.length > 0 };
}

/** Releases a pin; the board then gets a full dwell before rotation moves on. */
export function unpin(state: RotationState, now: number): RotationState {
  if (!state.pinned) return state;

  return { ...state, pinned: false, shownAt: now, elapsedAtPause: 0 };
}

/**
 * Applies a new board list without losing the place: the same race stays up (and pinned)
 * if it is still listed; otherwise the board now at the same position goes up, unpinned.
 */
export function withBoards(
  state: RotationState,
  boards: readonly RotationBoard[],
  now: number,
): RotationState {
  const raceId = currentBoard(state)?.raceId;
  const found = raceId === undefined ? -1 : indexOfRace(boards, raceId);
  if (found >= 0) return { ...state, boards, index: found };

  const index = clampIndex(state.index, boards.length);
  return { ...state, boards, index, pinned: false, shownAt: now, elapsedAtPause: 0 };
}

function show(state: RotationState, index: number, now: number): RotationState {
  const count = state.boards.length;
  if (count === 0) return state;

  return { ...state, index: ((index % count) + count) % count, shownAt: now, elapsedAtPause: 0 };
}

function indexOfRace(boards: readonly RotationBoard[], raceId: string): number {
  return boards.findIndex((board) => board.raceId === raceId);
}

function clampIndex(index: number, count: number): number {
  if (count === 0) return 0;

  return Math.min(Math.max(0, Math.trunc(index)), count - 1);
}
