import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from '../../../main/electron/window-options.js';

const options = kioskWindowOptions({
  bounds: { x: 1920, y: 0, width: 3840, height: 2160 },
  preloadPath: '/app/out/preload/preload.cjs',
});

describe('the kiosk window options', () => {
  it('keep the renderer isolated, sandboxed and without Node', () => {
    expect(options.webPreferences?.contextIsolation).toBe(true);
    expect(options.webPreferences?.sandbox).toBe(true);
    expect(options.webPreferences?.nodeIntegration).toBe(false);
    expect(options.webPreferences?.nodeIntegrationInWorker).toBe(false);
    expect(options.webPreferences?.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keep web security on and refuse insecure content and webviews', () => {
    expect(options.webPreferences?.webSecurity).toBe(true);
    expect(options.webPreferences?.allowRunningInsecureContent).toBe(false);
    expect(options.webPreferences?.webviewTag).toBe(false);
  });

  it('load only the bundled preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/preload.cjs');
  });

  it('start hidden and cover the whole display, full screen', () => {
    expect(options.show).toBe(false);
    expect(options.fullscreen).toBe(true);
    expect(options.kiosk).toBe(true);
    expect(options.frame).toBe(false);
    expect([options.x, options.y, options.width, options.height]).toEqual([1920, 0, 3840, 2160]);
  });
});
