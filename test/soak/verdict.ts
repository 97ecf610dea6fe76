/**
 * What a soak night measured, as benchmark figures, and the guarantees it checks: memory of
 * the server and of the page grows by no more than 5% from warm-up to the end; no listener,
 * timer, socket, DOM node or Blink media-query set piles up; the server stops clean; no
 * errors; the wall kept polling and rotating. Pure functions, so the rules are unit-tested.
 *
 * The page's JS heap is checked less V8's compiled code: the code grows as V8 optimizes, one
 * function after another, the code a board change or an update runs (~94% of the heap's
 * growth over a 72x night), and it is bounded by the bundle, since the page's CSP forbids
 * eval and new Function. The heap with its code is still reported. Evidence: SOAK.md.
 */
import { type Figure, median } from '../bench/report.js';
import type { ServerStats } from './protocol.js';
import type { StopReport } from './server-process.js';
import type { PageReadings, PageSample } from './wall-page.js';

export const MAX_GROWTH_PERCENT = 5;
/** Polls and board changes after warm-up must reach this share of the pace asked. */
export const MIN_PACE = 0.5;
/** In-flight work a reading can catch (a poll cycle's timer, sockets of the feed's agent). */
const TIMER_SLACK = 2;
const SOCKET_SLACK = 4;
const MIB = 1024 * 1024;

/** The readings taken at one point of the night. */
export interface Point {
  readonly server: ServerStats;
  readonly page: PageReadings;
  readonly boardChanges: number;
  /** Messages the page's event stream had delivered. */
  readonly messages: number;
  readonly elapsedSeconds: number;
}

