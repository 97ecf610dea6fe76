/**
 * Debian's Chromium for the wall's benchmarks, launched the way the end-to-end tests launch
 * it, with a CDP session per page for Chromium's own performance counters.
 */
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

export { CHROMIUM_PATH };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

export const TV_1080P: PageSize = { width: 1920, height: 1080 };
export const TV_4K: PageSize = { width: 3840, height: 2160 };

export async function openPage(browser: Browser, size: PageSize = TV_1080P): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  return context.newPage();
}

/** Chromium's cumulative counters (`Performance.getMetrics`): ScriptDuration, LayoutDuration, ... */
export async function chromiumMetrics(session: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

export async function metricsSession(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return session;
}

/** The renderer process's JavaScript heap in use, in bytes. */
export async function pageHeapBytes(session: CDPSession): Promise<number> {
  return (await chromiumMetrics(session)).get('JSHeapUsedSize') ?? 0;
}
