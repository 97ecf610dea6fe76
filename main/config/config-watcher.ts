/**
 * Reloads `returns-wall.json` when it changes. The folder is watched rather than the file,
 * because editors save by writing a new file and renaming it over the old one, which a
 * watch on the file itself stops seeing. Bursts of events are debounced into one read; an
 * invalid edit is logged with its field and the last good config stays in force.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { WallConfig } from '../../shared/config.js';
import { describeError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import { loadConfig } from './config-file.js';

const log = createLogger('Config');

export interface ConfigWatchOptions {
  /** The config in force now; a reload that yields the same config is not reported. */
  readonly current: WallConfig;
  readonly onChange: (config: WallConfig) => void;
  /** Called with the error when an edit is refused (after it is logged). */
  readonly onInvalid?: (error: unknown) => void;
  readonly debounceMs?: number;
}

export interface ConfigWatcher {
  close(): void;
}

class FolderConfigWatcher implements ConfigWatcher {
  private last: string;
  private timer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly options: ConfigWatchOptions,
  ) {
    this.last = JSON.stringify(options.current);
  }

  start(): void {
    const folder = dirname(this.path);
    if (!existsSync(folder)) {
      // TODO: a config folder created after start (first-time setup while the wall runs) is not
      // noticed until a restart; watching the nearest existing parent until it appears would fix it.
      log.info(`Not watching ${this.path} for changes: its folder does not exist.`);
      return;
    }
    const name = basename(this.path);
    this.watcher = watch(folder, { persistent: true }, (_event, file) => {
      if (file === null || file === name) this.schedule();
    });
    this.watcher.on('error', (error) => log.warn(`Watching ${folder} failed: ${describeError(error)}.`));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.options.debounceMs ?? 250);
  }

  private async reload(): Promise<void> {
    try {
      const { config, path } = await loadConfig(this.path, true);
      const text = JSON.stringify(config);
      if (this.closed || text === this.last) return;

      this.last = text;
      log.info(`Reloaded the config from ${path ?? this.path}.`);
      this.options.onChange(config);
    } catch (error) {
      if (this.closed) return;
      log.warn(`Kept the last good config: ${describeError(error)}.`);
      this.options.onInvalid?.(error);
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}

/** Starts watching `path`; call `close()` to stop every watcher and timer it holds. */
export function watchConfig(path: string, options: ConfigWatchOptions): ConfigWatcher {
  const watcher = new FolderConfigWatcher(path, options);
  watcher.start();
  return watcher;
}
