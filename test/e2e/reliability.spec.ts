/**
 * What the screen does when the feed breaks, end to end in Chromium: the last good numbers
 * stay up marked STALE and update again once the feed is back, for every case of the fault
 * matrix that must keep them (test/main/reliability/fault-cases.ts). And the two
 * degraded starts: no feed and no cache, and a cache but no feed.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import type { BrowserMode } from '../../main/server/browser-mode.js';
import { type FaultRule, startRehearsalFeed } from '../../main/sim/index.js';
import { FAULT_CASES, type MatrixCase } from '../main/reliability/fault-cases.js';
import { startWallUnderTest, type WallUnderTest } from './wall-under-test.js';
import { wallFolder, type WallFolder } from './wall-on-disk.js';

const board = (page: Page) => page.locator('section.board');
const stale = (page: Page) => page.getByText('STALE', { exact: true });
const votesShown = (page: Page) => board(page).locator('td.votes').allTextContents();

/**
 * Every case of the fault matrix in which the wall must keep its last good numbers, fitted to
 * a screen test that moves the sim's clock on while the fault lasts: a Retry-After is
 * shortened so recovery fits a test's wait, and an older load reaches back past that move (to
 * the night's first load) so it stays older than the newest seen.
 */
const SCREEN_FAULTS: readonly MatrixCase[] = FAULT_CASES.filter((c) => c.outcome === 'kept').map((c) => ({
  ...c,
  ...(c.rule ? { rule: forScreen(c.rule) } : {}),
}));

function forScreen(rule: FaultRule): FaultRule {
  if (rule.kind === 'status' && rule.retryAfterSeconds !== undefined)
    return { ...rule, retryAfterSeconds: 1 };
  if (rule.kind === 'stale') return { ...rule, loadsBack: 10_000 };
  return rule;
}

/**
 * Moves the sim's clock to its next load that changes the race's votes, so the feed, once
 * healthy, has newer numbers to show. Each case moves on from where the last one left the
 * night; a fixed jump would run past the night's last change within a spec run.
 */
function advanceToNewVotes(wall: WallUnderTest, raceId: string): void {
  const votes = () => JSON.stringify(wall.sim.resultsFor(raceId).candidates.map((c) => c.votes));
  const now = votes();
  for (const at of wall.sim.loadTimes.slice(wall.sim.loadIndex() + 1)) {
    wall.sim.setClock(at);
    if (votes() !== now) return;
  }
  throw new Error(`The rehearsal night has no later load that moves race ${raceId}`);
}

async function inject(wall: WallUnderTest, fault: MatrixCase): Promise<void> {
  if (fault.refused) await wall.door.refuse();
  if (fault.rule) wall.sim.setFaults([fault.rule]);
}

/**
 * Waits out two more polls under the fault: two answers from the sim, or, where nothing is
 * answered (refused at the door, or held until the 2 s request timeout), two cycles' time.
 */
async function twoMorePolls(wall: WallUnderTest, fault: MatrixCase): Promise<void> {
  const unanswered = fault.refused ? 2_500 : fault.rule?.kind === 'hang' ? 5_000 : 0;
  if (unanswered > 0) {
    await new Promise((resolve) => setTimeout(resolve, unanswered));
    return;
  }
  const answered = wall.sim.stats().answered;
  await expect.poll(() => wall.sim.stats().answered, { timeout: 10_000 }).toBeGreaterThan(answered + 1);
}

