/**
 * Rendering at 3840x2160 in Chromium (software compositing, no GPU, as on a studio PC without
 * one): a requestAnimationFrame loop in the page records the gap between frames while
 * - boards change (the operator's next-board key, every 750 ms: the same transition as rotation), and while
 * - a 60-candidate board is updated four times a second, its numbers moving each time.
 * A frame "over 16.7 ms" is a gap longer than one and a half 60 Hz frames: a vsync missed.
 * Chromium's own counters (CDP `Performance.getMetrics`) give scripting, style and layout
 * time per update. A second round of transitions, traced (tracing costs time, so not during the
 * first), gives the display compositor's drawing time per transition: without a GPU it blends
 * every layer a change touches in software, which is what missed frames at 4K. The same page idle for as long is the control: on a shared machine, frames
 * are missed with nothing on the page changing at all.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import type { CandidateRace, Race } from '../../shared/model.js';
import { startRehearsalFeed } from '../../main/sim/index.js';
import { type BenchWall, startBenchWall } from './bench-wall.js';
import { chromiumMetrics, metricsSession, openPage, TV_4K } from './chromium.js';
import { WATCH_FRAMES } from './page-probes.js';
import { median, percentile, report } from './report.js';

const FRAME_MS = 1000 / 60;
const MISSED = FRAME_MS * 1.5;
const TRANSITIONS = 8;
const TRANSITION_EVERY_MS = 750;
const UPDATES = 24;
const UPDATE_EVERY_MS = 250;

async function recordFrames(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate('window.__frameGaps = []; window.__recordFrames = true;');
  await during();
  return (await page.evaluate('window.__recordFrames = false; window.__frameGaps')) as number[];
}

function reportFrames(name: string, gaps: readonly number[]): void {
  const over = gaps.filter((gap) => gap > MISSED).length;
  report(`${name}-frames`, gaps.length, 'frames', null);
  report(`${name}-frames-over-16.7ms`, (100 * over) / Math.max(1, gaps.length), '%', 1);
  report(`${name}-frame-gap-p99`, percentile(gaps, 99), 'ms', FRAME_MS);
}

/** Chromium's script, style and layout time between two readings, per event. */
function reportPerEvent(
  name: string,
  before: Map<string, number>,
  after: Map<string, number>,
  events: number,
) {
  const per = (metric: string) => (((after.get(metric) ?? 0) - (before.get(metric) ?? 0)) * 1000) / events;
  report(`${name}-script`, per('ScriptDuration'), 'ms', null);
  report(`${name}-style`, per('RecalcStyleDuration'), 'ms', null);
  report(`${name}-layout`, per('LayoutDuration'), 'ms', null);
}

/** A primary's 60 candidates, votes spread so the order holds, round `round` of the count. */
function sixtyCandidates(base: CandidateRace, round: number): CandidateRace {
  const votes = Array.from({ length: 60 }, (_, index) => (60 - index) * 1000 + round * (60 - index));
  const total = votes.reduce((sum, value) => sum + value, 0);
  const candidates = votes.map((count, index) => ({
    name: `Candidate Number ${index + 1}`,
    party: ['Democratic', 'Republican', 'No Party Preference', 'Green'][index % 4] ?? 'Green',
    votes: count,
    percent: Math.round((1000 * count) / total) / 10,
    incumbent: index === 3,
    ballotOrder: index,
    delta: round === 0 ? null : 60 - index,
  }));
  const updatedAt = new Date(Date.parse(base.updatedAt) + round * 60_000)
    .toISOString()
    .replace('Z', '+00:00');
  return { ...base, candidates, totalVotes: total, updatedAt, margin: null };
}

async function rotation(browser: Browser, wall: BenchWall): Promise<void> {
  const page = await openPage(browser, TV_4K);
  try {
    await page.addInitScript(WATCH_FRAMES);
    await page.goto(wall.url);
    await page.locator('section.board').waitFor();
    const session = await metricsSession(page);
    const before = await chromiumMetrics(session);
    const gaps = await recordFrames(page, () => stepBoards(page));
    const after = await chromiumMetrics(session);
    reportFrames('render-4k-transitions', gaps);
    const missed = gaps.filter((gap) => gap > MISSED).length;
    report('render-4k-transitions-missed-frames-per-transition', missed / TRANSITIONS, 'frames', 0);
    reportPerEvent('render-4k-transition', before, after, TRANSITIONS);
    const draw = await compositorDrawPerTransition(browser, page);
    report('render-4k-transition-compositor-draw', draw, 'ms', null);
  } finally {
    await page.context().close();
  }
}

/** Presses the next-board key `TRANSITIONS` times, `TRANSITION_EVERY_MS` apart. */
async function stepBoards(page: Page): Promise<void> {
  for (let step = 0; step < TRANSITIONS; step++) {
    await page.keyboard.press('ArrowRight');
    await sleep(TRANSITION_EVERY_MS);
  }
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
}

/** Milliseconds per transition the display compositor spent drawing frames (viz `Display::DrawAndSwap`). */
async function compositorDrawPerTransition(browser: Browser, page: Page): Promise<number> {
  await browser.startTracing(page, { categories: ['viz'] });
  await stepBoards(page);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const draws = trace.traceEvents.filter(
    (event) => event.name === 'Display::DrawAndSwap' && event.ph === 'X',
  );
  return draws.reduce((sum, event) => sum + (event.dur ?? 0) / 1000, 0) / TRANSITIONS;
}

async function sixtyCandidateUpdates(browser: Browser, wall: BenchWall, base: CandidateRace): Promise<void> {
  wall.feed.inject([sixtyCandidates(base, 0)]);
  const page = await openPage(browser, TV_4K);
  try {
    await page.addInitScript(WATCH_FRAMES);
    await page.goto(wall.url);
    await page.locator(`section.board[data-race-id="${base.id}"] td.votes`).first().waitFor();
    // The same page with nothing changing: what the machine's load alone costs in frames.
    reportFrames('render-4k-idle', await recordFrames(page, () => sleep(UPDATES * UPDATE_EVERY_MS)));

    const session = await metricsSession(page);
    const before = await chromiumMetrics(session);
    const gaps = await recordFrames(page, async () => {
      for (let round = 1; round <= UPDATES; round++) {
        wall.feed.inject([sixtyCandidates(base, round)]);
        await sleep(UPDATE_EVERY_MS);
      }
    });
    const after = await chromiumMetrics(session);
    reportFrames('render-4k-60-candidates', gaps);
    reportPerEvent('render-4k-60-candidates-update', before, after, UPDATES);
    report('render-4k-60-candidates-frame-gap-median', median(gaps), 'ms', FRAME_MS);
  } finally {
    await page.context().close();
  }
}

export async function benchRendering(browser: Browser): Promise<void> {
  const sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '23:30', port: 0 });
  const ballot = sim.ballot;
  const statewide = ballot.statewideRaceIds.slice(0, 4);
  const proposition = ballot.propositions[0]?.raceId;
  const ids = proposition ? [...statewide, proposition] : statewide;
  const wall = await startBenchWall({
    apiBase: sim.url,
    boards: ids.map((race) => ({ race })),
    pollSeconds: 3600,
  });
  try {
    await wall.feed.pollOnce();
    const first = wall.feed.races().find((race: Race) => race.id === ids[0]);
    if (first?.kind !== 'candidates') throw new Error('The first board is not a candidate race');
    await rotation(browser, wall);
    await sixtyCandidateUpdates(browser, wall, first);
  } finally {
    await wall.stop();
    await sim.close();
  }
}
