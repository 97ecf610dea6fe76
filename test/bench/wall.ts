/**
 * The wall's figures in Chromium (`npx tsx test/bench/wall.ts`, also run by `npm run bench`):
 * freshness, cold start, update cost and rendering. Needs the built renderer.
 */
import { replaceLogSinks } from '../../main/logging/logger.js';
import { isRendererBuilt } from '../../main/server/browser-mode.js';
import { launchChromium } from './chromium.js';
import { benchColdStart } from './cold-start.js';
import { benchFreshness } from './freshness.js';
import { benchRendering } from './rendering.js';
import { benchUpdateCost } from './update-cost.js';

export async function runWallBenches(only: readonly string[] = []): Promise<void> {
  if (!isRendererBuilt()) throw new Error('The renderer is not built: run `npm run build:renderer` first');
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const restoreLogs = replaceLogSinks();
  const browser = await launchChromium();
  try {
    if (wanted('freshness')) await benchFreshness(browser);
    if (wanted('cold-start')) await benchColdStart(browser);
    if (wanted('update-cost')) await benchUpdateCost(browser);
    if (wanted('rendering')) await benchRendering(browser);
  } finally {
    await browser.close();
    restoreLogs();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await runWallBenches(process.argv.slice(2));
