import { describe, expect, it } from 'vitest';
import type { ServerStats } from './protocol.js';
import { checksOf, figuresOf, growthPercent, type Night, type Point } from './verdict.js';
import type { PageReadings, PageSample } from './wall-page.js';

const MIB = 1024 * 1024;

function serverStats(overrides: Partial<ServerStats> = {}): ServerStats {
  return {
    samples: [
      { rssBytes: 100 * MIB, heapUsedBytes: 12 * MIB },
      { rssBytes: 101 * MIB, heapUsedBytes: 12 * MIB },
      { rssBytes: 99 * MIB, heapUsedBytes: 12 * MIB },
    ],
    resources: { Timeout: 2, TCPSocketWrap: 1, TCPServerWrap: 1, PipeWrap: 1 },
    sseClients: 1,
    hubListeners: 1,
    feedListeners: 3,
    polls: 100,
    failedPolls: 0,
    pollMs: 0,
    warnings: 0,
    errors: 0,
    lastErrors: [],
    ...overrides,
  };
}

function pageReadings(
  overrides: Partial<PageSample> = {},
  { codeBytes = 1.3 * MIB, mediaQuerySets = 3 } = {},
): PageReadings {
  const sample = { jsHeapUsedBytes: 3.5 * MIB, nodes: 400, listeners: 30, documents: 2, ...overrides };
  return { samples: [sample, sample, sample], codeBytes, mediaQuerySets, blinkHeapBytes: 0.7 * MIB };
}

function point(elapsedSeconds: number, overrides: Partial<Point> = {}): Point {
  const base = { server: serverStats(), page: pageReadings(), boardChanges: 0, messages: 0 };
  return { ...base, elapsedSeconds, ...overrides };
}

/**
 * A clean night: 600 s, warm at 60 s, every reading flat, one poll and board change a second,
 * and a message to the page for every poll and then some.
 */
function night(end: Partial<Point> = {}, rest: Partial<Night> = {}): Night {
  return {
    simulatedHours: 12,
    realSeconds: 600,
    pollsPerSecond: 1,
    boardsPerSecond: 1,
    warm: point(60, { boardChanges: 50, messages: 60, server: serverStats({ polls: 55 }) }),
    end: point(600, { boardChanges: 590, messages: 650, server: serverStats({ polls: 595 }), ...end }),
    afterPageClosed: serverStats({ polls: 596, sseClients: 0, hubListeners: 0 }),
    stop: { remaining: [], exitedByItself: true },
    sseConnects: 1,
    pageErrors: [],
    ...rest,
  };
}

function failedChecks(tested: Night): string[] {
  return checksOf(tested)
    .filter((check) => !check.ok)
    .map((check) => check.name);
}

describe('growthPercent', () => {
  it('is the change from the first reading to the second, in percent of the first', () => {
    expect(growthPercent(200, 210)).toBe(5);
    expect(growthPercent(200, 150)).toBe(-25);
  });

  it('is 0 when there was nothing to grow from', () => {
    expect(growthPercent(0, 0)).toBe(0);
  });
});

