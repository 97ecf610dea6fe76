/**
 * The preload against stand-ins for `contextBridge` and `ipcRenderer` (Electron cannot run in
 * unit tests): what it exposes, and that it validates both directions.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { ReturnsWallBridge, SnapshotMessage, WallMessage } from '../../../shared/ipc.js';
import { testRace, testStatus } from '../kiosk/memory-feed.js';

const exposed = new Map<string, unknown>();
const fromMain = new EventEmitter();
const toMain: { channel: string; payload: unknown }[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    on: (channel: string, listener: (...args: unknown[]) => void) => fromMain.on(channel, listener),
    send: (channel: string, payload: unknown) => toMain.push({ channel, payload }),
  },
}));

await import('../../../main/electron/preload.js');
const bridge = exposed.get('returnsWall') as ReturnsWallBridge;

const snapshot: SnapshotMessage = {
  type: 'snapshot',
  sentAt: '2026-11-03T20:10:00-08:00',
  races: [testRace('02000000000059', [10, 5])],
  status: testStatus(),
  config: { staleAfterSeconds: 60, defaultDwellSeconds: 8, boards: [] },
};

function receive(channel: string, payload: unknown): void {
  fromMain.emit(channel, {}, payload);
}

describe('the preload', () => {
  it('exposes only subscribe and send, as window.returnsWall', () => {
    expect([...exposed.keys()]).toEqual(['returnsWall']);
    expect(Object.keys(bridge).sort()).toEqual(['send', 'subscribe']);
  });

  it('gives a late subscriber the snapshot with every later change folded in', () => {
    receive('wall:snapshot', snapshot);
    receive('wall:update', {
      type: 'update',
      sentAt: snapshot.sentAt,
      races: [testRace('02000000000059', [20, 5])],
    });
    const received: WallMessage[] = [];
    const unsubscribe = bridge.subscribe((message) => received.push(message));
    receive('feed:status', { type: 'status', status: testStatus({ health: 'degraded' }) });
    unsubscribe();
    receive('feed:status', { type: 'status', status: testStatus() });

    expect(received.map((message) => message.type)).toEqual(['snapshot', 'status']);
    const [first] = received;
    expect(first?.type === 'snapshot' && first.races[0]?.totalVotes).toBe(25);
  });

  it('refuses an invalid message, or one on the wrong channel, and reports it to main', () => {
    const received: WallMessage[] = [];
    const unsubscribe = bridge.subscribe((message) => received.push(message));
    received.length = 0;
    toMain.length = 0;

    receive('wall:update', { type: 'update', sentAt: 'yesterday', races: [] });
    receive('wall:update', { type: 'status', status: testStatus() });
    unsubscribe();

    expect(received).toEqual([]);
    expect(toMain.map((sent) => sent.channel)).toEqual(['operator:command', 'operator:command']);
    expect(toMain.every((sent) => (sent.payload as { type: string }).type === 'log')).toBe(true);
  });

  it('sends valid operator commands and throws on anything else', () => {
    toMain.length = 0;
    bridge.send({ type: 'quit' });
    expect(toMain).toEqual([{ channel: 'operator:command', payload: { type: 'quit' } }]);
    expect(() => bridge.send({ type: 'shell', command: 'rm -rf /' } as never)).toThrow(TypeError);
    expect(toMain).toHaveLength(1);
  });
});
