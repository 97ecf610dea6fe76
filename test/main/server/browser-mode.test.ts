import { createServer, type Server } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import {
  BrowserModeError,
  RendererNotBuiltError,
  startBrowserMode,
} from '../../../main/server/browser-mode.js';
import type { FeedOpenOptions } from '../../../main/kiosk/kiosk.js';
import { RecordingDependencies } from '../kiosk/memory-feed.js';
import { EventStreamReader, rawRequest } from './http-client.js';

/** The in-memory kiosk dependencies with the feed's opening held until `open()`, as a slow cache load would. */
class GatedDependencies extends RecordingDependencies {
  #release: () => void = () => undefined;
  readonly #gate = new Promise<void>((resolve) => (this.#release = resolve));

  open(): void {
    this.#release();
  }

  override async openFeed(options: FeedOpenOptions) {
    await this.#gate;
    return super.openFeed(options);
  }
}

let folder: string;
let renderer: string;
let configPath: string;
let restoreSinks: () => void;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(() => {
  restoreSinks = replaceLogSinks(() => undefined);
  folder = mkdtempSync(join(tmpdir(), 'browser-mode-'));
  renderer = join(folder, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  configPath = join(folder, 'returns-wall.json');
  writeFileSync(configPath, '{}');
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  restoreSinks();
  rmSync(folder, { recursive: true, force: true });
});

function occupyPort(): Promise<{ blocker: Server; port: number }> {
  return new Promise((resolve) => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1', () => {
      const address = blocker.address();
      resolve({ blocker, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

describe('starting browser mode', () => {
  it('says to build the renderer when it is missing, before starting any feed', async () => {
    const deps = new RecordingDependencies();
    const kiosk = { configPath, dataDir: folder, watch: false };
    const start = startBrowserMode({
      kiosk,
      dependencies: deps,
      rendererDir: join(folder, 'nothing'),
      port: 0,
    });
    await expect(start).rejects.toThrow(RendererNotBuiltError);
    await expect(start).rejects.toThrow('npm run build:renderer');
    expect(deps.opened).toEqual([]);
  });

  it('names the address when the port is taken, before starting any feed', async () => {
    const { blocker, port } = await occupyPort();
    const deps = new RecordingDependencies();
    const kiosk = { configPath, dataDir: folder, watch: false };
    try {
      const start = startBrowserMode({ kiosk, dependencies: deps, rendererDir: renderer, port });
      await expect(start).rejects.toThrow(BrowserModeError);
      await expect(start).rejects.toThrow(`127.0.0.1:${port}`);
      expect(deps.opened).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('serves the page while the kiosk starts, and sends a browser already connected its snapshot once ready', async () => {
    const deps = new GatedDependencies();
    const kiosk = { configPath, dataDir: folder, watch: false };
    let url = '';
    const listening = new Promise<void>((resolve) => {
      void startBrowserMode({
        kiosk,
        dependencies: deps,
        rendererDir: renderer,
        port: 0,
        onListening: (address) => {
          url = address;
          resolve();
        },
      }).then((mode) => cleanups.push(() => mode.stop()));
    });
    await listening;
    const port = Number(new URL(url).port);

    expect((await rawRequest(port, '/')).status).toBe(200);
    const reader = await EventStreamReader.open(port);
    cleanups.push(() => reader.close());
    expect(reader.messages).toEqual([]);

    deps.open();
    await reader.until(() => reader.messages.length >= 1);

    expect(reader.messages[0]?.type).toBe('snapshot');
  });

  it('closes the server it opened when the kiosk cannot start', async () => {
    writeFileSync(configPath, '{"pollSeconds": "often"}');
    const kiosk = { configPath, dataDir: folder, watch: false };
    let url = '';
    const start = startBrowserMode({
      kiosk,
      dependencies: new RecordingDependencies(),
      rendererDir: renderer,
      port: 0,
      onListening: (address) => (url = address),
    });

    await expect(start).rejects.toThrow('pollSeconds');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('serves on the URL it reports and stops everything it started', async () => {
    const deps = new RecordingDependencies();
    const kiosk = { configPath, dataDir: folder, watch: false };
    const mode = await startBrowserMode({ kiosk, dependencies: deps, rendererDir: renderer, port: 0 });
    expect(mode.url).toBe(`http://127.0.0.1:${mode.server.port}/`);
    expect((await fetch(mode.url)).status).toBe(200);
    await mode.stop();
    expect(deps.engine.stopped).toBe(true);
    await expect(fetch(mode.url)).rejects.toThrow();
  });
});