export interface Night {
  readonly simulatedHours: number;
  readonly realSeconds: number;
  /** Poll cycles asked for a real second: 1 (the feed's timer), or the clock's speed. */
  readonly pollsPerSecond: number;
  /** Board changes asked for a real second: 1 (the 1-second dwell), or speed / 12 (stepped). */
  readonly boardsPerSecond: number;
  readonly warm: Point;
  readonly end: Point;
  /** The server's counts after the browser closed, once it has seen the stream go. */
  readonly afterPageClosed: ServerStats;
  readonly stop: StopReport;
  readonly sseConnects: number;
  readonly pageErrors: readonly string[];
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export function growthPercent(before: number, after: number): number {
  return before === 0 ? 0 : ((after - before) / before) * 100;
}

const serverRss = (point: Point) => median(point.server.samples.map((sample) => sample.rssBytes));
const serverHeap = (point: Point) => median(point.server.samples.map((sample) => sample.heapUsedBytes));
const pageMedian = (point: Point, key: keyof PageSample) =>
  median(point.page.samples.map((sample) => sample[key]));
/** The page's JS heap less V8's compiled code: what the page's script keeps. */
const pageHeapLessCode = (point: Point) => pageMedian(point, 'jsHeapUsedBytes') - point.page.codeBytes;
const resource = (point: Point, kind: string) => point.server.resources[kind] ?? 0;
const sockets = (point: Point) => resource(point, 'TCPSocketWrap');
const timers = (point: Point) => resource(point, 'Timeout');

function figure(bench: string, value: number, unit: string, floor: number | null = null): Figure {
  return { bench, value, unit, floor };
}

/** Warm-up, end and growth of one measure. */
function trio(name: string, warm: number, end: number, unit: string, scale = 1): Figure[] {
  return [
    figure(`${name}-warm`, warm / scale, unit),
    figure(`${name}-end`, end / scale, unit),
    figure(`${name}-growth`, growthPercent(warm, end), '%', 0),
  ];
}

export function figuresOf(night: Night): Figure[] {
  const { warm, end } = night;
  const afterWarmup = end.elapsedSeconds - warm.elapsedSeconds;
  return [
    figure('soak-simulated-hours', night.simulatedHours, 'h'),
    figure('soak-real-seconds', night.realSeconds, 's'),
    ...trio('server-rss', serverRss(warm), serverRss(end), 'MiB', MIB),
    ...trio('server-heap', serverHeap(warm), serverHeap(end), 'MiB', MIB),
    ...trio('page-heap', pageMedian(warm, 'jsHeapUsedBytes'), pageMedian(end, 'jsHeapUsedBytes'), 'MiB', MIB),
    ...trio('page-heap-less-code', pageHeapLessCode(warm), pageHeapLessCode(end), 'MiB', MIB),
    ...trio('page-code', warm.page.codeBytes, end.page.codeBytes, 'MiB', MIB),
    // TODO: Blink's heap is reported, not checked: it is one reading, which swings by half from
    // one minute to the next (1.61 -> 0.73 MiB in a full night), and the growth of its bounded
    // caches (text shaping, performance entries up to their limits) has not been told apart
    // from a leak. A median of readings after Blink's own GC has finished, over a run long
    // enough to show where it levels off, would make a check.
    ...trio('page-blink-heap', warm.page.blinkHeapBytes, end.page.blinkHeapBytes, 'MiB', MIB),
    figure('page-media-query-sets-warm', warm.page.mediaQuerySets, 'sets'),
    figure('page-media-query-sets-end', end.page.mediaQuerySets, 'sets'),
    ...trio('page-nodes', pageMedian(warm, 'nodes'), pageMedian(end, 'nodes'), 'nodes'),
    ...trio('page-listeners', pageMedian(warm, 'listeners'), pageMedian(end, 'listeners'), 'listeners'),
    figure('page-documents-warm', pageMedian(warm, 'documents'), 'documents'),
    figure('page-documents-end', pageMedian(end, 'documents'), 'documents'),
    figure('server-timers-warm', timers(warm), 'timers'),
    figure('server-timers-end', timers(end), 'timers'),
    figure('server-sockets-warm', sockets(warm), 'sockets'),
    figure('server-sockets-end', sockets(end), 'sockets'),
    figure('server-handles-end', sum(Object.values(end.server.resources)), 'handles'),
    figure('sse-clients-after-page-closed', night.afterPageClosed.sseClients, 'clients', 0),
    figure('hub-listeners-after-page-closed', night.afterPageClosed.hubListeners, 'listeners', 0),
    figure('server-handles-after-stop', night.stop.remaining.length, 'handles', 0),
    figure('sse-clients-end', end.server.sseClients, 'clients', 1),
    figure('sse-connects', night.sseConnects, 'connects', 1),
    figure('hub-listeners-end', end.server.hubListeners, 'listeners', 1),
    figure('feed-listeners-warm', warm.server.feedListeners, 'listeners'),
    figure('feed-listeners-end', end.server.feedListeners, 'listeners'),
    figure('polls', end.server.polls, 'polls', Math.floor(night.realSeconds * night.pollsPerSecond)),
    figure(
      'polls-after-warmup',
      end.server.polls - warm.server.polls,
      'polls',
      Math.floor(afterWarmup * night.pollsPerSecond),
    ),
    figure('page-messages-after-warmup', end.messages - warm.messages, 'messages', null),
    figure('polls-per-second-after-warmup', pollRate(night), 'polls/s', night.pollsPerSecond),
    ...cycleFigures(night),
    figure(
      'board-changes-after-warmup',
      end.boardChanges - warm.boardChanges,
      'changes',
      Math.floor(afterWarmup * night.boardsPerSecond),
    ),
    figure('board-changes-per-second-after-warmup', boardRate(night), 'changes/s', night.boardsPerSecond),
    figure('errors', errorsOf(night).length, 'errors', 0),
    figure('warnings', end.server.warnings, 'warnings', 0),
  ];
}

function pollRate({ warm, end }: Night): number {
  const seconds = end.elapsedSeconds - warm.elapsedSeconds;
  return seconds > 0 ? (end.server.polls - warm.server.polls) / seconds : 0;
}

function boardRate({ warm, end }: Night): number {
  const seconds = end.elapsedSeconds - warm.elapsedSeconds;
  return seconds > 0 ? (end.boardChanges - warm.boardChanges) / seconds : 0;
}

/** How long a cycle took after warm-up, and the share of the time a cycle was under way. */
function cycleFigures({ warm, end }: Night): Figure[] {
  const polls = end.server.polls - warm.server.polls;
  const ms = end.server.pollMs - warm.server.pollMs;
  const seconds = end.elapsedSeconds - warm.elapsedSeconds;
  return [
    figure('poll-cycle-mean-after-warmup', polls > 0 ? ms / polls : 0, 'ms'),
    figure('poll-busy-after-warmup', seconds > 0 ? ms / (seconds * 10) : 0, '%'),
  ];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function errorsOf(night: Night): string[] {
  const server = night.end.server;
  const unlisted = server.errors - server.lastErrors.length;
  return [
    ...server.lastErrors,
    ...(unlisted > 0 ? [`and ${unlisted} more server errors`] : []),
    ...night.pageErrors,
  ];
}

const inMib = (bytes: number) => `${(bytes / MIB).toFixed(2)} MiB`;
const whole = (count: number) => count.toFixed(0);

function growthCheck(name: string, warm: number, end: number, format: (value: number) => string): Check {
  const growth = growthPercent(warm, end);
  return {
    name: `${name} grows by ${MAX_GROWTH_PERCENT}% at most`,
    ok: growth <= MAX_GROWTH_PERCENT,
    detail: `${format(warm)} -> ${format(end)} (${growth.toFixed(2)}%)`,
  };
}

function atMost(name: string, value: number, limit: number): Check {
  return { name, ok: value <= limit, detail: `${value} (at most ${limit})` };
}

function exactly(name: string, value: number, wanted: number): Check {
  return { name, ok: value === wanted, detail: `${value} (wanted ${wanted})` };
}

function memoryChecks({ warm, end }: Night): Check[] {
  return [
    growthCheck('server RSS', serverRss(warm), serverRss(end), inMib),
    growthCheck('server heap', serverHeap(warm), serverHeap(end), inMib),
    growthCheck('page JS heap less compiled code', pageHeapLessCode(warm), pageHeapLessCode(end), inMib),
    growthCheck('page DOM nodes', pageMedian(warm, 'nodes'), pageMedian(end, 'nodes'), whole),
  ];
}

function leakChecks(night: Night): Check[] {
  const { warm, end } = night;
  return [
    atMost('page listeners do not pile up', pageMedian(end, 'listeners'), pageMedian(warm, 'listeners')),
    atMost('page documents do not pile up', pageMedian(end, 'documents'), pageMedian(warm, 'documents')),
    atMost('page media-query sets do not pile up', end.page.mediaQuerySets, warm.page.mediaQuerySets),
    atMost('server timers do not pile up', timers(end), timers(warm) + TIMER_SLACK),
    atMost('server sockets do not pile up', sockets(end), sockets(warm) + SOCKET_SLACK),
    exactly('one SSE client for one page', end.server.sseClients, 1),
    exactly('the page opened its event stream once', night.sseConnects, 1),
    exactly('the hub holds one listener for one page', end.server.hubListeners, 1),
    exactly('no SSE client once the page has closed', night.afterPageClosed.sseClients, 0),
    exactly('no hub listener once the page has closed', night.afterPageClosed.hubListeners, 0),
    exactly('feed listeners stay as they were', end.server.feedListeners, warm.server.feedListeners),
    {
      name: 'the server exits by itself once stopped',
      ok: night.stop.exitedByItself,
      detail: `still held after stop: ${night.stop.remaining.join(', ') || 'nothing'}`,
    },
  ];
}

/** At least half the pace asked: `perSecond` a second for `seconds`. */
function paceCheck(name: string, count: number, seconds: number, perSecond: number): Check {
  const floor = Math.floor(seconds * perSecond * MIN_PACE);
  const asked = `half of ${perSecond.toFixed(perSecond % 1 === 0 ? 0 : 2)} a second`;
  return {
    name,
    ok: count >= floor,
    detail: `${count} in ${seconds.toFixed(0)} s (at least ${floor}: ${asked})`,
  };
}

/**
 * Every cycle ends with a status (and an update when a race changed), sent to the page: it
 * must hear at least half as many messages as there were polls. Two cycles that end within
 * the same millisecond send one status, so not every poll has its own message.
 */
function heardCheck({ warm, end }: Night): Check {
  const messages = end.messages - warm.messages;
  const floor = Math.floor((end.server.polls - warm.server.polls) * MIN_PACE);
  return {
    name: 'the page heard the polls',
    ok: messages >= floor,
    detail: `${messages} messages after warm-up (at least ${floor}: half the polls)`,
  };
}

function liveChecks(night: Night): Check[] {
  const { warm, end } = night;
  const seconds = end.elapsedSeconds - warm.elapsedSeconds;
  const errors = errorsOf(night);
  return [
    paceCheck('the feed kept polling', end.server.polls - warm.server.polls, seconds, night.pollsPerSecond),
    paceCheck(
      'the boards kept rotating',
      end.boardChanges - warm.boardChanges,
      seconds,
      night.boardsPerSecond,
    ),
    heardCheck(night),
    { name: 'no errors', ok: errors.length === 0, detail: errors.join(' | ') || 'none' },
  ];
}

export function checksOf(night: Night): Check[] {
  return [...memoryChecks(night), ...leakChecks(night), ...liveChecks(night)];
}
