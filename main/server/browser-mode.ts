/**
 * Browser mode as one unit: the kiosk (config, feed, hub) and the HTTP server in front of
 * it, listening while the kiosk starts. `returns-wall serve` runs it until a signal; the end-to-end tests start it with port 0.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReturnsWallError } from '../../shared/errors.js';
import { type Kiosk, type KioskDependencies, type KioskOptions, startKiosk } from '../kiosk/kiosk.js';
import { createLogger } from '../logging/logger.js';
import { BUILT_RENDERER_DIR } from '../project-root.js';
import { StartingSource } from './starting-source.js';
import { DEFAULT_HOST, DEFAULT_PORT, startWallServer, type WallServer } from './wall-server.js';

const log = createLogger('BrowserMode');

export { BUILT_RENDERER_DIR };

/** The built renderer is missing; the message says how to build it. */
export class RendererNotBuiltError extends ReturnsWallError {
  constructor(readonly rendererDir: string) {
    super(
      `The renderer is not built (no ${join(rendererDir, 'index.html')}): run \`npm run build:renderer\``,
    );
  }
}

/** Browser mode's server could not start (most often: the port is taken). */
export class BrowserModeError extends ReturnsWallError {}

export interface BrowserModeOptions {
  readonly kiosk: KioskOptions;
  readonly dependencies: KioskDependencies;
  readonly host?: string;
  readonly port?: number;
  readonly rendererDir?: string;
  readonly heartbeatMs?: number;
  /** Told the URL once the server listens, before the kiosk has started. */
  readonly onListening?: (url: string) => void;
}

export interface BrowserMode {
  readonly url: string;
  readonly kiosk: Kiosk;
  readonly server: WallServer;
  stop(): Promise<void>;
}

export function isRendererBuilt(rendererDir: string = BUILT_RENDERER_DIR): boolean {
  return existsSync(join(rendererDir, 'index.html'));
}

/**
 * Listens first, then starts the kiosk: a browser loads the page while the config is checked
 * and the cache loaded, and gets its snapshot the moment the kiosk is ready (StartingSource).
 * `onListening` hears the URL as soon as there is one.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const rendererDir = options.rendererDir ?? BUILT_RENDERER_DIR;
  if (!isRendererBuilt(rendererDir)) throw new RendererNotBuiltError(rendererDir);

  const source = new StartingSource();
  const server = await listen(options, source, rendererDir);
  options.onListening?.(server.url);
  let kiosk: Kiosk;
  try {
    kiosk = await startKiosk(options.kiosk, options.dependencies);
  } catch (error) {
    await server.close();
    throw error;
  }
  source.ready(kiosk.hub);

  return {
    url: server.url,
    kiosk,
    server,
    stop: async () => {
      await server.close();
      await kiosk.stop();
      log.info('Browser mode stopped.');
    },
  };
}

async function listen(
  options: BrowserModeOptions,
  source: StartingSource,
  rendererDir: string,
): Promise<WallServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  try {
    return await startWallServer({
      source,
      rendererDir,
      host,
      port,
      ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
    });
  } catch (error) {
    const hint = port === 0 ? '' : ` (is the port taken? --port picks another)`;
    throw new BrowserModeError(`Listening on ${host}:${port} for browser mode failed${hint}`, {
      cause: error,
    });
  }
}
