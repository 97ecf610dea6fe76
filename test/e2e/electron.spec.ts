/**
 * The kiosk end to end in Electron, through Playwright's Electron support. Runs only where
 * Electron's binary is installed (the CI image cannot download it) and says so when it skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, expect, test } from '@playwright/test';
import { ELECTRON_MAIN, findElectronBinary } from '../../main/cli/commands/start.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';

const binary = findElectronBinary();

const SKIP_REASON =
  'Electron binary not installed: node_modules/electron/path.txt or the file it names under dist/ is ' +
  'missing (install without ELECTRON_SKIP_BINARY_DOWNLOAD to run these tests)';

test.skip(binary === null, SKIP_REASON);
// The list reporter shows a skip as a bare dash; say why where the run is read.
if (binary === null) process.stderr.write(`${SKIP_REASON}\n`);

let folder: string;
let sim: RehearsalFeed;
let app: ElectronApplication;

function buildKioskIfMissing(): void {
  const preload = join('out', 'preload', 'preload.cjs');
  if (existsSync(ELECTRON_MAIN) && existsSync(preload)) return;
  execFileSync('npm', ['run', 'build:main'], { stdio: 'inherit' });
  execFileSync('npm', ['run', 'build:preload'], { stdio: 'inherit' });
}

test.beforeAll(async () => {
  buildKioskIfMissing();
  folder = mkdtempSync(join(tmpdir(), 'returns-wall-electron-'));
  sim = await startRehearsalFeed({ seed: 3, speed: 60, at: '21:00', port: 0 });
  const configPath = join(folder, 'returns-wall.json');
  const boards = sim.ballot.statewideRaceIds.slice(0, 2).map((race) => ({ race }));
  writeFileSync(
    configPath,
    JSON.stringify({ apiBase: sim.url, pollSeconds: 1, defaultDwellSeconds: 1, boards }),
  );

  app = await _electron.launch({
    executablePath: binary ?? '',
    // Root in a container has no user namespaces for Chromium's own sandbox.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ELECTRON_MAIN, '--config', configPath],
    env: { ...process.env, XDG_CONFIG_HOME: folder, XDG_DATA_HOME: folder, XDG_STATE_HOME: folder },
  });
});

test.afterAll(async () => {
  await app?.close();
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

test('the kiosk window shows the wall through the preload bridge', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('section.board')).toBeVisible();
  await expect(page.locator('td.votes').first()).toBeVisible();
  expect(page.url()).toBe('app://wall/index.html');
});

test('the page gets the narrow bridge and nothing of Node or Electron', async () => {
  const page = await app.firstWindow();
  const exposed = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    const bridge = scope.returnsWall as Record<string, unknown> | undefined;
    return {
      bridge: bridge === undefined ? [] : Object.keys(bridge).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(exposed).toEqual({
    bridge: ['send', 'subscribe'],
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('one kiosk window covers the primary display, shown once ready', async () => {
  const placement = await app.evaluate(({ BrowserWindow, screen }) => {
    const windows = BrowserWindow.getAllWindows();
    return {
      count: windows.length,
      visible: windows[0]?.isVisible(),
      kiosk: windows[0]?.isKiosk(),
      display: screen.getPrimaryDisplay().bounds,
      bounds: windows[0]?.getBounds(),
    };
  });
  expect(placement.count).toBe(1);
  expect(placement.visible).toBe(true);
  expect(placement.kiosk).toBe(true);
  expect(placement.bounds).toEqual(placement.display);
});

test('navigation away from the wall is refused', async () => {
  const page = await app.firstWindow();
  await page.evaluate("window.location.href = 'https://example.org/'");
  await expect(page.locator('section.board')).toBeVisible();
  expect(page.url()).toBe('app://wall/index.html');
});
