import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WallHub } from '../../../main/kiosk/wall-hub.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { startWallServer, type WallServer } from '../../../main/server/wall-server.js';
import { MemoryFeed, testRace, testStatus } from '../kiosk/memory-feed.js';
import { EventStreamReader, rawRequest } from './http-client.js';

const display = { staleAfterSeconds: 60, defaultDwellSeconds: 8, boards: [] };
let folder: string;
let feed: MemoryFeed;
let hub: WallHub;
let server: WallServer;
let readers: EventStreamReader[];
let restoreSinks: () => void;

beforeEach(async () => {
  restoreSinks = replaceLogSinks(() => undefined);
  folder = mkdtempSync(join(tmpdir(), 'wall-server-'));
  const renderer = join(folder, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>wall</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(folder, 'secret.txt'), 'outside the renderer');
  feed = new MemoryFeed([testRace('02000000000059', [100, 50])]);
  hub = new WallHub(feed, display);
  readers = [];
  server = await startWallServer({ source: hub, rendererDir: renderer, port: 0, heartbeatMs: 30 });
});

afterEach(async () => {
  for (const reader of readers) reader.close();
  await server.close();
  hub.close();
  restoreSinks();
  rmSync(folder, { recursive: true, force: true });
});

async function openStream(): Promise<EventStreamReader> {
  const reader = await EventStreamReader.open(server.port);
  readers.push(reader);
  return reader;
}

describe('browser mode serving files', () => {
  it('listens on loopback unless told otherwise', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the renderer with the right content types and the CSP header', async () => {
    const index = await rawRequest(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    const script = await rawRequest(server.port, '/assets/app.js?v=1');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('export {};');
    expect((await rawRequest(server.port, '/assets/app.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await rawRequest(server.port, '/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('10');
    expect(head.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await rawRequest(server.port, '/', { method });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/index.html%00.js',
    '/%c0%ae%c0%ae/secret.txt',
  ])('never serves a file outside the renderer for %s', async (path) => {
    const response = await rawRequest(server.port, path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain('outside the renderer');
  });

  it('answers an unprompted favicon request with an empty 204 when the renderer has none', async () => {
    const response = await rawRequest(server.port, '/favicon.ico');
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
  });

  it('answers 404 for a file that is not there', async () => {
    expect((await rawRequest(server.port, '/nope.js')).status).toBe(404);
  });

  it('refuses a request addressed to another host name while on loopback', async () => {
    const response = await rawRequest(server.port, '/', { host: `attacker.example:${server.port}` });
    expect(response.status).toBe(421);
    expect((await rawRequest(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('browser mode events', () => {
  it('sends a snapshot first, then only the races that changed', async () => {
    const reader = await openStream();
    await reader.until(() => reader.messages.length >= 1);
    expect(reader.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const [snapshot] = reader.messages;
    expect(snapshot?.type === 'snapshot' && snapshot.races.map((race) => race.id)).toEqual([
      '02000000000059',
    ]);

    feed.emitRaces([testRace('03000000000059', [7, 3])]);
    feed.emitStatus(testStatus({ health: 'offline' }));
    await reader.until(() => reader.messages.length >= 3);
    const [, update, status] = reader.messages;
    expect(update?.type === 'update' && update.races.map((race) => race.id)).toEqual(['03000000000059']);
    expect(status?.type === 'status' && status.status.health).toBe('offline');
  });

  it('sends a heartbeat comment while nothing changes', async () => {
    const reader = await openStream();
    await reader.until(() => reader.comments.includes('heartbeat'));
    expect(reader.comments).toContain('heartbeat');
  });

  it('releases its listeners when the browser goes', async () => {
    const reader = await openStream();
    await reader.until(() => reader.messages.length >= 1);
    expect(hub.listenerCount()).toBe(1);
    expect(server.clientCount()).toBe(1);

    reader.close();
    while (hub.listenerCount() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.clientCount()).toBe(0);
  });

  it('ends every stream and stops listening when closed', async () => {
    const reader = await openStream();
    await reader.until(() => reader.messages.length >= 1);
    await server.close();
    expect(hub.listenerCount()).toBe(0);
    await expect(rawRequest(server.port, '/')).rejects.toThrow(/ECONNREFUSED/);
    server = await startWallServer({ source: hub, rendererDir: folder, port: 0 });
  });
});
