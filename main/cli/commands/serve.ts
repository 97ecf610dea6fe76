import { join } from 'node:path';
import { ReturnsWallError } from '../../../shared/errors.js';
import { appFolders } from '../../config/app-folders.js';
import { KIOSK_FLAGS, kioskOptionsFrom } from '../../kiosk/kiosk-flags.js';
import type { KioskOptions } from '../../kiosk/kiosk.js';
import { realKioskDependencies } from '../../kiosk/real-dependencies.js';
import { addLogSink, createLogger, fileSink } from '../../logging/logger.js';
import { PROJECT_ROOT } from '../../project-root.js';
import { BUILT_RENDERER_DIR, isRendererBuilt, startBrowserMode } from '../../server/browser-mode.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/wall-server.js';
import { type Command, numberFlag, parseFlags, UsageError, untilSignal } from '../command.js';

const log = createLogger('Serve');

/** Builds the renderer with Vite's API (not `npx vite`, which can hang at exit as a child). */
async function buildRenderer(): Promise<void> {
  log.info('The renderer is not built: building it now (as `npm run build:renderer` does).');
  try {
    const { build } = await import('vite');
    await build({
      // From the project root: this module also runs compiled, from out/main/cli/commands.
      configFile: join(PROJECT_ROOT, 'renderer', 'vite.config.ts'),
      logLevel: 'warn',
    });
  } catch (error) {
    throw new ReturnsWallError(
      'Building the renderer failed: run `npm run build:renderer` and read its errors',
      {
        cause: error,
      },
    );
  }
}

export interface ServeSettings {
  readonly kiosk: KioskOptions;
  readonly host: string;
  readonly port: number;
}

/** Browser mode until Ctrl+C or SIGTERM. Also what `start` falls back to without Electron. */
export async function serve(settings: ServeSettings): Promise<number> {
  const logFile = join(appFolders().logs, 'returns-wall.log');
  const removeSink = addLogSink(fileSink(logFile));
  try {
    return await serveUntilSignal(settings, logFile);
  } finally {
    removeSink();
  }
}

async function serveUntilSignal(settings: ServeSettings, logFile: string): Promise<number> {
  if (!isRendererBuilt(BUILT_RENDERER_DIR)) await buildRenderer();
  // The URL is out as soon as the server listens: a browser opened then loads the page while
  // the config and cache are read, and shows the first board the moment they are.
  const mode = await startBrowserMode({
    kiosk: settings.kiosk,
    dependencies: realKioskDependencies,
    host: settings.host,
    port: settings.port,
    onListening: (url) => {
      if (settings.host !== '127.0.0.1' && settings.host !== 'localhost' && settings.host !== '::1') {
        log.warn(`Serving to the network on ${settings.host}: anyone who can reach it can watch the wall.`);
      }
      process.stdout.write(`Returns Wall is on ${url} - open it in a browser (Ctrl+C stops).\n`);
    },
  });
  log.info(`Logging to ${logFile}.`);

  const signal = await untilSignal();
  log.info(`Stopping on ${signal}.`);
  await mode.stop();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  usage:
    'returns-wall serve [--port 4173] [--host 127.0.0.1] [--config FILE] [--data-dir DIR] [--api-base URL]',
  async run(argv) {
    const flags = parseFlags(argv, { ...KIOSK_FLAGS, port: { type: 'string' }, host: { type: 'string' } });
    const host = flags.host ?? DEFAULT_HOST;
    if (host === '') throw new UsageError('--host needs a value');
    const port = numberFlag('port', flags.port, DEFAULT_PORT, 0, 65_535);
    return serve({ kiosk: kioskOptionsFrom(flags), host, port });
  },
};
