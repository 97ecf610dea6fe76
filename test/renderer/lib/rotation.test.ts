// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type RotationBoard,
  createRotation,
  currentBoard,
  jumpTo,
  next,
  placeOf,
  previous,
  tick,
  togglePause,
  togglePin,
  unpin,
  withBoards,
} from '../../../renderer/src/lib/rotation.js';

const A = '02000000000059';
const B = '05000000000059';
const C = '13000012000059';
const D = '19000000000759';

const BOARDS: RotationBoard[] = [
  { raceId: A, dwellMs: 10_000 },
  { raceId: B, dwellMs: 20_000 },
  { raceId: C, dwellMs: 10_000 },
];

function raceAt(state: ReturnType<typeof createRotation>): string | undefined {
  return currentBoard(state)?.raceId;
}

describe('rotation', () => {
  it('starts on the first board', () => {
    expect(raceAt(createRotation(BOARDS, 0))).toBe(A);
  });

  it('stays on a board until its dwell time is over, then moves to the next', () => {
    let state = createRotation(BOARDS, 0);
    state = tick(state, 9_999);
    expect(raceAt(state)).toBe(A);

    state = tick(state, 10_000);
    expect(raceAt(state)).toBe(B);
  });

  it('uses each board its own dwell time', () => {
    let state = tick(createRotation(BOARDS, 0), 10_000);
    state = tick(state, 29_999);
    expect(raceAt(state)).toBe(B);

    state = tick(state, 30_000);
    expect(raceAt(state)).toBe(C);
  });

  it('wraps from the last board to the first', () => {
    let state = jumpTo(createRotation(BOARDS, 0), 2, 0);
    state = tick(unpin(state, 0), 10_000);
    expect(raceAt(state)).toBe(A);
  });

  it('counts the next dwell from when the last one ended, so a late tick does not stretch boards', () => {
    let state = tick(createRotation(BOARDS, 0), 10_900);
    expect(raceAt(state)).toBe(B);
    expect(state.shownAt).toBe(10_000);

    state = tick(state, 29_999);
    expect(raceAt(state)).toBe(B);
    state = tick(state, 30_000);
    expect(raceAt(state)).toBe(C);
  });

  it('moves one board only after a long gap between ticks', () => {
    const state = tick(createRotation(BOARDS, 0), 1_000_000);
    expect(raceAt(state)).toBe(B);
    expect(state.shownAt).toBe(1_000_000);
  });

  it('does not move while paused, and resumes with the time the board had left', () => {
    let state = togglePause(createRotation(BOARDS, 0), 4_000);
    state = tick(state, 60_000);
    expect(raceAt(state)).toBe(A);
    expect(state.paused).toBe(true);

    state = togglePause(state, 60_000);
    expect(raceAt(tick(state, 65_999))).toBe(A);
    expect(raceAt(tick(state, 66_000))).toBe(B);
  });

  it('goes to the next and previous boards on request, wrapping both ways', () => {
    const start = createRotation(BOARDS, 0);
    expect(raceAt(next(start, 1))).toBe(B);
    expect(raceAt(previous(start, 1))).toBe(C);
  });

  it('starts a full dwell on a board reached by hand', () => {
    const state = next(createRotation(BOARDS, 0), 9_000);
    expect(raceAt(tick(state, 28_999))).toBe(B);
    expect(raceAt(tick(state, 29_000))).toBe(C);
  });

  it('keeps a pinned board up until it is unpinned', () => {
    let state = togglePin(createRotation(BOARDS, 0), 0);
    state = tick(state, 500_000);
    expect(raceAt(state)).toBe(A);
    expect(state.pinned).toBe(true);

    state = togglePin(state, 500_000);
    expect(state.pinned).toBe(false);
    expect(raceAt(tick(state, 509_999))).toBe(A);
    expect(raceAt(tick(state, 510_000))).toBe(B);
  });

  it('releases a pin when the operator moves by hand', () => {
    const state = next(togglePin(createRotation(BOARDS, 0), 0), 1);
    expect(state.pinned).toBe(false);
  });

  it('jumps to board N and pins it', () => {
    const state = jumpTo(createRotation(BOARDS, 0), 2, 5);
    expect(raceAt(state)).toBe(C);
    expect(state.pinned).toBe(true);
  });

  it('ignores a jump past the last board', () => {
    const start = createRotation(BOARDS, 0);
    expect(jumpTo(start, 3, 5)).toBe(start);
  });

  it('stays on the same race when a new config still lists it, pin included', () => {
    let state = jumpTo(createRotation(BOARDS, 0), 1, 0);
    state = withBoards(state, [{ raceId: D, dwellMs: 5_000 }, ...BOARDS], 1_000);
    expect(raceAt(state)).toBe(B);
    expect(state.index).toBe(2);
    expect(state.pinned).toBe(true);
  });

  it('keeps the dwell already served when a config change keeps the race', () => {
    let state = createRotation(BOARDS, 0);
    state = withBoards(state, [...BOARDS], 8_000);
    expect(raceAt(tick(state, 10_000))).toBe(B);
  });

  it('shows the board at the same position, unpinned, when the race was dropped from the config', () => {
    let state = jumpTo(createRotation(BOARDS, 0), 1, 0);
    state = withBoards(state, [BOARDS[0]!, { raceId: D, dwellMs: 5_000 }, BOARDS[2]!], 1_000);
    expect(raceAt(state)).toBe(D);
    expect(state.pinned).toBe(false);
  });

  it('handles a config shrinking under the current position', () => {
    const state = withBoards(jumpTo(createRotation(BOARDS, 0), 2, 0), [BOARDS[0]!], 1);
    expect(raceAt(state)).toBe(A);
  });

  it('shows nothing and never moves with no boards', () => {
    let state = createRotation([], 0);
    state = next(tick(state, 100_000), 100_000);
    expect(currentBoard(state)).toBeNull();
    expect(togglePin(state, 0).pinned).toBe(false);
  });

  it('comes back to a saved race and pin, wherever the race now is', () => {
    const saved = placeOf(jumpTo(createRotation(BOARDS, 0), 2, 0));
    const restored = createRotation([BOARDS[2]!, BOARDS[0]!], 0, saved);
    expect(raceAt(restored)).toBe(C);
    expect(restored.pinned).toBe(true);
  });

  it('falls back to the saved position, unpinned, when the saved race is gone', () => {
    const restored = createRotation(BOARDS, 0, { raceId: D, index: 1, pinned: true });
    expect(raceAt(restored)).toBe(B);
    expect(restored.pinned).toBe(false);
  });
});