describe('the soak checks', () => {
  it('all pass on a night where nothing grows, leaks or fails', () => {
    expect(failedChecks(night())).toEqual([]);
  });

  it('fail when the server heap grows by more than 5%', () => {
    const grown = serverStats({ polls: 595, samples: [{ rssBytes: 100 * MIB, heapUsedBytes: 12.7 * MIB }] });
    expect(failedChecks(night({ server: grown }))).toEqual(['server heap grows by 5% at most']);
  });

  it('fail when the server RSS grows by more than 5%, judged on the median reading', () => {
    const samples = [106, 106, 80].map((mib) => ({ rssBytes: mib * MIB, heapUsedBytes: 12 * MIB }));
    expect(failedChecks(night({ server: serverStats({ polls: 595, samples }) }))).toEqual([
      'server RSS grows by 5% at most',
    ]);
  });

  it('pass at exactly 5% of growth', () => {
    const samples = [{ rssBytes: 105 * MIB, heapUsedBytes: 12 * MIB }];
    expect(failedChecks(night({ server: serverStats({ polls: 595, samples }) }))).toEqual([]);
  });

  it('fail when the page keeps DOM nodes, listeners or documents', () => {
    const leaky = pageReadings({ nodes: 500, listeners: 31, documents: 3 });
    expect(failedChecks(night({ page: leaky }))).toEqual([
      'page DOM nodes grows by 5% at most',
      'page listeners do not pile up',
      'page documents do not pile up',
    ]);
  });

  it('fail when the page heap grows by more than 5% beyond what V8 compiled, judged on the median', () => {
    // 2.2 MiB kept by the page's script at warm-up; 2.4 MiB at the end is 9% more.
    const grown = pageReadings({ jsHeapUsedBytes: 3.7 * MIB }, { codeBytes: 1.3 * MIB });
    expect(failedChecks(night({ page: grown }))).toEqual([
      'page JS heap less compiled code grows by 5% at most',
    ]);
  });

  it('pass when only compiled code grows, as V8 optimizes more of the bundle', () => {
    const compiled = pageReadings({ jsHeapUsedBytes: 3.8 * MIB }, { codeBytes: 1.6 * MIB });
    expect(failedChecks(night({ page: compiled }))).toEqual([]);
  });

  it('fail when Blink keeps media-query sets board after board', () => {
    const kept = pageReadings({}, { mediaQuerySets: 540 });
    expect(failedChecks(night({ page: kept }))).toEqual(['page media-query sets do not pile up']);
  });

  it('fail when timers or sockets pile up in the server, beyond what a poll in flight holds', () => {
    const inFlight = { Timeout: 4, TCPSocketWrap: 5 };
    expect(failedChecks(night({ server: serverStats({ polls: 595, resources: inFlight }) }))).toEqual([]);

    const piled = { Timeout: 40, TCPSocketWrap: 60 };
    expect(failedChecks(night({ server: serverStats({ polls: 595, resources: piled }) }))).toEqual([
      'server timers do not pile up',
      'server sockets do not pile up',
    ]);
  });

  it('fail when event streams, hub or feed listeners are left behind', () => {
    const leftBehind = serverStats({ polls: 595, sseClients: 2, hubListeners: 2, feedListeners: 5 });
    expect(failedChecks(night({ server: leftBehind }, { sseConnects: 2 }))).toEqual([
      'one SSE client for one page',
      'the page opened its event stream once',
      'the hub holds one listener for one page',
      'feed listeners stay as they were',
    ]);
  });

  it('fail when the event stream outlives the page that opened it', () => {
    const afterPageClosed = serverStats({ polls: 596 });
    expect(failedChecks(night({}, { afterPageClosed }))).toEqual([
      'no SSE client once the page has closed',
      'no hub listener once the page has closed',
    ]);
  });

  it('fail when the stopped server does not exit by itself, naming what it still held', () => {
    const stop = { remaining: ['PipeWrap', 'Timeout'], exitedByItself: false };
    const check = checksOf(night({}, { stop })).find((entry) => !entry.ok);
    expect(check?.name).toBe('the server exits by itself once stopped');
    expect(check?.detail).toContain('PipeWrap, Timeout');
  });

  it('fail when the wall stops polling or rotating after warm-up', () => {
    const frozen = night({ boardChanges: 60, server: serverStats({ polls: 60 }) });
    expect(failedChecks(frozen)).toEqual(['the feed kept polling', 'the boards kept rotating']);
  });

  it('fail, at a night of polls a simulated second, when the polls fall to the 1-second timer', () => {
    // 72x: 540 s after warm-up ask for 38,880 polls; the timer alone makes about 540.
    const atNightPace = { pollsPerSecond: 72 };
    const timerOnly = night(
      { boardChanges: 590, messages: 650, server: serverStats({ polls: 595 }) },
      atNightPace,
    );
    expect(failedChecks(timerOnly)).toEqual(['the feed kept polling']);
    expect(checksOf(timerOnly).find((check) => !check.ok)?.detail).toBe(
      '540 in 540 s (at least 19440: half of 72 a second)',
    );

    const driven = night(
      { boardChanges: 590, messages: 19_600, server: serverStats({ polls: 19_495 }) },
      atNightPace,
    );
    expect(failedChecks(driven)).toEqual([]);
  });

  it('fail, at a board change a simulated dwell, when the boards fall to the 1-second rotation', () => {
    // 72x: 540 s after warm-up ask for 3,240 board changes (6 a second); the rotation alone makes 540.
    const atDwellPace = { boardsPerSecond: 6 };
    const rotationOnly = night({}, atDwellPace);
    expect(failedChecks(rotationOnly)).toEqual(['the boards kept rotating']);
    expect(checksOf(rotationOnly).find((check) => !check.ok)?.detail).toBe(
      '540 in 540 s (at least 1620: half of 6 a second)',
    );

    const stepped = night({ boardChanges: 3_290 }, atDwellPace);
    expect(failedChecks(stepped)).toEqual([]);
  });

  it('give the board changes a second after warm-up with the pace asked as their floor', () => {
    const figures = figuresOf(night({ boardChanges: 2_750 }, { boardsPerSecond: 6 }));
    const byName = (bench: string) => figures.find((figure) => figure.bench === bench);

    expect(byName('board-changes-after-warmup')).toMatchObject({ value: 2_700, floor: 3_240 });
    expect(byName('board-changes-per-second-after-warmup')).toMatchObject({ value: 5, floor: 6 });
  });

  it('fail when the page stops hearing the polls', () => {
    // 540 polls after warm-up; the page heard 200 messages.
    const deaf = night({ boardChanges: 590, messages: 260, server: serverStats({ polls: 595 }) });
    expect(failedChecks(deaf)).toEqual(['the page heard the polls']);
  });

  it('fail on a server error or a page error, and quote them', () => {
    const server = serverStats({
      polls: 595,
      errors: 7,
      lastErrors: ['ERROR [Feed] One.', 'ERROR [Feed] Two.'],
    });
    const check = checksOf(night({ server }, { pageErrors: ['page error: boom'] })).find(
      (entry) => !entry.ok,
    );
    expect(check?.name).toBe('no errors');
    expect(check?.detail).toBe(
      'ERROR [Feed] One. | ERROR [Feed] Two. | and 5 more server errors | page error: boom',
    );
  });
});

