/**
 * A tiny HTTP server on 127.0.0.1 (port 0) for feed tests that need a particular
 * misbehaviour; it records every request and closes every connection on `close()`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  readonly url: string;
  /** Paths with their query strings, in the order they arrived. */
  readonly requests: IncomingMessage[];
  readonly paths: string[];
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const paths: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    paths.push(request.url ?? '');
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    paths,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** The ids of a `/returns/query?r=[...]` request, or null for any other path. */
export function queryIdsOf(path: string): string[] | null {
  const url = new URL(path, 'http://localhost');
  if (url.pathname !== '/returns/query') return null;
  return JSON.parse(url.searchParams.get('r') ?? '[]') as string[];
}
