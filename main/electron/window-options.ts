/**
 * The options every kiosk window is built with, as a pure function so a test can read the
 * real options without Electron. Electron's secure defaults are spelt out rather than
 * trusted, so a change of default upstream cannot quietly weaken the wall.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface KioskWindowInput {
  /** The display's bounds: the window covers it. */
  readonly bounds: Rectangle;
  /** The bundled CommonJS preload (`out/preload/preload.cjs`). */
  readonly preloadPath: string;
}

export function kioskWindowOptions(input: KioskWindowInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    title: 'Returns Wall',
    backgroundColor: '#000000',
    // Shown on 'ready-to-show', so a TV never flashes an empty white frame.
    show: false,
    fullscreen: true,
    kiosk: true,
    frame: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A wall on air keeps animating when another window has focus.
      backgroundThrottling: false,
      devTools: false,
    },
  };
}