test.describe('the screen through feed faults', () => {
  let wall: WallUnderTest;
  let raceId: string;

  test.beforeAll(async () => {
    wall = await startWallUnderTest({
      // Two races that share one query, so a broken answer breaks every board at once.
      boards: (ballot) => {
        raceId = ballot.statewideRaceIds[0] ?? '';
        return [{ race: raceId }, { race: ballot.statewideRaceIds[1] ?? '' }];
      },
    });
  });

  test.afterAll(async () => {
    await wall.stop();
  });

  // eslint-disable-next-line no-empty-pattern -- Playwright insists on a destructured fixtures argument.
  test.afterEach(async ({}, testInfo) => {
    wall.sim.setFaults([]);
    await wall.door.accept();
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('wall.log', { body: wall.log.join('\n') });
  });

  for (const fault of SCREEN_FAULTS) {
    test(`${fault.name}: the last good numbers stay up marked STALE, then update`, async ({ page }) => {
      wall.sim.setSpeed(0);
      await page.goto(wall.url);
      await expect(board(page)).toBeVisible();
      // Pinned to the first board: rotation must not swap the numbers under the test.
      await page.keyboard.press('1');
      await expect(page.getByText('PINNED', { exact: true })).toBeVisible();
      await expect(board(page)).toHaveAttribute('data-race-id', raceId);
      const expected = wall.sim.resultsFor(raceId).candidates.map((c) => c.votes.toLocaleString('en-US'));
      await expect.poll(async () => (await votesShown(page)).sort()).toEqual([...expected].sort());
      const before = await votesShown(page);

      await inject(wall, fault);
      await expect(stale(page)).toBeVisible({ timeout: 10_000 });
      // The feed would now serve newer numbers, were it healthy; two more polls answer faulty.
      advanceToNewVotes(wall, raceId);
      await twoMorePolls(wall, fault);
      expect(await votesShown(page)).toEqual(before);
      await expect(stale(page)).toBeVisible();

      wall.sim.setFaults([]);
      await wall.door.accept();
      await expect(stale(page)).toBeHidden({ timeout: 10_000 });
      const after = wall.sim.resultsFor(raceId).candidates.map((c) => c.votes.toLocaleString('en-US'));
      await expect.poll(async () => (await votesShown(page)).sort()).toEqual([...after].sort());
      expect(after).not.toEqual(expected);
    });
  }
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.describe('degraded starts', () => {
  let folder: WallFolder;
  let mode: BrowserMode | undefined;

  test.beforeEach(() => {
    folder = wallFolder();
  });

  // eslint-disable-next-line no-empty-pattern -- Playwright insists on a destructured fixtures argument.
  test.afterEach(async ({}, testInfo) => {
    await mode?.stop();
    mode = undefined;
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('wall.log', { body: folder.log.join('\n') });
    folder.remove();
  });

  test('no feed and no cache: a waiting screen that says the feed is offline and why', async ({ page }) => {
    const apiBase = `http://127.0.0.1:${await closedPort()}`;
    mode = await folder.start(apiBase, ['02000000000059']);

    await page.goto(mode.url);

    await expect(page.getByText('Waiting for results')).toBeVisible();
    await expect(stale(page)).toBeVisible();
    await expect(page.getByText('offline', { exact: true })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText(/ECONNREFUSED/)).toBeVisible();
    await expect(page.getByText(`rehearsal (${apiBase})`, { exact: true })).toBeVisible();
  });

  test('a cache but no feed: the cached boards, marked STALE with their age', async ({ page }) => {
    const sim = await startRehearsalFeed({ seed: 5, speed: 0, at: '22:00', port: 0 });
    const raceId = sim.ballot.statewideRaceIds[0] ?? '';
    const served = sim.resultsFor(raceId).candidates.map((c) => c.votes.toLocaleString('en-US'));
    mode = await folder.start(sim.url, [raceId]);
    await page.goto(mode.url);
    await expect.poll(async () => (await votesShown(page)).sort()).toEqual([...served].sort());
    await mode.stop();
    await sim.close();

    mode = await folder.start(sim.url, [raceId]);
    await page.goto(mode.url);

    await expect.poll(async () => (await votesShown(page)).sort()).toEqual([...served].sort());
    await expect(stale(page)).toBeVisible();
    await expect(board(page).getByText(/^cached .+ ago$/)).toBeVisible();
  });
});
