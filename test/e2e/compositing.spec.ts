/**
 * What a board change costs Chromium without a GPU depends on how many compositor layers it
 * redraws: the board and the REHEARSAL watermark must paint into the page's own layer. When
 * the watermark had a layer of its own (it was `position: fixed`), the board above it got one
 * too, and every board change blended three 4K layers in software (`npm run bench`,
 * `render-4k-transitions-*`). Chromium's layer tree is read over CDP.
 */
import { expect, type Page, test } from '@playwright/test';
import { startWallUnderTest, type WallUnderTest } from './wall-under-test.js';

interface Layer {
  readonly layerId: string;
  readonly drawsContent: boolean;
  readonly backendNodeId?: number;
}

let wall: WallUnderTest;

test.beforeAll(async () => {
  wall = await startWallUnderTest({
    boards: (ballot) => ballot.statewideRaceIds.slice(0, 2).map((race) => ({ race, dwellSeconds: 3600 })),
  });
});

test.afterAll(async () => {
  await wall.stop();
});

/** The layers that draw content, after a board change has been composited. */
async function contentLayersAfterABoardChange(page: Page): Promise<Layer[]> {
  const session = await page.context().newCDPSession(page);
  let layers: Layer[] = [];
  session.on('LayerTree.layerTreeDidChange', (event: { layers?: Layer[] }) => {
    if (event.layers) layers = event.layers;
  });
  await session.send('LayerTree.enable');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('section.board')).toHaveAttribute('data-board-index', '1');
  // Two animation frames: the change is painted and its layer tree reported.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await expect.poll(() => layers.length).toBeGreaterThan(0);
  return layers.filter((layer) => layer.drawsContent && layer.backendNodeId !== undefined);
}

test('a 4K board paints with the REHEARSAL watermark into the page layer, not layers of their own', async ({
  page,
}) => {
  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.goto(wall.url);
  await expect(page.getByText('REHEARSAL')).toBeVisible();
  await expect(page.locator('section.board')).toBeVisible();

  const layers = await contentLayersAfterABoardChange(page);

  // The document's own scrolling contents, and nothing for the board or the watermark.
  expect(layers).toHaveLength(1);
});
