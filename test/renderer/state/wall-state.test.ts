import { describe, expect, it } from 'vitest';
import { WallState } from '../../../renderer/src/state/wall-state.svelte.js';
import {
  CONTROLLER_ID,
  GOVERNOR_ID,
  candidateRace,
  displayConfig,
  feedStatus,
  snapshot,
} from '../fixtures.js';

describe('the wall state', () => {
  it('takes races, status and config from a snapshot, replacing what it had', () => {
    const wall = new WallState();
    wall.apply(snapshot({ races: [candidateRace({ id: CONTROLLER_ID })] }));
    wall.apply(snapshot({ races: [candidateRace()] }));

    expect(wall.hasSnapshot).toBe(true);
    expect(wall.raceIds).toEqual([GOVERNOR_ID]);
    expect(wall.status).toEqual(feedStatus());
    expect(wall.config).toEqual(displayConfig());
  });

  it('merges an update into the races it has', () => {
    const wall = new WallState();
    wall.apply(snapshot({ races: [candidateRace()] }));
    wall.apply({
      type: 'update',
      sentAt: '2026-11-03T21:30:00-08:00',
      races: [candidateRace({ id: CONTROLLER_ID })],
    });
    expect(wall.raceIds).toEqual([GOVERNOR_ID, CONTROLLER_ID]);
  });

  it('keeps the same race id list when an update only changes races it knows', () => {
    const wall = new WallState();
    wall.apply(snapshot({ races: [candidateRace(), candidateRace({ id: CONTROLLER_ID })] }));
    const before = wall.raceIds;
    wall.apply({
      type: 'update',
      sentAt: '2026-11-03T21:30:00-08:00',
      races: [candidateRace({ id: CONTROLLER_ID, totalVotes: 5 })],
    });

    expect(wall.raceIds).toBe(before);
    expect(wall.races[CONTROLLER_ID]?.totalVotes).toBe(5);
  });

  it('replaces status and config on their own messages', () => {
    const wall = new WallState();
    wall.apply({ type: 'status', status: feedStatus({ health: 'offline' }) });
    wall.apply({ type: 'config', config: displayConfig({ staleAfterSeconds: 300 }) });
    expect(wall.status?.health).toBe('offline');
    expect(wall.config?.staleAfterSeconds).toBe(300);
    expect(wall.hasSnapshot).toBe(false);
  });

  it('counts dropped messages and keeps the last problem', () => {
    const wall = new WallState();
    wall.noteDropped('first');
    wall.noteDropped('second');
    expect(wall.droppedMessages).toBe(2);
    expect(wall.lastDropped).toBe('second');
  });
});
