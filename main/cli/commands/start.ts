import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIOSK_FLAGS, kioskArgs, kioskOptionsFrom } from '../../kiosk/kiosk-flags.js';
import type { KioskOptions } from '../../kiosk/kiosk.js';
import { createLogger } from '../../logging/logger.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/wall-server.js';
import { type Command, parseFlags } from '../command.js';
import { serve } from './serve.js';

const log = createLogger('Start');

/** The compiled Electron main process, as `npm run build` writes it. */
export const ELECTRON_MAIN = fileURLToPath(new URL('../../../out/main/electron/main.js', import.meta.url));

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
  summary: 'the kiosk in Electron (browser mode where the Electron binary is not installed)',
  usage: 'returns-wall start [--config FILE] [--data-dir DIR] [--api-base URL]',
  async run(argv) {
    const options = kioskOptionsFrom(parseFlags(argv, KIOSK_FLAGS));
    const binary = findElectronBinary();
    if (binary === null) {
      process.stderr.write(
        "Electron's binary is not installed here, so the wall runs in browser mode instead.\n",
      );
      return serve({ kiosk: options, host: DEFAULT_HOST, port: DEFAULT_PORT });
    }
    if (!existsSync(ELECTRON_MAIN)) {
      process.stderr.write(`The kiosk is not built (no ${ELECTRON_MAIN}): run \`npm run build\` first.\n`);
      return 1;
    }
    log.info(`Starting the kiosk with ${binary}.`);
    return runElectron(binary, options);
  },
};
