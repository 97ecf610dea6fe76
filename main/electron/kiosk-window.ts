/**
 * One full-screen kiosk window on one display: created hidden and shown when ready, fed a
 * snapshot on every load and then only the changes, and brought back (reloaded, put back
 * on its display, full screen again) when its renderer crashes or hangs.
 */
import { BrowserWindow, type Display } from 'electron';
import { describeError } from '../../shared/errors.js';
import { WallChannel, type WallMessage } from '../../shared/ipc.js';
import type { WallMessageSource } from '../kiosk/wall-hub.js';
import { createLogger } from '../logging/logger.js';
import { RENDERER_URL } from './sender-check.js';
import { kioskWindowOptions } from './window-options.js';

const log = createLogger('KioskWindow');

const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';
/** How long a hung renderer gets to recover before it is killed and reloaded. */
const HUNG_GRACE_MS = 10_000;
/** A pause before reloading a crashed renderer, so a crash loop cannot spin the CPU. */
const RELOAD_DELAY_MS = 1_000;

export interface KioskWindowOptions {
  readonly display: Display;
  readonly preloadPath: string;
  readonly source: WallMessageSource;
}

export class KioskWindow {
  readonly window: BrowserWindow;
  private loaded = false;
  private closed = false;
  private hungTimer: NodeJS.Timeout | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: KioskWindowOptions) {
    const bounds = options.display.bounds;
    this.window = new BrowserWindow(kioskWindowOptions({ bounds, preloadPath: options.preloadPath }));
    this.unsubscribe = options.source.subscribe((message) => this.forward(message));
    this.watchLifecycle();
  }

  get webContentsId(): number {
    return this.window.webContents.id;
  }

  load(): void {
    this.loaded = false;
    this.window.loadURL(RENDERER_URL).catch((error: unknown) => {
      log.error(`Loading the wall on display ${this.options.display.id} failed: ${describeError(error)}.`);
      this.scheduleReload('the page failed to load');
    });
  }

  private watchLifecycle(): void {
    const contents = this.window.webContents;
    this.window.once('ready-to-show', () => this.window.show());
    contents.on('did-finish-load', () => this.onLoaded());
    contents.on('render-process-gone', (_event, details) => {
      this.loaded = false;
      this.scheduleReload(`the renderer is gone (${details.reason}, exit code ${details.exitCode})`);
    });
    this.window.on('unresponsive', () => this.onHung());
    this.window.on('responsive', () => clearTimeout(this.hungTimer));
  }

  private onLoaded(): void {
    this.loaded = true;
    this.restorePlacement();
    this.window.webContents.insertCSS(HIDE_CURSOR_CSS).catch((error: unknown) => {
      log.warn(`Hiding the cursor failed: ${describeError(error)}.`);
    });
    try {
      const snapshot = this.options.source.snapshot();
      if (snapshot) this.send(snapshot);
    } catch (error) {
      log.error(`Sending a snapshot to display ${this.options.display.id} failed: ${describeError(error)}.`);
    }
  }

  private onHung(): void {
    log.warn(`The wall on display ${this.options.display.id} stopped responding.`);
    clearTimeout(this.hungTimer);
    this.hungTimer = setTimeout(() => {
      log.error(`The wall on display ${this.options.display.id} is still hung; restarting its renderer.`);
      this.window.webContents.forcefullyCrashRenderer();
      this.scheduleReload('it hung');
    }, HUNG_GRACE_MS);
  }

  private scheduleReload(reason: string): void {
    if (this.closed) return;
    log.warn(`Reloading the wall on display ${this.options.display.id}: ${reason}.`);
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.load(), RELOAD_DELAY_MS);
  }

  /** Back on its own display, full screen, whatever a crash or the operator did. */
  private restorePlacement(): void {
    this.window.setBounds(this.options.display.bounds);
    if (!this.window.isFullScreen()) this.window.setFullScreen(true);
  }

  // Until the page has loaded, the snapshot it gets on load carries everything.
  private forward(message: WallMessage): void {
    if (this.loaded && !this.closed) this.send(message);
  }

  private send(message: WallMessage): void {
    if (this.window.isDestroyed()) return;
    this.window.webContents.send(WallChannel[message.type], message);
  }

  toggleFullScreen(): void {
    this.window.setFullScreen(!this.window.isFullScreen());
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.hungTimer);
    clearTimeout(this.reloadTimer);
    this.unsubscribe();
    if (!this.window.isDestroyed()) this.window.destroy();
  }
}
