/**
 * Browser mode started from a config and a data folder the test keeps between starts, so a
 * second start can find the cache the first one left, or a feed that is no longer there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WallConfigInput } from '../../shared/config.js';
import { realKioskDependencies } from '../../main/kiosk/real-dependencies.js';
import { replaceLogSinks } from '../../main/logging/logger.js';
import { type BrowserMode, startBrowserMode } from '../../main/server/browser-mode.js';

export interface WallFolder {
  /** Writes the config polling `apiBase` for `boards` and starts browser mode on it. */
  start(apiBase: string, boards: readonly string[]): Promise<BrowserMode>;
  /** What the wall logged, for a failing test to show. */
  readonly log: string[];
  remove(): void;
}

export function wallFolder(): WallFolder {
  const folder = mkdtempSync(join(tmpdir(), 'returns-wall-e2e-disk-'));
  const log: string[] = [];
  const restoreSinks = replaceLogSinks((line) => log.push(line));
  return {
    log,
    start: (apiBase, boards) => {
      const config: WallConfigInput = {
        source: 'rehearsal',
        apiBase,
        pollSeconds: 1,
        staleAfterSeconds: 5,
        defaultDwellSeconds: 1,
        requests: { retries: 0, timeoutSeconds: 2 },
        boards: boards.map((race) => ({ race })),
      };
      const configPath = join(folder, 'returns-wall.json');
      writeFileSync(configPath, JSON.stringify(config));
      return startBrowserMode({
        kiosk: { configPath, dataDir: join(folder, 'data'), watch: false },
        dependencies: realKioskDependencies,
        port: 0,
      });
    },
    remove: () => {
      restoreSinks();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
