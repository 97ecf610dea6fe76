import type { ReturnsWallBridge } from '../../../shared/ipc.js';
import { createBridgeTransport } from './bridge-transport.js';
import { createSseTransport } from './sse-transport.js';
import type { WallTransport } from './transport.js';

export type { ReceivedMessage } from './parse-message.js';
export type { TransportListener, WallTransport } from './transport.js';
export { checkRace, type UncheckedRace } from './unchecked-race.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    returnsWall?: ReturnsWallBridge;
  }
}

/** The bridge when Electron's preload provided one, else Server-Sent Events from the origin. */
export function createTransport(win: Window = window): WallTransport {
  return win.returnsWall ? createBridgeTransport(win.returnsWall) : createSseTransport();
}
