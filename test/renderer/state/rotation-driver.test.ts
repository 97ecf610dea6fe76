import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROTATION_STORAGE_KEY } from '../../../renderer/src/lib/rotation-storage.js';
import { RotationDriver } from '../../../renderer/src/state/rotation-driver.svelte.js';
import { memoryStorage } from '../memory-bridge.js';

const BOARDS = [
  { raceId: '02000000000059', dwellMs: 5_000 },
  { raceId: '05000000000059', dwellMs: 5_000 },
];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

function driver(storage: ReturnType<typeof memoryStorage> | null = memoryStorage(), onProblem = vi.fn()) {
  return new RotationDriver({ storage, clock: () => Date.now(), onProblem });
}

describe('the rotation driver', () => {
  it('ticks the rotation and the clock once a second while started', () => {
    const rotation = driver();
    rotation.setBoards(BOARDS);
    const stop = rotation.start();

    vi.advanceTimersByTime(5_000);
    expect(rotation.current?.raceId).toBe('05000000000059');
    expect(rotation.now).toBe(1_005_000);
    stop();
  });

  it('leaves no timer behind once stopped', () => {
    const rotation = driver();
    const stop = rotation.start();
    expect(vi.getTimerCount()).toBe(1);

    stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(rotation.now).toBe(1_000_000);
  });

  it('saves the place whenever it moves, and restores it once boards are known', () => {
    const storage = memoryStorage();
    const first = driver(storage);
    first.setBoards(BOARDS);
    first.jumpTo(1);
    expect(JSON.parse(storage.items.get(ROTATION_STORAGE_KEY) ?? '{}')).toEqual({
      version: 1,
      raceId: '05000000000059',
      index: 1,
      pinned: true,
    });

    const second = driver(storage);
    expect(second.current).toBeNull();
    second.setBoards(BOARDS);
    expect(second.current?.raceId).toBe('05000000000059');
    expect(second.state.pinned).toBe(true);
  });

  it('reports a saved place it had to ignore', () => {
    const onProblem = vi.fn();
    driver(memoryStorage({ [ROTATION_STORAGE_KEY]: '[1,2]' }), onProblem);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('invalid saved place'));
  });

  it('works without storage', () => {
    const rotation = driver(null);
    rotation.setBoards(BOARDS);
    rotation.next();
    expect(rotation.current?.raceId).toBe('05000000000059');
  });
});
