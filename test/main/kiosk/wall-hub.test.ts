import { afterEach, describe, expect, it } from 'vitest';
import { WallHub } from '../../../main/kiosk/wall-hub.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import type { WallMessage } from '../../../shared/ipc.js';
import { MemoryFeed, testRace, testStatus } from './memory-feed.js';

const display = { staleAfterSeconds: 60, defaultDwellSeconds: 8, boards: [{ race: '02000000000059' }] };
const hubs: WallHub[] = [];

function hubOver(feed: MemoryFeed): WallHub {
  const hub = new WallHub(feed, display);
  hubs.push(hub);
  return hub;
}

afterEach(() => {
  for (const hub of hubs.splice(0)) hub.close();
});

describe('the wall hub', () => {
  it('takes a snapshot of every race, the status and the display config', () => {
    const feed = new MemoryFeed([testRace('02000000000059', [10, 5])]);
    const snapshot = hubOver(feed).snapshot();
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.races.map((race) => race.id)).toEqual(['02000000000059']);
    expect(snapshot.status.health).toBe('online');
    expect(snapshot.config).toEqual(display);
  });

  it("sends the feed's races as they are, checked once as they entered it, not copied per connect", () => {
    const race = testRace('02000000000059', [10, 5]);
    const snapshot = hubOver(new MemoryFeed([race])).snapshot();
    expect(snapshot.races[0]).toBe(race);
  });

  it('refuses to take a snapshot when the feed status breaks the contract', () => {
    const feed = new MemoryFeed(
      [testRace('02000000000059', [10, 5])],
      testStatus({ consecutiveFailures: -1 }),
    );
    expect(() => hubOver(feed).snapshot()).toThrow(/outgoing snapshot.*status\.consecutiveFailures/);
  });

  it('refuses a display config that breaks the contract from the start', () => {
    expect(() => new WallHub(new MemoryFeed(), { ...display, defaultDwellSeconds: -1 })).toThrow(
      /display config.*defaultDwellSeconds/,
    );
  });

  it('keeps the last good display config when a new one breaks the contract, and logs it', () => {
    const lines: string[] = [];
    const restore = replaceLogSinks((line) => lines.push(line));
    const hub = hubOver(new MemoryFeed());
    const received: WallMessage[] = [];
    hub.subscribe((message) => received.push(message));
    hub.setConfig({ ...display, defaultDwellSeconds: -1 });
    restore();

    expect(received).toEqual([]);
    expect(hub.snapshot().config).toEqual(display);
    expect(lines.join('\n')).toContain('Dropped an invalid config message');
  });

  it('passes on only the races that changed, then status and config changes', () => {
    const feed = new MemoryFeed([testRace('02000000000059', [10, 5]), testRace('03000000000059', [1, 1])]);
    const hub = hubOver(feed);
    const received: WallMessage[] = [];
    hub.subscribe((message) => received.push(message));

    feed.emitRaces([testRace('03000000000059', [4, 2])]);
    feed.emitStatus(testStatus({ health: 'degraded' }));
    hub.setConfig({ ...display, defaultDwellSeconds: 3 });

    expect(received.map((message) => message.type)).toEqual(['update', 'status', 'config']);
    const update = received[0];
    expect(update?.type === 'update' && update.races.map((race) => race.id)).toEqual(['03000000000059']);
  });

  it('drops a message that breaks the contract instead of sending it', () => {
    const restore = replaceLogSinks(() => undefined);
    const feed = new MemoryFeed();
    const received: WallMessage[] = [];
    hubOver(feed).subscribe((message) => received.push(message));
    feed.emitRaces([{ ...testRace('02000000000059', [1, 1]), totalVotes: -5 }]);
    restore();
    expect(received).toEqual([]);
  });

  it('stops listening to the feed when closed', () => {
    const feed = new MemoryFeed();
    const hub = new WallHub(feed, display);
    expect(feed.listenerCount()).toBe(2);
    hub.close();
    expect(feed.listenerCount()).toBe(0);
  });
});
