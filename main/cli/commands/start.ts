import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { KIOSK_FLAGS, kioskArgs, kioskOptionsFrom } from '../../kiosk/kiosk-flags.js';
import type { KioskOptions } from '../../kiosk/kiosk.js';
import { createLogger } from '../../logging/logger.js';
import { BUILT_RENDERER_DIR, PROJECT_ROOT } from '../../project-root.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/wall-server.js';
import { type Command, parseFlags } from '../command.js';
import { serve } from './serve.js';

const log = createLogger('Start');

/** The compiled Electron main process, as `npm run build` writes it. */
export const ELECTRON_MAIN = join(PROJECT_ROOT, 'out', 'main', 'electron', 'main.js');

/**
 * Electron's binary, or null when it is not installed. Found through the package's
 * `path.txt`, never by requiring `electron`: its index downloads the binary when missing.
 */
export function findElectronBinary(from: string = import.meta.url): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;

  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const PRELOAD = join(PROJECT_ROOT, 'out', 'preload', 'preload.cjs');
const RENDERER_INDEX = join(BUILT_RENDERER_DIR, 'index.html');

function isKioskBuilt(): boolean {
  return [ELECTRON_MAIN, PRELOAD, RENDERER_INDEX].every((file) => existsSync(file));
}

function npmRun(script: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** Null when the build succeeded, else the npm script that failed. */
async function buildKiosk(): Promise<string | null> {
  for (const script of ['build:renderer', 'build:main', 'build:preload']) {
    if (!(await npmRun(script))) return script;
  }
  return null;
}

function runElectron(binary: string, options: KioskOptions): Promise<number> {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron act as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [ELECTRON_MAIN, ...kioskArgs(options)], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);

  return new Promise((resolve) => {
    const finish = (code: number) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (error) => {
      log.error(`Electron could not be started from ${binary}: ${error.message}.`);
      finish(1);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal === null ? 1 : 0)));
  });
}

export const startCommand: Command = {
  name: 'start',
  usage: 'returns-wall start [--config FILE] [--data-dir DIR] [--api-base URL]',
  async run(argv) {
    const options = kioskOptionsFrom(parseFlags(argv, KIOSK_FLAGS));
    const binary = findElectronBinary();
    if (binary === null) {
      process.stderr.write(
        "Electron's binary is not installed (`npx install-electron` fetches it): running browser mode instead.\n",
      );
      return serve({ kiosk: options, host: DEFAULT_HOST, port: DEFAULT_PORT });
    }
    if (!isKioskBuilt()) {
      log.info(
        'The kiosk is not built yet: building it now (as `npm run build` does, without the typecheck).',
      );
      const failed = await buildKiosk();
      if (failed !== null) {
        process.stderr.write(`Building the kiosk failed at \`npm run ${failed}\`: run it to see why.\n`);
        return 1;
      }
    }
    log.info(`Starting the kiosk with ${binary}.`);
    return runElectron(binary, options);
  },
};
