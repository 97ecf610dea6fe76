/**
 * The wall end to end in Chromium: browser mode (the real feed engine, cache and SSE)
 * polling the real rehearsal feed, the built renderer on screen.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { startWallUnderTest, type WallUnderTest } from './wall-under-test.js';

const ARTIFACTS = 'test/artifacts';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
// Page-side checks as expressions: this project's Node tsconfig has no DOM types.
const IS_FULLSCREEN = 'document.fullscreenElement !== null';
const OVERFLOWS = 'document.documentElement.scrollWidth > window.innerWidth';

let wall: WallUnderTest;
let governor: string;
let boardIds: string[];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  wall = await startWallUnderTest({
    boards: (ballot) => {
      const [first = '', second = '', , fourth = ''] = ballot.statewideRaceIds;
      const proposition = ballot.propositions[0]?.raceId ?? '';
      governor = first;
      boardIds = [first, second, proposition, fourth];
      // The last board holds for an hour: rotation must stop there.
      return [{ race: first }, { race: second }, { race: proposition }, { race: fourth, dwellSeconds: 3600 }];
    },
  });
});

test.afterAll(async () => {
  await wall.stop();
});

// eslint-disable-next-line no-empty-pattern -- Playwright insists on a destructured fixtures argument.
test.afterEach(async ({}, testInfo) => {
  wall.sim.setFaults([]);
  wall.sim.setSpeed(60);
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('wall.log', { body: wall.log.join('\n') });
});

const board = (page: Page) => page.locator('section.board');

async function openWall(page: Page): Promise<void> {
  await page.goto(wall.url);
  await expect(board(page)).toBeVisible();
}

async function expectBoard(page: Page, index: number): Promise<void> {
  await expect(board(page)).toHaveAttribute('data-board-index', String(index));
  await expect(board(page)).toHaveAttribute('data-race-id', boardIds[index] ?? '');
}

test('boards rotate in the configured order, each for its own dwell', async ({ page }) => {
  await openWall(page);
  for (const index of [0, 1, 2, 3]) await expectBoard(page, index);

  // Two default dwells pass; the board configured for an hour is still up.
  await page.waitForTimeout(2500);
  await expectBoard(page, 3);
  await expect(page.getByLabel('Board 4 of 4')).toBeVisible();
});

test('the page runs under its CSP with no violation and no error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (answer) => {
    if (answer.status() >= 400) problems.push(`${answer.status()} for ${answer.url()}`);
  });
  const response = await page.goto(wall.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(board(page).locator('td.votes').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('each key does what the keyboard map says', async ({ page }) => {
  await openWall(page);
  await page.keyboard.press('3');
  await expectBoard(page, 2);
  await expect(page.getByText('PINNED', { exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByText('PINNED', { exact: true })).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page.getByText('PAUSED', { exact: true })).toBeVisible();
  const paused = Number(await board(page).getAttribute('data-board-index'));

  await page.keyboard.press('ArrowRight');
  await expectBoard(page, (paused + 1) % 4);
  await page.keyboard.press('ArrowLeft');
  await expectBoard(page, paused);
  await page.keyboard.press('p');
  await expect(page.getByText('PINNED', { exact: true })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByText('PINNED', { exact: true })).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page.getByText('PAUSED', { exact: true })).toBeHidden();

  await page.keyboard.press('s');
  await expect(page.getByRole('dialog', { name: 'Feed status' })).toBeVisible();
  await page.keyboard.press('s');
  await expect(page.getByRole('dialog', { name: 'Feed status' })).toBeHidden();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard help' })).toContainText('Pause / resume rotation');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard help' })).toBeHidden();

  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(IS_FULLSCREEN)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(IS_FULLSCREEN)).toBe(false);

  // Browser mode has nothing to quit: the page stays up and keeps its board.
  await page.keyboard.press('Control+q');
  await expect(board(page)).toBeVisible();
});

test('the numbers on screen equal what the feed served', async ({ page }) => {
  await openWall(page);
  await page.keyboard.press('1');
  await expectBoard(page, 0);
  wall.sim.setSpeed(0);
  const served = wall.sim.resultsFor(governor);

  // One row a candidate: the rows with a row header (the column headings have none).
  const rows = board(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(served.candidates.length);
  for (const candidate of served.candidates) {
    const row = rows.filter({ has: page.getByText(candidate.name, { exact: true }) });
    await expect(row.locator('td.votes')).toHaveText(candidate.votes.toLocaleString('en-US'));
  }
  const precincts = `${served.precincts.toLocaleString('en-US')} of ${served.precinctsTotal.toLocaleString('en-US')} precincts`;
  await expect(board(page).getByText(precincts)).toBeVisible();
});

test('the STALE badge appears when the feed stops, and clears when it comes back', async ({ page }) => {
  await openWall(page);
  await page.keyboard.press('1');
  await expect(page.getByText('STALE', { exact: true })).toBeHidden();

  wall.sim.setFaults([{ kind: 'status', status: 503 }]);
  await expect(page.getByText('STALE', { exact: true })).toBeVisible({ timeout: 20_000 });

  wall.sim.setFaults([]);
  await expect(page.getByText('STALE', { exact: true })).toBeHidden({ timeout: 20_000 });
});

test('screenshots at 1920x1080 and 3840x2160 are kept', async ({ page }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await openWall(page);
  await page.keyboard.press('1');
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(board(page).locator('td.votes').first()).toBeVisible();
    const path = `${ARTIFACTS}/wall-${width}x${height}.png`;
    await page.screenshot({ path });
    const overflows = await page.evaluate<boolean>(OVERFLOWS);
    expect(overflows, `the wall is wider than a ${width}x${height} screen`).toBe(false);
  }
});

test.describe('a hostile candidate name', () => {
  let hostile: WallUnderTest;

  test.beforeAll(async () => {
    hostile = await startWallUnderTest({
      boards: (ballot) => [{ race: ballot.statewideRaceIds[0] ?? '' }],
      faults: [{ kind: 'hostile-names' }],
    });
  });

  test.afterAll(async () => {
    await hostile.stop();
  });

  test('shows as text and never runs', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(hostile.url);
    await expect(page.getByText(HOSTILE_NAME, { exact: true })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
});

test.describe('an edit to the config file', () => {
  let watched: WallUnderTest;
  let statewide: readonly string[];

  test.beforeAll(async () => {
    watched = await startWallUnderTest({
      watchConfig: true,
      boards: (ballot) => {
        statewide = ballot.statewideRaceIds;
        return statewide.slice(0, 2).map((race) => ({ race }));
      },
    });
  });

  test.afterAll(async () => {
    await watched.stop();
  });

  test('reaches the screen without a restart, and a broken edit changes nothing', async ({ page }) => {
    await page.goto(watched.url);
    await expect(page.getByLabel(/^Board \d of 2$/)).toBeVisible();

    watched.rewriteBoards(statewide.slice(0, 3).map((race) => ({ race })));
    await expect(page.getByLabel(/^Board \d of 3$/)).toBeVisible();

    watched.rewriteBoards([{ race: 'not a race' }]);
    await expect
      .poll(() => watched.log.some((line) => line.includes('Kept the last good config')))
      .toBe(true);
    await expect(page.getByLabel(/^Board \d of 3$/)).toBeVisible();
  });
});
