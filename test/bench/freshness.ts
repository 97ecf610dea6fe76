/**
 * Freshness: from a load appearing in the rehearsal feed to its numbers in the DOM, in
 * browser mode with a one-second poll. The feed's clock is held still and stepped to each
 * next load that moves the votes of the board up; the page notes when its vote cells change.
 * The wall polls the whole ballot (1,578 ids), the first board (a statewide race) held by a
 * long dwell. One night has 72 such loads, so a second night (another seed) makes up the 100.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { type RaceResults, type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { type BenchWall, startBenchWall } from './bench-wall.js';
import { openPage } from './chromium.js';
import { WATCH_VOTES } from './page-probes.js';
import { median, percentile, report } from './report.js';

const LOADS = 100;
const POLL_MS = 1000;
const WAIT_MS = 8000;

async function changesSeen(page: Page): Promise<number[]> {
  return (await page.evaluate('window.__votesChanged')) as number[];
}

// Runs in the page, as a function: the wall's CSP forbids the string form (eval).
function moreChangesThan(count: number): boolean {
  return (globalThis as unknown as { __votesChanged: number[] }).__votesChanged.length > count;
}

interface Delay {
  /** From the load appearing to the DOM showing it. */
  readonly total: number;
  /** From the load appearing to the hub sending the update. */
  readonly toHub: number;
}

/** How long the load took to show, or null when it never showed. */
async function stepOnce(page: Page, wall: BenchWall, step: () => void): Promise<Delay | null> {
  wall.takeSent();
  const before = (await changesSeen(page)).length;
  const appearedAt = Date.now();
  step();
  try {
    await page.waitForFunction(moreChangesThan, before, { timeout: WAIT_MS, polling: 50 });
  } catch {
    return null;
  }
  const shownAt = (await changesSeen(page))[before] ?? appearedAt;
  const sentAt = wall.takeSent().find((message) => message.type === 'update')?.at ?? shownAt;
  return { total: shownAt - appearedAt, toHub: sentAt - appearedAt };
}

/** What the probe watches: the candidates' votes (a load can move only the precinct count). */
function votesOf(results: RaceResults): string {
  return results.candidates.map((candidate) => candidate.votes).join(',');
}

/** The loads after the first that change the race's votes; the clock is left at the first. */
function loadsThatMove(sim: RehearsalFeed, raceId: string): Date[] {
  const [first, ...rest] = sim.loadTimes;
  if (!first) return [];
  sim.setClock(first);
  let previous = votesOf(sim.resultsFor(raceId));
  const moving = rest.filter((at) => {
    sim.setClock(at);
    const votes = votesOf(sim.resultsFor(raceId));
    const moved = votes !== previous;
    previous = votes;
    return moved;
  });
  sim.setClock(first);
  return moving;
}

/** One night: every load after the first that changes the pinned race's votes. */
async function night(
  browser: Browser,
  seed: number,
  wanted: number,
): Promise<{ delays: Delay[]; missed: number }> {
  const sim = await startRehearsalFeed({ seed, speed: 0, port: 0 });
  const pinned = sim.ballot.statewideRaceIds[0] ?? '';
  const loads = loadsThatMove(sim, pinned);
  const others = sim.ballot.allRaceIds().filter((id) => id !== pinned);
  const wall = await startBenchWall({
    apiBase: sim.url,
    boards: [{ race: pinned }, ...others.map((race) => ({ race }))],
    pollSeconds: POLL_MS / 1000,
  });
  const page = await openPage(browser);
  const delays: Delay[] = [];
  let missed = 0;
  try {
    await page.addInitScript(WATCH_VOTES);
    await page.goto(wall.url);
    await page.waitForFunction(moreChangesThan, 0, { timeout: 30_000, polling: 50 });

    for (const at of loads) {
      if (delays.length >= wanted) break;
      const delay = await stepOnce(page, wall, () => sim.setClock(at));
      if (delay === null) missed++;
      else delays.push(delay);
      // A random pause, so loads land at every phase of the poll timer.
      await sleep(Math.random() * 300);
    }
  } finally {
    await page.context().close();
    await wall.stop();
    await sim.close();
  }
  return { delays, missed };
}

export async function benchFreshness(browser: Browser): Promise<void> {
  const delays: Delay[] = [];
  let missed = 0;
  for (let seed = 1; delays.length < LOADS && seed <= 4; seed++) {
    const result = await night(browser, seed, LOADS - delays.length);
    delays.push(...result.delays);
    missed += result.missed;
  }
  report('freshness-loads', delays.length, 'loads', LOADS);
  report('freshness-loads-never-shown', missed, 'loads', 0);
  const totals = delays.map((delay) => delay.total);
  const toHub = delays.map((delay) => delay.toHub);
  const hubToDom = delays.map((delay) => delay.total - delay.toHub);
  report('freshness-p50', median(totals), 'ms', POLL_MS / 2);
  report('freshness-p95', percentile(totals, 95), 'ms', POLL_MS / 2);
  report('freshness-max', Math.max(...totals), 'ms', null);
  report('freshness-load-to-hub-p50', median(toHub), 'ms', POLL_MS / 2);
  report('freshness-hub-to-dom-p50', median(hubToDom), 'ms', null);
}
