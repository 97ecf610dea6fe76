import { describe, expect, it } from 'vitest';
import { ROTATION_STORAGE_KEY, loadPlace, savePlace } from '../../../renderer/src/lib/rotation-storage.js';
import { memoryStorage } from '../memory-bridge.js';

describe('rotation storage', () => {
  it('reads back the place it saved', () => {
    const storage = memoryStorage();
    const place = { raceId: '02000000000059', index: 3, pinned: true };
    expect(savePlace(storage, place)).toBeNull();
    expect(loadPlace(storage)).toEqual({ place });
  });

  it('starts afresh, quietly, when nothing was saved', () => {
    expect(loadPlace(memoryStorage())).toEqual({ place: null, problem: null });
  });

  it('ignores a saved value that is not valid, and says so', () => {
    for (const bad of ['{not json', '{"version":1,"raceId":"x","index":0,"pinned":true}', '{"version":2}']) {
      const result = loadPlace(memoryStorage({ [ROTATION_STORAGE_KEY]: bad }));
      expect(result.place).toBeNull();
      expect(result).toHaveProperty('problem', expect.stringContaining('invalid saved place'));
    }
  });

  it('reports storage that refuses to save rather than throwing', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(savePlace(full, { raceId: null, index: 0, pinned: false })).toContain('QuotaExceededError');
  });

  it('uses the real localStorage', () => {
    savePlace(window.localStorage, { raceId: '05000000000059', index: 1, pinned: false });
    expect(loadPlace(window.localStorage)).toEqual({
      place: { raceId: '05000000000059', index: 1, pinned: false },
    });
    window.localStorage.clear();
  });
});
