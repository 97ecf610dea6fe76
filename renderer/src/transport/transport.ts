/**
 * How the renderer hears from the main process and talks back, whatever carries it:
 * Electron IPC through the preload's bridge, or Server-Sent Events in browser mode.
 * Nothing outside this folder knows which one is in use.
 */
import type { OperatorCommand } from '../../../shared/ipc.js';
import type { ReceivedMessage } from './parse-message.js';

export interface TransportListener {
  /** A message that passed validation; its races still go through `checkRace` before use. */
  message(message: ReceivedMessage): void;
  /** Whether the feed's carrier is up; while it is down the wall treats the feed as failing. */
  connection(connected: boolean): void;
  /** A message was dropped as invalid; `problem` describes it in one sentence. */
  dropped(problem: string): void;
}

export interface WallTransport {
  /** Starts delivering to `listener`; returns a function that stops and releases everything. */
  start(listener: TransportListener): () => void;
  send(command: OperatorCommand): void;
}
