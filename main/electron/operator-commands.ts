/**
 * Operator commands from the kiosk pages: validated, and only from the top frame of one of
 * our windows showing our renderer. A refused message is logged with the reason.
 */
import { app, ipcMain, type IpcMainEvent } from 'electron';
import { OperatorChannel, type OperatorCommand, OperatorCommandSchema } from '../../shared/ipc.js';
import { formatIssues } from '../../shared/validate.js';
import { createLogger } from '../logging/logger.js';
import type { KioskWindow } from './kiosk-window.js';
import { untrustedReason } from './sender-check.js';

const log = createLogger('Operator');
const rendererLog = createLogger('Renderer');

function senderFacts(event: IpcMainEvent) {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame?.parent === null,
  };
}

function perform(command: OperatorCommand, window: KioskWindow | undefined): void {
  switch (command.type) {
    case 'quit':
      log.info('The operator asked to quit.');
      app.quit();
      return;
    case 'toggle-fullscreen':
      window?.toggleFullScreen();
      return;
    case 'log':
      rendererLog[command.level](command.message);
      return;
  }
}

/** Listens for operator commands; returns a function that stops listening. */
export function handleOperatorCommands(windows: () => readonly KioskWindow[]): () => void {
  const listener = (event: IpcMainEvent, payload: unknown): void => {
    const ours = new Map(windows().map((window) => [window.webContentsId, window]));
    const reason = untrustedReason(senderFacts(event), new Set(ours.keys()));
    if (reason !== null) {
      log.warn(`Refused an operator command: ${reason}.`);
      return;
    }
    const checked = OperatorCommandSchema.safeParse(payload);
    if (!checked.success) {
      log.warn(`Refused an invalid operator command: ${formatIssues(checked.error).join('; ')}.`);
      return;
    }
    perform(checked.data, ours.get(event.sender.id));
  };
  ipcMain.on(OperatorChannel.command, listener);
  return () => ipcMain.off(OperatorChannel.command, listener);
}
