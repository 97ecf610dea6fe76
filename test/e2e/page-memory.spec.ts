/**
 * The wall's page over many board changes, in Chromium: what a board leaves behind once it
 * is gone. Each board is re-created when it comes up, so anything the browser keeps per
 * board grows all night (SOAK.md, "The page's memory").
 */
import { expect, type Page, test } from '@playwright/test';
import { takeHeapSnapshot } from '../soak/heap-snapshot.js';
import { startWallUnderTest, type WallUnderTest } from './wall-under-test.js';

/** What Chromium keeps in the document's style engine for every <thead> or <tfoot> inserted. */
const MEDIA_QUERY_SET = 'blink::MediaQuerySet';
const BOARD_CHANGES = 20;

let wall: WallUnderTest;

test.beforeAll(async () => {
  // Two contest boards and a proposition: both kinds of table. Rotation is stepped by key.
  wall = await startWallUnderTest({
    boards: (ballot) => [
      { race: ballot.statewideRaceIds[0] ?? '', dwellSeconds: 3600 },
      { race: ballot.statewideRaceIds[1] ?? '', dwellSeconds: 3600 },
      { race: ballot.propositions[0]?.raceId ?? '', dwellSeconds: 3600 },
    ],
  });
});

test.afterAll(async () => {
  await wall.stop();
});

async function nextBoard(page: Page, count: number): Promise<void> {
  for (let step = 0; step < count; step++) {
    const board = page.locator('section.board');
    const before = await board.getAttribute('data-board-index');
    await page.keyboard.press('ArrowRight');
    await expect(board).not.toHaveAttribute('data-board-index', before ?? '');
  }
}

test('changing boards leaves no media-query sets behind in Chromium', async ({ page }) => {
  await page.goto(wall.url);
  await expect(page.locator('section.board')).toBeVisible();
  // Every board once first, so one-time work (templates, style rules) is done.
  await nextBoard(page, 3);
  const cdp = await page.context().newCDPSession(page);
  const before = await takeHeapSnapshot(cdp, [MEDIA_QUERY_SET]);

  await nextBoard(page, BOARD_CHANGES);
  const after = await takeHeapSnapshot(cdp, [MEDIA_QUERY_SET]);

  // With a <thead> in each board's table this grew by one a board change (20 here).
  const added =
    (after.countByName.get(MEDIA_QUERY_SET) ?? 0) - (before.countByName.get(MEDIA_QUERY_SET) ?? 0);
  expect(added).toBeLessThan(BOARD_CHANGES / 4);
});
