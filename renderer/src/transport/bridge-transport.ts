/**
 * Electron: the preload exposes `window.returnsWall`. IPC cannot drop while the window is
 * alive, so the connection is reported up once; the main process reports feed trouble itself.
 */
import type { OperatorCommand, ReturnsWallBridge } from '../../../shared/ipc.js';
import { parseWallMessage } from './parse-message.js';
import type { TransportListener, WallTransport } from './transport.js';

export function createBridgeTransport(bridge: ReturnsWallBridge): WallTransport {
  function send(command: OperatorCommand): void {
    bridge.send(command);
  }

  function start(listener: TransportListener): () => void {
    listener.connection(true);
    return bridge.subscribe(function receive(raw: unknown) {
      const parsed = parseWallMessage(raw);
      if (parsed.ok) listener.message(parsed.message);
      else reportDropped(listener, parsed.problem);
    });
  }

  function reportDropped(listener: TransportListener, problem: string): void {
    listener.dropped(problem);
    send({ type: 'log', level: 'warn', message: problem });
  }

  return { start, send };
}
