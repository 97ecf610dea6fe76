/**
 * The Electron main process: one full-screen kiosk window per configured display, the feed
 * running behind them, the display kept awake, a single instance, logs to a file.
 * Compiled to out/main/electron/main.js (`npm run build`); `returns-wall start` launches it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, powerSaveBlocker, screen, session } from 'electron';
import { describeError } from '../../shared/errors.js';
import { appFolders } from '../config/app-folders.js';
import { type Kiosk, startKiosk } from '../kiosk/kiosk.js';
import { KIOSK_FLAGS, kioskOptionsFrom } from '../kiosk/kiosk-flags.js';
import { realKioskDependencies } from '../kiosk/real-dependencies.js';
import { addLogSink, createLogger, fileSink } from '../logging/logger.js';
import { handleAppScheme, registerAppScheme } from './app-protocol.js';
import { chooseDisplays } from './displays.js';
import { hardenEveryPage, hardenSession } from './hardening.js';
import { KioskWindow } from './kiosk-window.js';
import { handleOperatorCommands } from './operator-commands.js';

const log = createLogger('Electron');
const here = fileURLToPath(new URL('.', import.meta.url));
const PRELOAD_PATH = join(here, '../../preload/preload.cjs');
const RENDERER_DIR = join(here, '../../renderer');

interface Running {
  kiosk: Kiosk;
  windows: KioskWindow[];
  stopCommands: () => void;
  blocker: number;
}

function kioskFlags() {
  // Electron and Chromium add switches of their own, so unknown flags are let through.
  const { values } = parseArgs({ args: process.argv.slice(1), options: KIOSK_FLAGS, strict: false });
  return kioskOptionsFrom(values);
}

// TODO: windows are placed once, at start. A display plugged in or removed later (screen's
// 'display-added'/'display-removed') is not followed, and `displays` edits in the config need a
// restart; re-running chooseDisplays on those events and opening or closing windows would fix it.
function openWindows(kiosk: Kiosk): KioskWindow[] {
  const all = screen.getAllDisplays();
  const { chosen, missing } = chooseDisplays(all, screen.getPrimaryDisplay(), kiosk.config().displays);
  if (missing.length > 0) log.warn(`No display at index ${missing.join(', ')}; ${all.length} connected.`);

  const windows = chosen.map(
    (display) => new KioskWindow({ display, preloadPath: PRELOAD_PATH, source: kiosk.hub }),
  );
  for (const window of windows) window.load();
  log.info(`Opened ${windows.length} kiosk window(s).`);
  return windows;
}

async function run(): Promise<Running> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  handleAppScheme(RENDERER_DIR);

  const kiosk = await startKiosk(kioskFlags(), realKioskDependencies);
  const windows = openWindows(kiosk);
  const stopCommands = handleOperatorCommands(() => windows);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  return { kiosk, windows, stopCommands, blocker };
}

async function shutDown(running: Running): Promise<void> {
  running.stopCommands();
  powerSaveBlocker.stop(running.blocker);
  for (const window of running.windows) window.close();
  await running.kiosk.stop();
}

function quitCleanly(running: Promise<Running>): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    running
      .then(shutDown)
      .catch((error: unknown) => log.error(`Stopping cleanly failed: ${describeError(error)}.`))
      .finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
}

function main(): void {
  const folders = appFolders();
  // Chromium's own files stay out of the config folder, which is watched for edits.
  app.setPath('userData', join(folders.data, 'electron'));
  addLogSink(fileSink(join(folders.logs, 'returns-wall.log')));
  registerAppScheme();
  hardenEveryPage();

  if (!app.requestSingleInstanceLock()) {
    log.info('Returns Wall is already running; this copy quits.');
    app.quit();
    return;
  }

  const running = run();
  running.catch((error: unknown) => {
    log.error(`The kiosk could not start: ${describeError(error)}.`);
    app.exit(1);
  });
  app.on('second-instance', () => {
    running.then(
      ({ windows }) => windows[0]?.window.focus(),
      () => undefined,
    );
  });
  quitCleanly(running);
}

main();
