/**
 * How the renderer hears from the main process and talks back, whatever carries it:
 * Electron IPC through the preload's bridge, or Server-Sent Events in browser mode.
 * Nothing outside this folder knows which one is in use.
 */
import type { OperatorCommand, WallMessage } from '../../../shared/ipc.js';

export interface TransportListener {
  /** A message that passed validation. */
  message(message: WallMessage): void;
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
