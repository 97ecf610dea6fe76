/**
 * Browser mode: `EventSource('./events')` on the serving origin. The server sends a snapshot
 * on every (re)connect, then updates. EventSource retries a dropped connection by itself but
 * gives up for good on an HTTP error; then this reopens it after a pause, so an unattended
 * wall recovers when the server comes back. Operator commands are handled in the page.
 */
import type { OperatorCommand } from '../../../shared/ipc.js';
import { parseWallMessageText } from './parse-message.js';
import type { TransportListener, WallTransport } from './transport.js';

/** The part of `EventSource` used, so tests can supply a stand-in (jsdom has none). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface SseOptions {
  readonly url?: string;
  readonly open?: (url: string) => EventSourceLike;
  readonly reopenAfterMs?: number;
  readonly document?: Document;
}

const CLOSED = 2;

export function createSseTransport(options: SseOptions = {}): WallTransport {
  const url = options.url ?? './events';
  const open = options.open ?? ((target: string) => new EventSource(target));
  const reopenAfterMs = options.reopenAfterMs ?? 5000;

  function start(listener: TransportListener): () => void {
    let source: EventSourceLike | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    function connect(): void {
      reopenTimer = undefined;
      source = open(url);
      source.onopen = () => listener.connection(true);
      source.onmessage = function receive(event: MessageEvent) {
        const parsed = parseWallMessageText(String(event.data));
        if (parsed.ok) listener.message(parsed.message);
        else listener.dropped(parsed.problem);
      };
      source.onerror = handleError;
    }

    function handleError(): void {
      listener.connection(false);
      if (source?.readyState !== CLOSED || reopenTimer !== undefined) return;

      source.close();
      reopenTimer = setTimeout(connect, reopenAfterMs);
    }

    connect();
    return function stop() {
      clearTimeout(reopenTimer);
      reopenTimer = undefined;
      closeSource(source);
      source = null;
    };
  }

  function send(command: OperatorCommand): void {
    if (command.type === 'toggle-fullscreen') toggleFullscreen(options.document ?? document);
    // Browser mode has no log sink and nothing to quit: the server's terminal owns the process.
  }

  return { start, send };
}

function closeSource(source: EventSourceLike | null): void {
  if (!source) return;

  source.onopen = null;
  source.onmessage = null;
  source.onerror = null;
  source.close();
}

function toggleFullscreen(doc: Document): void {
  const request = doc.fullscreenElement ? doc.exitFullscreen() : doc.documentElement.requestFullscreen();
  // A refusal (no user gesture, an iframe without permission) leaves the page as it was.
  request.catch(ignoreRefusal);
}

function ignoreRefusal(): void {}
