/**
 * Browser mode's HTTP server: the built renderer and `/events` (Server-Sent Events), read
 * only (GET and HEAD), on loopback unless told otherwise. This is how a TV with only a
 * browser shows the wall, and how the end-to-end tests drive it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../shared/errors.js';
import type { WallMessageSource } from '../kiosk/wall-hub.js';
import { createLogger } from '../logging/logger.js';
import { SECURITY_HEADERS } from './content-security-policy.js';
import { openEventStream } from './event-stream.js';
import { readStaticFile, resolveStaticPath } from './static-files.js';

const log = createLogger('Server');

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export interface WallServerOptions {
  readonly source: WallMessageSource;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly heartbeatMs?: number;
}

export interface WallServer {
  /** The address to open, ending in `/`. */
  readonly url: string;
  readonly port: number;
  /** Browsers connected to `/events` now. */
  clientCount(): number;
  /** Ends every event stream and stops listening. */
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

function hostnameOf(hostHeader: string | undefined): string {
  if (hostHeader === undefined) return '';
  const bracketed = /^\[([^\]]+)\]/.exec(hostHeader);
  return bracketed?.[1] ?? hostHeader.replace(/:\d+$/, '');
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    ...SECURITY_HEADERS,
    ...headers,
  });
  response.end(`${text}\n`);
}

class WallRequestHandler {
  private readonly streams = new Set<() => void>();

  constructor(private readonly options: Required<Omit<WallServerOptions, 'port'>>) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      plain(response, 405, 'Returns Wall is read-only.', { Allow: 'GET, HEAD' });
      return;
    }
    // A loopback server answers only to loopback names, which defeats DNS rebinding.
    if (isLoopback(this.options.host) && !isLoopback(hostnameOf(request.headers.host))) {
      plain(response, 421, 'This server answers only to localhost.');
      return;
    }

    const pathname = new URL(request.url ?? '/', 'http://wall.invalid').pathname;
    if (pathname === '/events') this.openStream(request, response);
    else await this.serveFile(request, response, request.url ?? '/');
  }

  private openStream(request: IncomingMessage, response: ServerResponse): void {
    if (request.method === 'HEAD') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
      response.end();
      return;
    }
    const release = openEventStream(request, response, this.options);
    this.streams.add(release);
    request.on('close', () => this.streams.delete(release));
  }

  private async serveFile(request: IncomingMessage, response: ServerResponse, rawUrl: string): Promise<void> {
    // The raw path, not one WHATWG URL parsing has already normalised `/../` out of.
    const rawPath = rawUrl.split('?')[0] ?? '/';
    const path = resolveStaticPath(this.options.rendererDir, rawPath);
    const file = path === null ? null : await readStaticFile(path);
    if (file === null && rawPath === '/favicon.ico') {
      // Browsers ask for it unprompted; an empty answer keeps a 404 out of the TV's console.
      response.writeHead(204, SECURITY_HEADERS);
      response.end();
      return;
    }
    if (file === null) {
      plain(response, path === null ? 400 : 404, path === null ? 'Bad path.' : 'Not found.');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  clientCount(): number {
    return this.streams.size;
  }

  endStreams(): void {
    for (const release of [...this.streams]) release();
    this.streams.clear();
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

export async function startWallServer(options: WallServerOptions): Promise<WallServer> {
  const host = options.host ?? DEFAULT_HOST;
  const handler = new WallRequestHandler({ ...options, host, heartbeatMs: options.heartbeatMs ?? 15_000 });
  const server = createServer((request, response) => {
    handler.handle(request, response).catch((error: unknown) => {
      log.error(`Serving ${request.url ?? '?'} failed: ${describeError(error)}.`);
      if (!response.headersSent) plain(response, 500, 'Internal error.');
      else response.destroy();
    });
  });

  const address = await listen(server, options.port ?? DEFAULT_PORT, host);
  log.info(
    `Serving the wall on ${urlFor(host, address.port)} (${isLoopback(host) ? 'loopback only' : 'network'}).`,
  );
  return {
    url: urlFor(host, address.port),
    port: address.port,
    clientCount: () => handler.clientCount(),
    close: () =>
      new Promise<void>((resolve) => {
        handler.endStreams();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
