/**
 * One browser's Server-Sent Events connection to `/events`: the snapshot first, then every
 * message from the hub, a comment line as a heartbeat so proxies and TVs keep the socket
 * open, and everything released when the browser goes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WallMessage } from '../../shared/ipc.js';
import { describeError } from '../../shared/errors.js';
import type { WallMessageSource } from '../kiosk/wall-hub.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('EventStream');

/** A client this far behind is dropped; it reconnects and starts again from a snapshot. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** How long a browser waits before reconnecting after the stream drops. */
const RECONNECT_MS = 2000;

export interface EventStreamOptions {
  readonly source: WallMessageSource;
  readonly heartbeatMs: number;
}

// The hub hands every client the same message object: serialise it once, not once per TV.
const frames = new WeakMap<WallMessage, string>();

function frame(message: WallMessage): string {
  let text = frames.get(message);
  if (text === undefined) {
    text = `data: ${JSON.stringify(message)}\n\n`;
    frames.set(message, text);
  }
  return text;
}

class EventStreamClient {
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  private released = false;

  constructor(
    private readonly request: IncomingMessage,
    private readonly response: ServerResponse,
    options: EventStreamOptions,
  ) {
    this.unsubscribe = options.source.subscribe((message) => this.send(frame(message)));
    this.heartbeat = setInterval(() => this.send(': heartbeat\n\n'), options.heartbeatMs);
    request.on('close', () => this.release());
  }

  send(text: string): void {
    if (this.released) return;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      log.warn(`Dropped a client at ${this.request.socket.remoteAddress ?? 'unknown'} that stopped reading.`);
      this.release();
      return;
    }
    this.response.write(text);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.response.end();
  }
}

/** Serves the stream until the client disconnects; returns a function that ends it early. */
export function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  options: EventStreamOptions,
): () => void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write(`retry: ${RECONNECT_MS}\n\n`);

  // Subscribed before the snapshot is taken, so nothing can fall between the two. A source
  // still starting has no snapshot yet, and sends it as a message once it has.
  const client = new EventStreamClient(request, response, options);
  try {
    const snapshot = options.source.snapshot();
    if (snapshot) client.send(frame(snapshot));
  } catch (error) {
    log.error(`Sending a snapshot failed: ${describeError(error)}.`);
    client.release();
  }
  return () => client.release();
}
