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
import { RecordingDependencies } from '../kiosk/memory-feed.js';

let folder: string;
let renderer: string;
let configPath: string;
let restoreSinks: () => void;

beforeEach(() => {
  restoreSinks = replaceLogSinks(() => undefined);
  folder = mkdtempSync(join(tmpdir(), 'browser-mode-'));
  renderer = join(folder, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  configPath = join(folder, 'returns-wall.json');
  writeFileSync(configPath, '{}');
});

afterEach(() => {
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

  it('names the address when the port is taken, and stops the feed it had started', async () => {
    const { blocker, port } = await occupyPort();
    const deps = new RecordingDependencies();
    const kiosk = { configPath, dataDir: folder, watch: false };
    try {
      const start = startBrowserMode({ kiosk, dependencies: deps, rendererDir: renderer, port });
      await expect(start).rejects.toThrow(BrowserModeError);
      await expect(start).rejects.toThrow(`127.0.0.1:${port}`);
      expect(deps.engine.stopped).toBe(true);
      expect(deps.rehearsalClosed).toBe(true);
    } finally {
      blocker.close();
    }
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
