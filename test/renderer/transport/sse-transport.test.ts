// @vitest-environment node
// TODO: this reference brings Node's global types into the whole renderer type-check program
// (svelte-check takes one tsconfig), so renderer code naming `process` would type-check. The
// layering check still refuses Node imports. A separate tsconfig for Node-side renderer tests,
// run by `npm run typecheck`, would keep the browser program free of Node types.
/// <reference types="node" />
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventSource } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventSourceLike, createSseTransport } from '../../../renderer/src/transport/sse-transport.js';
import type { ReceivedMessage } from '../../../renderer/src/transport/parse-message.js';
import type { TransportListener } from '../../../renderer/src/transport/transport.js';
import { feedStatus, snapshot } from '../fixtures.js';

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

interface TestServer {
  url: string;
  streams: Set<ServerResponse>;
  closed: number;
  requests: number;
  handle: Handler;
}

let server: Server | null = null;
let stopTransport: (() => void) | null = null;

afterEach(async () => {
  stopTransport?.();
  stopTransport = null;
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
  }
});

async function startServer(handle: Handler): Promise<TestServer> {
  const state: TestServer = { url: '', streams: new Set(), closed: 0, requests: 0, handle };
  server = createServer((request, response) => {
    state.requests += 1;
    response.on('close', () => {
      state.closed += 1;
      state.streams.delete(response);
    });
    state.handle(request, response, state.requests);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
  return state;
}

function streamWith(state: TestServer, ...data: string[]): Handler {
  return (_request, response) => {
    state.streams.add(response);
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write('retry: 20\n\n');
    for (const item of data) response.write(`data: ${item}\n\n`);
  };
}

function openEventSource(url: string): EventSourceLike {
  return new EventSource(url) as unknown as EventSourceLike;
}

function recorder() {
  const events = { messages: [] as ReceivedMessage[], connection: [] as boolean[], dropped: [] as string[] };
  let wake: () => void = () => undefined;
  const listener: TransportListener = {
    message: (message) => (events.messages.push(message), wake()),
    connection: (connected) => (events.connection.push(connected), wake()),
    dropped: (problem) => (events.dropped.push(problem), wake()),
  };
  /** Resolves once `ready()` holds, checked after every event. */
  function until(ready: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      wake = () => ready() && resolve();
      wake();
    });
  }
  return { listener, events, until };
}

function start(url: string, listener: TransportListener, reopenAfterMs = 20): void {
  stopTransport = createSseTransport({ url, open: openEventSource, reopenAfterMs }).start(listener);
}

describe('SSE transport', () => {
  it('connects and delivers the snapshot the server sends', async () => {
    const state = await startServer(() => undefined);
    state.handle = streamWith(state, JSON.stringify(snapshot()));
    const { listener, events, until } = recorder();

    start(state.url, listener);
    await until(() => events.messages.length === 1);
    expect(events.connection).toEqual([true]);
    expect(events.messages[0]).toEqual(snapshot());
  });

  it('drops invalid messages and keeps delivering the valid ones after them', async () => {
    const state = await startServer(() => undefined);
    const status = { type: 'status', status: feedStatus({ health: 'degraded' }) };
    state.handle = streamWith(state, 'not json', '{"type":"status","status":{}}', JSON.stringify(status));
    const { listener, events, until } = recorder();

    start(state.url, listener);
    await until(() => events.messages.length === 1);
    expect(events.dropped).toHaveLength(2);
    expect(events.messages).toEqual([status]);
  });

  it('reports the drop when the stream ends and gets a new snapshot on reconnect', async () => {
    const state = await startServer(() => undefined);
    state.handle = streamWith(state, JSON.stringify(snapshot()));
    const { listener, events, until } = recorder();

    start(state.url, listener);
    await until(() => events.messages.length === 1);
    for (const stream of state.streams) stream.end();
    await until(() => events.messages.length === 2);
    expect(events.connection).toEqual([true, false, true]);
  });

  it('reopens the stream after the server answers with an HTTP error', async () => {
    const state = await startServer((_request, response, count) => {
      if (count === 1) response.writeHead(503).end();
      else streamWith(state, JSON.stringify(snapshot()))(_request, response, count);
    });
    const { listener, events, until } = recorder();

    start(state.url, listener);
    await until(() => events.messages.length === 1);
    expect(events.connection).toEqual([false, true]);
    expect(state.requests).toBe(2);
  });

  it('closes the stream when stopped', async () => {
    const state = await startServer(() => undefined);
    state.handle = streamWith(state, JSON.stringify(snapshot()));
    const { listener, events, until } = recorder();

    start(state.url, listener);
    await until(() => events.messages.length === 1);
    stopTransport?.();
    stopTransport = null;
    await new Promise<void>((resolve) => {
      const check = () => (state.closed === 1 ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(state.streams.size).toBe(0);
  });

  it('cancels a pending reopen when stopped', async () => {
    const state = await startServer((_request, response) => response.writeHead(503).end());
    const { listener, events, until } = recorder();

    start(state.url, listener, 30);
    await until(() => events.connection.length === 1);
    stopTransport?.();
    stopTransport = null;

    // Several reopen delays later, nothing has asked the server again.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(state.requests).toBe(1);
  });
});
