import { describe, expect, it } from 'vitest';
import { foldMessage } from '../../../main/electron/preload-state.js';
import type { SnapshotMessage } from '../../../shared/ipc.js';
import { testRace, testStatus } from '../kiosk/memory-feed.js';

const snapshot: SnapshotMessage = {
  type: 'snapshot',
  sentAt: '2026-11-03T20:10:00-08:00',
  races: [testRace('02000000000059', [10, 5]), testRace('03000000000059', [1, 1])],
  status: testStatus(),
  config: { staleAfterSeconds: 60, defaultDwellSeconds: 8, boards: [] },
};

describe('the state the preload keeps for late subscribers', () => {
  it('keeps nothing until a snapshot comes', () => {
    const update = {
      type: 'update' as const,
      sentAt: snapshot.sentAt,
      races: [testRace('02000000000059', [1, 0])],
    };
    expect(foldMessage(null, update)).toBeNull();
  });

  it('replaces changed races in place and appends new ones', () => {
    const update = {
      type: 'update' as const,
      sentAt: '2026-11-03T20:20:00-08:00',
      races: [testRace('03000000000059', [9, 9]), testRace('04000000000059', [2, 2])],
    };
    const folded = foldMessage(snapshot, update);
    expect(folded?.races.map((race) => [race.id, race.totalVotes])).toEqual([
      ['02000000000059', 15],
      ['03000000000059', 18],
      ['04000000000059', 4],
    ]);
    expect(folded?.sentAt).toBe('2026-11-03T20:20:00-08:00');
  });

  it('takes the newest status and config, and a new snapshot wholesale', () => {
    const offline = foldMessage(snapshot, { type: 'status', status: testStatus({ health: 'offline' }) });
    expect(offline?.status.health).toBe('offline');
    const config = foldMessage(offline, {
      type: 'config',
      config: { ...snapshot.config, defaultDwellSeconds: 2 },
    });
    expect(config?.config.defaultDwellSeconds).toBe(2);
    const fresh = { ...snapshot, races: [] };
    expect(foldMessage(config, fresh)).toBe(fresh);
  });
});
