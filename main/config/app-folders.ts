/**
 * Where Returns Wall keeps its config, its cache and its logs, by the conventions of each
 * platform. Pure, so it can be tested for every platform on any machine.
 */
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export const CONFIG_FILE_NAME = 'returns-wall.json';

export interface AppFolders {
  /** Holds `returns-wall.json`. */
  readonly config: string;
  /** Holds the offline cache. */
  readonly data: string;
  /** Holds `returns-wall.log`. */
  readonly logs: string;
}

export interface FolderContext {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
}

const LINUX_NAME = 'returns-wall';
const PRODUCT_NAME = 'Returns Wall';

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function windowsFolders({ env, home }: FolderContext): AppFolders {
  const roaming = nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming');
  const local = nonEmpty(env.LOCALAPPDATA) ?? win32.join(home, 'AppData', 'Local');
  const data = win32.join(local, PRODUCT_NAME);
  return { config: win32.join(roaming, PRODUCT_NAME), data, logs: win32.join(data, 'logs') };
}

function macFolders({ home }: FolderContext): AppFolders {
  const support = join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return { config: support, data: support, logs: join(home, 'Library', 'Logs', PRODUCT_NAME) };
}

/** The XDG base directories, with their documented fallbacks when unset or empty. */
function xdgFolders({ env, home }: FolderContext): AppFolders {
  const config = nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config');
  const data = nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share');
  const state = nonEmpty(env.XDG_STATE_HOME) ?? join(home, '.local', 'state');
  return {
    config: join(config, LINUX_NAME),
    data: join(data, LINUX_NAME),
    logs: join(state, LINUX_NAME, 'logs'),
  };
}

export function appFolders(context: FolderContext = currentContext()): AppFolders {
  if (context.platform === 'win32') return windowsFolders(context);
  if (context.platform === 'darwin') return macFolders(context);
  return xdgFolders(context);
}

export function currentContext(): FolderContext {
  return { platform: process.platform, env: process.env, home: homedir() };
}

/** `returns-wall.json` in the platform's config folder. */
export function defaultConfigPath(context: FolderContext = currentContext()): string {
  const folders = appFolders(context);
  return context.platform === 'win32'
    ? win32.join(folders.config, CONFIG_FILE_NAME)
    : join(folders.config, CONFIG_FILE_NAME);
}
