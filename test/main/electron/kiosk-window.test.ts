/**
 * KioskWindow's lifecycle against a stand-in for Electron's BrowserWindow: Electron's
 * binary cannot run in unit tests (nor on CI), and the real one is driven end to end in
 * test/e2e/electron.spec.ts where it is installed.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WallHub } from '../../../main/kiosk/wall-hub.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { MemoryFeed, testRace, testStatus } from '../kiosk/memory-feed.js';

class FakeWebContents extends EventEmitter {
  readonly id = 41;
  readonly sent: { channel: string; type: string }[] = [];
  crashes = 0;
  send(channel: string, message: { type: string }): void {
    this.sent.push({ channel, type: message.type });
  }
  insertCSS(): Promise<string> {
    return Promise.resolve('key');
  }
  forcefullyCrashRenderer(): void {
    this.crashes++;
  }
}

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loads: string[] = [];
  bounds: unknown = null;
  fullScreen = false;
  shown = false;
  destroyed = false;

  constructor(readonly options: unknown) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  setBounds(bounds: unknown): void {
    this.bounds = bounds;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  setFullScreen(value: boolean): void {
    this.fullScreen = value;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow }));

const { KioskWindow } = await import('../../../main/electron/kiosk-window.js');

const display = { id: 3, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } } as Electron.Display;
const config = { staleAfterSeconds: 60, defaultDwellSeconds: 8, boards: [] };
let feed: MemoryFeed;
let hub: WallHub;
let restoreSinks: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  restoreSinks = replaceLogSinks(() => undefined);
  FakeBrowserWindow.created = [];
  feed = new MemoryFeed([testRace('02000000000059', [3, 2])]);
  hub = new WallHub(feed, config);
});

afterEach(() => {
  hub.close();
  restoreSinks();
  vi.useRealTimers();
});

function openWindow() {
  const window = new KioskWindow({ display, preloadPath: '/p.cjs', source: hub });
  const fake = FakeBrowserWindow.created.at(-1);
  if (!fake) throw new Error('no window was created');
  return { window, fake };
}

describe('a kiosk window', () => {
  it('starts hidden and shows itself once ready', () => {
    const { fake } = openWindow();
    expect(fake.shown).toBe(false);
    fake.emit('ready-to-show');
    expect(fake.shown).toBe(true);
  });

  it('sends a snapshot on every load, then only the changes', () => {
    const { window, fake } = openWindow();
    window.load();
    feed.emitStatus(testStatus({ health: 'degraded' }));
    expect(fake.webContents.sent).toEqual([]);

    fake.webContents.emit('did-finish-load');
    feed.emitRaces([testRace('02000000000059', [5, 2])]);
    fake.webContents.emit('did-finish-load');
    expect(fake.webContents.sent).toEqual([
      { channel: 'wall:snapshot', type: 'snapshot' },
      { channel: 'wall:update', type: 'update' },
      { channel: 'wall:snapshot', type: 'snapshot' },
    ]);
  });

  it('reloads a crashed renderer and puts it back full screen on its display', () => {
    const { window, fake } = openWindow();
    window.load();
    fake.webContents.emit('did-finish-load');
    fake.fullScreen = false;
    fake.bounds = null;

    fake.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    vi.runOnlyPendingTimers();
    expect(fake.loads).toEqual(['app://wall/index.html', 'app://wall/index.html']);
    fake.webContents.emit('did-finish-load');
    expect(fake.fullScreen).toBe(true);
    expect(fake.bounds).toEqual(display.bounds);
  });

  it('kills and reloads a renderer that stays hung, but not one that recovers', () => {
    const { window, fake } = openWindow();
    window.load();
    fake.emit('unresponsive');
    fake.emit('responsive');
    vi.runOnlyPendingTimers();
    expect(fake.webContents.crashes).toBe(0);

    fake.emit('unresponsive');
    vi.runOnlyPendingTimers();
    vi.runOnlyPendingTimers();
    expect(fake.webContents.crashes).toBe(1);
    expect(fake.loads.length).toBe(2);
  });

  it('stops listening and leaves no timer behind when closed', () => {
    const { window, fake } = openWindow();
    window.load();
    fake.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    window.close();
    expect(hub.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.destroyed).toBe(true);
  });
});
