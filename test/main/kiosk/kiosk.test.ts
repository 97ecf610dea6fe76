import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Kiosk, sourceKindFor, startKiosk } from '../../../main/kiosk/kiosk.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import type { WallMessage } from '../../../shared/ipc.js';
import { RecordingDependencies } from './memory-feed.js';

let folder: string;
let kiosk: Kiosk | undefined;
let restoreSinks: () => void;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-'));
  restoreSinks = replaceLogSinks(() => undefined);
});

afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
  restoreSinks();
  rmSync(folder, { recursive: true, force: true });
});

function writeConfig(value: object): string {
  const path = join(folder, 'returns-wall.json');
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('starting the kiosk', () => {
  it('runs the rehearsal in-process with the default rotation when the config names no apiBase', async () => {
    const deps = new RecordingDependencies();
    kiosk = await startKiosk({ configPath: writeConfig({}), dataDir: folder, watch: false }, deps);

    expect(kiosk.rehearsal?.url).toBe('http://127.0.0.1:9/');
    expect(deps.opened[0]?.source).toBe('rehearsal');
    expect(deps.opened[0]?.config.boards.slice(0, 2)).toEqual([
      { race: '02000000000059' },
      { race: '19000000000159' },
    ]);
    expect(deps.engine.started).toBe(true);
  });

  it('starts afresh from an empty rehearsal cache, leaving the live cache alone', async () => {
    mkdirSync(join(folder, 'rehearsal-cache'));
    mkdirSync(join(folder, 'live-cache'));
    const deps = new RecordingDependencies();
    kiosk = await startKiosk({ configPath: writeConfig({}), dataDir: folder, watch: false }, deps);
    expect(deps.opened[0]?.dataDir).toBe(join(folder, 'rehearsal-cache'));
    expect(existsSync(join(folder, 'rehearsal-cache'))).toBe(false);
    expect(existsSync(join(folder, 'live-cache'))).toBe(true);
  });

  it('polls the given apiBase without a rehearsal, marked live only for the SOS host', async () => {
    const deps = new RecordingDependencies();
    const path = writeConfig({ source: 'live', boards: [{ race: '02000000000059' }] });
    kiosk = await startKiosk({ configPath: path, dataDir: folder, watch: false }, deps);
    expect(kiosk.rehearsal).toBeNull();
    expect(deps.opened[0]?.apiBase).toBe('https://api.sos.ca.gov');
    expect(deps.opened[0]?.source).toBe('live');
    expect(sourceKindFor('http://127.0.0.1:8787')).toBe('rehearsal');
  });

  it('refuses a config file the operator named that does not exist, and starts nothing', async () => {
    const deps = new RecordingDependencies();
    await expect(startKiosk({ configPath: join(folder, 'missing.json') }, deps)).rejects.toThrow(
      /does not exist/,
    );
    expect(deps.opened).toEqual([]);
  });

  it('applies a valid config edit to the feed and every screen', async () => {
    const deps = new RecordingDependencies();
    const path = writeConfig({ defaultDwellSeconds: 10 });
    kiosk = await startKiosk({ configPath: path, dataDir: folder }, deps);
    const messages: WallMessage[] = [];
    const configSent = new Promise<void>((resolve) =>
      kiosk?.hub.subscribe((message) => {
        messages.push(message);
        resolve();
      }),
    );

    writeFileSync(path, JSON.stringify({ defaultDwellSeconds: 3, rehearsal: { speed: 60 } }));
    await configSent;
    expect(messages[0]?.type === 'config' && messages[0].config.defaultDwellSeconds).toBe(3);
    expect(deps.engine.configs.at(-1)?.defaultDwellSeconds).toBe(3);
    expect(deps.speeds).toEqual([60]);
  });

  it('stops the feed, the hub and the rehearsal', async () => {
    const deps = new RecordingDependencies();
    const started = await startKiosk({ configPath: writeConfig({}), dataDir: folder }, deps);
    await started.stop();
    expect(deps.engine.stopped).toBe(true);
    expect(deps.rehearsalClosed).toBe(true);
    expect(deps.engine.listenerCount()).toBe(0);
  });
});
