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
import { received } from '../received.js';

const SENT_AT = '2026-11-03T21:30:00-08:00';

function update(...races: unknown[]) {
  return received({ type: 'update', sentAt: SENT_AT, races });
}

describe('the wall state', () => {
  it('takes races, status and config from a snapshot, replacing what it had', () => {
    const wall = new WallState();
    wall.apply(received(snapshot({ races: [candidateRace({ id: CONTROLLER_ID })] })));
    wall.apply(received(snapshot({ races: [candidateRace()] })));

    expect(wall.hasSnapshot).toBe(true);
    expect(wall.raceIds).toEqual([GOVERNOR_ID]);
    expect(wall.race(GOVERNOR_ID)).toEqual(candidateRace());
    expect(wall.race(CONTROLLER_ID)).toBeUndefined();
    expect(wall.status).toEqual(feedStatus());
    expect(wall.config).toEqual(displayConfig());
  });

  it('merges an update into the races it has', () => {
    const wall = new WallState();
    wall.apply(received(snapshot({ races: [candidateRace()] })));
    wall.apply(update(candidateRace({ id: CONTROLLER_ID })));
    expect(wall.raceIds).toEqual([GOVERNOR_ID, CONTROLLER_ID]);
  });

  it('keeps the same race id list when an update only changes races it knows', () => {
    const wall = new WallState();
    wall.apply(received(snapshot({ races: [candidateRace(), candidateRace({ id: CONTROLLER_ID })] })));
    const before = wall.raceIds;
    wall.apply(update(candidateRace({ id: CONTROLLER_ID, totalVotes: 5 })));

    expect(wall.raceIds).toBe(before);
    expect(wall.race(CONTROLLER_ID)?.totalVotes).toBe(5);
  });

  it('gives the same checked race each time it is asked, until a message replaces it', () => {
    const wall = new WallState();
    wall.apply(received(snapshot({ races: [candidateRace(), candidateRace({ id: CONTROLLER_ID })] })));
    const governor = wall.race(GOVERNOR_ID);

    wall.apply(update(candidateRace({ id: CONTROLLER_ID, totalVotes: 5 })));
    expect(wall.race(GOVERNOR_ID)).toBe(governor);

    wall.apply(update(candidateRace({ totalVotes: 7 })));
    expect(wall.race(GOVERNOR_ID)).not.toBe(governor);
    expect(wall.race(GOVERNOR_ID)?.totalVotes).toBe(7);
  });

  it('drops an update race that breaks the contract on receipt, keeping the version it had, and reports it', async () => {
    const problems: string[] = [];
    const wall = new WallState({ onInvalidRace: (problem) => problems.push(problem) });
    wall.apply(received(snapshot({ races: [candidateRace({ totalVotes: 7 })] })));
    const racesBefore = wall.races;

    // The board has not come up yet: the snapshot's version is still unchecked.
    wall.apply(update({ ...candidateRace(), totalVotes: '1,234' }));
    expect(wall.races).toBe(racesBefore);
    expect(wall.race(GOVERNOR_ID)?.totalVotes).toBe(7);
    await Promise.resolve();

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Dropped an invalid race ${GOVERNOR_ID}: totalVotes:`);
    expect(wall.droppedMessages).toBe(1);
    expect(wall.lastDropped).toBe(problems[0]);
  });

  it('drops a snapshot race that breaks the contract when asked for, keeping its last good version, and reports it once', async () => {
    const problems: string[] = [];
    const wall = new WallState({ onInvalidRace: (problem) => problems.push(problem) });
    wall.apply(received(snapshot({ races: [candidateRace()] })));
    const good = wall.race(GOVERNOR_ID);

    wall.apply(received({ ...snapshot(), races: [{ ...candidateRace(), totalVotes: -1 }] }));
    expect(wall.race(GOVERNOR_ID)).toBe(good);
    expect(wall.race(GOVERNOR_ID)).toBe(good);
    await Promise.resolve();

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Dropped an invalid race ${GOVERNOR_ID}: totalVotes:`);
  });

  it('has nothing to show for a race that breaks the contract before any good version of it', () => {
    const wall = new WallState();
    wall.apply(received({ ...snapshot(), races: [{ ...candidateRace(), candidates: 'none' }] }));
    expect(wall.raceIds).toEqual([GOVERNOR_ID]);
    expect(wall.race(GOVERNOR_ID)).toBeUndefined();
  });

  it('replaces status and config on their own messages', () => {
    const wall = new WallState();
    wall.apply(received({ type: 'status', status: feedStatus({ health: 'offline' }) }));
    wall.apply(received({ type: 'config', config: displayConfig({ staleAfterSeconds: 300 }) }));
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
