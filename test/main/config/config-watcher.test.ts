import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConfigWatcher, watchConfig } from '../../../main/config/config-watcher.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { type WallConfig, WallConfigSchema } from '../../../shared/config.js';

let folder: string;
let path: string;
let watcher: ConfigWatcher | undefined;
let restoreSinks: () => void;
const lines: string[] = [];

function nextEvent<T>(register: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve) => register(resolve));
}

/** Handles finish closing in a later turn of the event loop. */
function afterCloseCallbacks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

function watchedHandles(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'config-watch-'));
  path = join(folder, 'returns-wall.json');
  writeFileSync(path, JSON.stringify({ pollSeconds: 30 }));
  restoreSinks = replaceLogSinks((line) => lines.push(line));
});

afterEach(() => {
  watcher?.close();
  watcher = undefined;
  restoreSinks();
  lines.length = 0;
  rmSync(folder, { recursive: true, force: true });
});

const current = (): WallConfig => WallConfigSchema.parse({ pollSeconds: 30 });

describe('watching the config file', () => {
  it('reports a valid edit once the burst of events settles', async () => {
    const changed = nextEvent<WallConfig>((resolve) => {
      watcher = watchConfig(path, { current: current(), onChange: resolve, debounceMs: 20 });
    });
    writeFileSync(path, JSON.stringify({ pollSeconds: 7 }));
    expect((await changed).pollSeconds).toBe(7);
  });

  it('keeps the last good config and logs the bad field when an edit is invalid', async () => {
    const changes: WallConfig[] = [];
    const refused = nextEvent<unknown>((resolve) => {
      watcher = watchConfig(path, {
        current: current(),
        onChange: (config) => changes.push(config),
        onInvalid: resolve,
        debounceMs: 20,
      });
    });
    writeFileSync(path, JSON.stringify({ pollSeconds: 30, staleAfterSeconds: -1 }));
    await refused;
    expect(changes).toEqual([]);
    expect(lines.some((line) => line.includes('WARN [Config]') && line.includes('staleAfterSeconds'))).toBe(
      true,
    );
  });

  it('picks up a file replaced by rename, as editors save', async () => {
    const changed = nextEvent<WallConfig>((resolve) => {
      watcher = watchConfig(path, { current: current(), onChange: resolve, debounceMs: 20 });
    });
    const temporary = join(folder, '.returns-wall.json.tmp');
    writeFileSync(temporary, JSON.stringify({ defaultDwellSeconds: 4 }));
    const { renameSync } = await import('node:fs');
    renameSync(temporary, path);
    expect((await changed).defaultDwellSeconds).toBe(4);
  });

  it('releases its folder watch when closed', async () => {
    await afterCloseCallbacks();
    const before = watchedHandles();
    const started = watchConfig(path, { current: current(), onChange: () => undefined });
    expect(watchedHandles()).toBe(before + 1);
    started.close();
    await afterCloseCallbacks();
    expect(watchedHandles()).toBe(before);
  });

  it('reports nothing after it is closed', async () => {
    const changes: WallConfig[] = [];
    const started = watchConfig(path, {
      current: current(),
      onChange: (c) => changes.push(c),
      debounceMs: 5,
    });
    writeFileSync(path, JSON.stringify({ pollSeconds: 9 }));
    started.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toEqual([]);
  });
});
