/**
 * Operator commands through a stand-in for `ipcMain` (Electron cannot run in unit tests):
 * only our windows' top frames showing our renderer are obeyed, and only valid commands.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskWindow } from '../../../main/electron/kiosk-window.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';

const ipcMain = new EventEmitter();
const quits: number[] = [];

vi.mock('electron', () => ({ ipcMain, app: { quit: () => quits.push(Date.now()) } }));

const { handleOperatorCommands } = await import('../../../main/electron/operator-commands.js');

let toggles = 0;
const window = { webContentsId: 8, toggleFullScreen: () => toggles++ } as unknown as KioskWindow;
const lines: string[] = [];
let restoreSinks: () => void;
let stop: () => void;

beforeEach(() => {
  restoreSinks = replaceLogSinks((line) => lines.push(line));
  stop = handleOperatorCommands(() => [window]);
});

afterEach(() => {
  stop();
  restoreSinks();
  lines.length = 0;
  quits.length = 0;
  toggles = 0;
});

function fromFrame(payload: unknown, frame: { url: string; parent: unknown } | null, id = 8): void {
  ipcMain.emit('operator:command', { sender: { id }, senderFrame: frame }, payload);
}

const ourFrame = { url: 'app://wall/index.html', parent: null };

describe('operator commands', () => {
  it('obeys our renderer: full screen, quit, and logs under [Renderer]', () => {
    fromFrame({ type: 'toggle-fullscreen' }, ourFrame);
    fromFrame({ type: 'log', level: 'warn', message: 'Rotation: board 3 has no data.' }, ourFrame);
    fromFrame({ type: 'quit' }, ourFrame);
    expect(toggles).toBe(1);
    expect(quits).toHaveLength(1);
    expect(lines.some((line) => line.includes('WARN [Renderer] Rotation: board 3 has no data.'))).toBe(true);
  });

  it.each([
    ['another webContents', ourFrame, 99],
    ['a sub-frame', { url: 'app://wall/index.html', parent: {} }, 8],
    ['a page elsewhere', { url: 'https://evil.example/', parent: null }, 8],
    ['a frame that is gone', null, 8],
  ])('refuses a command from %s and logs why', (_what, frame, id) => {
    fromFrame({ type: 'quit' }, frame, id);
    expect(quits).toEqual([]);
    expect(lines.some((line) => line.includes('WARN [Operator] Refused an operator command'))).toBe(true);
  });

  it('refuses a command that breaks the contract', () => {
    fromFrame({ type: 'reboot' }, ourFrame);
    fromFrame({ type: 'log', level: 'trace', message: 'x' }, ourFrame);
    fromFrame('quit', ourFrame);
    expect(lines.filter((line) => line.includes('Refused an invalid operator command'))).toHaveLength(3);
    expect(quits).toEqual([]);
  });

  it('stops listening when asked', () => {
    stop();
    expect(ipcMain.listenerCount('operator:command')).toBe(0);
    stop = handleOperatorCommands(() => [window]);
  });
});
