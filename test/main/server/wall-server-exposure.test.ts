/**
 * Who can reach browser mode: nobody but this machine unless `--host` says otherwise, and
 * nobody with a method that could change anything.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WallHub } from '../../../main/kiosk/wall-hub.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { startWallServer, type WallServer } from '../../../main/server/wall-server.js';
import { MemoryFeed, testRace } from '../kiosk/memory-feed.js';
import { rawRequest } from './http-client.js';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function serveOn(host?: string): Promise<WallServer> {
  const folder = mkdtempSync(join(tmpdir(), 'wall-exposure-'));
  mkdirSync(join(folder, 'renderer'));
  writeFileSync(join(folder, 'renderer', 'index.html'), '<!doctype html><title>wall</title>');
  const restoreSinks = replaceLogSinks(() => undefined);
  const hub = new WallHub(new MemoryFeed([testRace('02000000000059', [100, 50])]), {
    staleAfterSeconds: 60,
    defaultDwellSeconds: 8,
    boards: [],
  });
  const server = await startWallServer({
    source: hub,
    rendererDir: join(folder, 'renderer'),
    port: 0,
    ...(host === undefined ? {} : { host }),
  });
  cleanups.push(async () => {
    await server.close();
    hub.close();
    restoreSinks();
    rmSync(folder, { recursive: true, force: true });
  });
  return server;
}

/** This machine's first IPv4 address that is not loopback, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

/** Whether a TCP connection to the address is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('who can reach browser mode', () => {
  it.skipIf(outsideAddress === undefined)(
    'refuses connections on the network address by default, and accepts them when --host opens it',
    async () => {
      const address = outsideAddress ?? '';
      const closed = await serveOn();
      const open = await serveOn('0.0.0.0');

      expect(await accepts(address, closed.port)).toBe(false);
      expect(await accepts('127.0.0.1', closed.port)).toBe(true);
      expect(await accepts(address, open.port)).toBe(true);
    },
  );

  it.each(['TRACE', 'PROPFIND', 'POST'])('refuses the %s method', async (method) => {
    const server = await serveOn();

    const response = await rawRequest(server.port, '/index.html', { method });

    expect([400, 405]).toContain(response.status);
    expect(response.body).not.toContain('<title>wall</title>');
  });

  it('drops a CONNECT request: browser mode is no proxy', async () => {
    const server = await serveOn();

    // Node hands CONNECT to a 'connect' listener; with none, the socket is closed at once.
    await expect(rawRequest(server.port, '127.0.0.1:22', { method: 'CONNECT' })).rejects.toThrow(/hang up/);
  });
});
