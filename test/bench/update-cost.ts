/**
 * Update cost, in browser mode with a wall of 5,000 races: the rehearsal ballot's 1,578 polled
 * from the rehearsal feed, the rest pushed through the hub once at start. Then:
 * - a poll whose load changes nothing: what the hub sends (updates, status messages, bytes);
 * - one race of 5,000 changes, off screen and then on screen: the bytes sent, the board
 *   updates the renderer counts (`?bench`), and the DOM mutation records under `#app`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { Race } from '../../shared/model.js';
import { startRehearsalFeed } from '../../main/sim/index.js';
import { type BenchWall, type SentMessage, startBenchWall } from './bench-wall.js';
import { openPage } from './chromium.js';
import { WATCH_VOTES } from './page-probes.js';
import { report } from './report.js';
import { warmRaces } from './warm-races.js';

/** Time for a message to reach the page and be drawn; nothing is timed against it. */
const SETTLE_MS = 600;

interface PageCounts {
  readonly boardUpdates: number;
  readonly mutations: number;
}

async function pageCounts(page: Page): Promise<PageCounts> {
  const counts = (await page.evaluate(
    '({ board: window.__returnsWallBench?.updates.Board ?? 0, mutations: window.__domMutations })',
  )) as { board: number; mutations: number };
  return { boardUpdates: counts.board, mutations: counts.mutations };
}

/** A copy with one more vote for the first candidate (or for yes), and a newer load time. */
function bumped(race: Race): Race {
  const updatedAt = new Date(Date.parse(race.updatedAt) + 60_000).toISOString().replace('Z', '+00:00');
  if (race.kind === 'measure') {
    const yes = { ...race.measure.yes, votes: race.measure.yes.votes + 1 };
    return { ...race, updatedAt, measure: { ...race.measure, yes } };
  }
  const [first, ...rest] = race.candidates;
  const candidates = first ? [{ ...first, votes: first.votes + 1 }, ...rest] : rest;
  return { ...race, updatedAt, totalVotes: race.totalVotes + 1, candidates };
}

function sentBytes(messages: readonly SentMessage[], type: SentMessage['type']): number {
  return messages.filter((message) => message.type === type).reduce((sum, message) => sum + message.bytes, 0);
}

async function measureChange(page: Page, wall: BenchWall, race: Race, name: string): Promise<void> {
  const before = await pageCounts(page);
  wall.takeSent();
  wall.feed.inject([bumped(race)]);
  await sleep(SETTLE_MS);
  const sent = wall.takeSent();
  const after = await pageCounts(page);
  report(`update-one-race-${name}-bytes`, sentBytes(sent, 'update'), 'bytes', 5 * 1024);
  const floor = name === 'on-screen' ? 1 : 0;
  report(`update-one-race-${name}-board-updates`, after.boardUpdates - before.boardUpdates, 'updates', floor);
  report(`update-one-race-${name}-dom-mutations`, after.mutations - before.mutations, 'records', null);
}

async function measureNothingChanged(page: Page, wall: BenchWall): Promise<void> {
  const before = await pageCounts(page);
  wall.takeSent();
  await wall.feed.pollOnce();
  await sleep(SETTLE_MS);
  const sent = wall.takeSent();
  const after = await pageCounts(page);
  report('update-nothing-changed-update-bytes', sentBytes(sent, 'update'), 'bytes', 0);
  report(
    'update-nothing-changed-status-messages',
    sent.filter((m) => m.type === 'status').length,
    'messages',
    0,
  );
  report('update-nothing-changed-status-bytes', sentBytes(sent, 'status'), 'bytes', 0);
  report('update-nothing-changed-board-updates', after.boardUpdates - before.boardUpdates, 'updates', 0);
}

export async function benchUpdateCost(browser: Browser): Promise<void> {
  const races = await warmRaces();
  const sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '23:30', port: 0 });
  const polled = new Set(sim.ballot.allRaceIds());
  const wall = await startBenchWall({
    apiBase: sim.url,
    boards: races.filter((race) => polled.has(race.id)).map((race) => ({ race: race.id })),
    pollSeconds: 3600,
  });
  const page = await openPage(browser);
  try {
    await wall.feed.pollOnce();
    wall.feed.inject(races.filter((race) => !polled.has(race.id)));
    await page.addInitScript(WATCH_VOTES);
    await page.goto(`${wall.url}?bench`);
    await page.locator('section.board td.votes').first().waitFor();
    await sleep(SETTLE_MS);

    const shown = (await page.locator('section.board').getAttribute('data-race-id')) ?? '';
    const onScreen = races.find((race) => race.id === shown);
    const offScreen = races.find((race) => race.id !== shown && race.kind === 'candidates');
    if (!onScreen || !offScreen) throw new Error(`No race to change (the board up is ${shown})`);

    report('update-wall-races', wall.mode.kiosk.hub.snapshot().races.length, 'races', 5000);
    await measureNothingChanged(page, wall);
    await measureChange(page, wall, offScreen, 'off-screen');
    await measureChange(page, wall, onScreen, 'on-screen');
  } finally {
    await page.context().close();
    await wall.stop();
    await sim.close();
  }
}
