import { describe, expect, it } from 'vitest';
import type { WallMessage } from '../../../shared/ipc.js';
import { WallHub } from '../../../main/kiosk/wall-hub.js';
import { StartingSource } from '../../../main/server/starting-source.js';
import { MemoryFeed, testRace, testStatus } from '../kiosk/memory-feed.js';

const DISPLAY = { staleAfterSeconds: 120, defaultDwellSeconds: 12, boards: [] };

function hubWith(...ids: string[]): { feed: MemoryFeed; hub: WallHub } {
  const feed = new MemoryFeed(ids.map((id) => testRace(id, [10, 5])));
  return { feed, hub: new WallHub(feed, DISPLAY) };
}

describe('the wall source while the kiosk starts', () => {
  it('has no snapshot before the kiosk is ready', () => {
    expect(new StartingSource().snapshot()).toBeNull();
  });

  it('sends a subscriber that came early the snapshot once ready, then every message', () => {
    const source = new StartingSource();
    const received: WallMessage[] = [];
    source.subscribe((message) => received.push(message));
    const { feed, hub } = hubWith('02000000000059');

    source.ready(hub);
    feed.emitStatus(testStatus({ health: 'offline' }));

    expect(received.map((message) => message.type)).toEqual(['snapshot', 'status']);
    expect(received[0]?.type === 'snapshot' && received[0].races.map((race) => race.id)).toEqual([
      '02000000000059',
    ]);
    expect(source.waitingCount()).toBe(0);
  });

  it('leaves a subscriber that left before the kiosk was ready off the hub', () => {
    const source = new StartingSource();
    const received: WallMessage[] = [];
    const off = source.subscribe((message) => received.push(message));
    off();
    const { feed, hub } = hubWith('02000000000059');

    source.ready(hub);
    feed.emitStatus(testStatus({ health: 'offline' }));

    expect(received).toEqual([]);
    expect(hub.listenerCount()).toBe(0);
  });

  it('unsubscribes an early subscriber from the hub when it leaves after the kiosk is ready', () => {
    const source = new StartingSource();
    const off = source.subscribe(() => undefined);
    const { hub } = hubWith('02000000000059');
    source.ready(hub);
    expect(hub.listenerCount()).toBe(1);

    off();

    expect(hub.listenerCount()).toBe(0);
  });

  it('hands later subscribers and snapshots straight to the hub', () => {
    const source = new StartingSource();
    const { hub } = hubWith('02000000000059', '03000000000059');
    source.ready(hub);

    const off = source.subscribe(() => undefined);

    expect(source.snapshot()?.races).toHaveLength(2);
    expect(hub.listenerCount()).toBe(1);
    off();
  });
});