describe('the soak figures', () => {
  it('name each reading once, in the benchmark shape', () => {
    const figures = figuresOf(night());
    const names = figures.map((figure) => figure.bench);

    expect(new Set(names).size).toBe(names.length);
    for (const figure of figures) {
      expect(Object.keys(figure)).toEqual(['bench', 'value', 'unit', 'floor']);
      expect(Number.isFinite(figure.value)).toBe(true);
    }
  });

  it('give memory in MiB and growth in percent', () => {
    const samples = [{ rssBytes: 110 * MIB, heapUsedBytes: 12 * MIB }];
    const figures = figuresOf(night({ server: serverStats({ polls: 595, samples }) }));
    const value = (bench: string) => figures.find((figure) => figure.bench === bench)?.value;

    expect(value('server-rss-warm')).toBe(100);
    expect(value('server-rss-end')).toBe(110);
    expect(value('server-rss-growth')).toBeCloseTo(10);
    expect(value('polls-after-warmup')).toBe(540);
    expect(value('board-changes-after-warmup')).toBe(540);
  });

  it('give the page heap with its compiled code, without it, and the code alone', () => {
    const page = pageReadings({ jsHeapUsedBytes: 3.8 * MIB }, { codeBytes: 1.6 * MIB });
    const figures = figuresOf(night({ page }));
    const value = (bench: string) => figures.find((figure) => figure.bench === bench)?.value;

    expect(value('page-heap-end')).toBeCloseTo(3.8);
    expect(value('page-heap-less-code-warm')).toBeCloseTo(2.2);
    expect(value('page-heap-less-code-end')).toBeCloseTo(2.2);
    expect(value('page-code-growth')).toBeCloseTo(23.08);
  });

  it('give the polls a second after warm-up with the pace asked as their floor, and the time in cycles', () => {
    const server = serverStats({ polls: 32_455, pollMs: 162_000 });
    const end = point(600, { boardChanges: 590, messages: 32_500, server });
    const figures = figuresOf(night(end, { pollsPerSecond: 72 }));
    const byName = (bench: string) => figures.find((figure) => figure.bench === bench);

    expect(byName('polls-per-second-after-warmup')).toMatchObject({ value: 60, floor: 72 });
    expect(byName('polls-after-warmup')).toMatchObject({ value: 32_400, floor: 38_880 });
    expect(byName('polls')).toMatchObject({ value: 32_455, floor: 43_200 });
    // 162 s of cycles over 32,400 polls in 540 s.
    expect(byName('poll-cycle-mean-after-warmup')?.value).toBe(5);
    expect(byName('poll-busy-after-warmup')?.value).toBe(30);
  });
});
