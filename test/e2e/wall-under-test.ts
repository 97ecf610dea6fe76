/**
 * The real thing, started in-process for an end-to-end test: the rehearsal feed on a free
 * port, and browser mode (config, feed engine, cache, HTTP and SSE) polling it fast, with a
 * temporary config file and data folder. `stop()` tears all of it down.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WallConfigInput } from '../../shared/config.js';
import { realKioskDependencies } from '../../main/kiosk/real-dependencies.js';
import { replaceLogSinks } from '../../main/logging/logger.js';
import { type BrowserMode, startBrowserMode } from '../../main/server/browser-mode.js';
import { type FaultRule, type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { type SwitchablePort, startSwitchablePort } from '../main/reliability/switchable-port.js';

export interface WallUnderTest {
  readonly sim: RehearsalFeed;
  /** The port the wall polls, in front of the sim: it can refuse connections. */
  readonly door: SwitchablePort;
  readonly mode: BrowserMode;
  readonly url: string;
  /** What the wall logged, for a failing test to show. */
  readonly log: string[];
  /** Rewrites the config file with other boards (the wall watches it when `watchConfig`). */
  rewriteBoards(boards: WallConfigInput['boards']): void;
  stop(): Promise<void>;
}

export interface WallSetup {
  /** Board race ids, from the sim's ballot; most boards dwell 1 s. */
  readonly boards: (ballot: RehearsalFeed['ballot']) => WallConfigInput['boards'];
  readonly faults?: FaultRule[];
  readonly seed?: number;
  readonly watchConfig?: boolean;
}

/** Fast enough for a test and still well inside the config's bounds. */
function testConfig(apiBase: string, boards: WallConfigInput['boards']): WallConfigInput {
  return {
    source: 'rehearsal',
    apiBase,
    pollSeconds: 1,
    staleAfterSeconds: 5,
    defaultDwellSeconds: 1,
    requests: { retries: 0, timeoutSeconds: 2 },
    boards,
  };
}

export async function startWallUnderTest(setup: WallSetup): Promise<WallUnderTest> {
  const log: string[] = [];
  const restoreSinks = replaceLogSinks((line) => log.push(line));
  const folder = mkdtempSync(join(tmpdir(), 'returns-wall-e2e-'));
  // An hour into the night at 60x: the numbers are real and keep moving.
  const sim = await startRehearsalFeed({
    seed: setup.seed ?? 3,
    speed: 60,
    at: '21:00',
    port: 0,
    faults: setup.faults ?? [],
  });

  const door = await startSwitchablePort(sim.url);

  const configPath = join(folder, 'returns-wall.json');
  writeFileSync(configPath, JSON.stringify(testConfig(door.url, setup.boards(sim.ballot))));
  const mode = await startBrowserMode({
    kiosk: { configPath, dataDir: join(folder, 'data'), watch: setup.watchConfig ?? false },
    dependencies: realKioskDependencies,
    port: 0,
  });

  return {
    sim,
    door,
    mode,
    url: mode.url,
    log,
    rewriteBoards: (boards) => writeFileSync(configPath, JSON.stringify(testConfig(door.url, boards))),
    stop: async () => {
      await mode.stop();
      await door.close();
      await sim.close();
      restoreSinks();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
