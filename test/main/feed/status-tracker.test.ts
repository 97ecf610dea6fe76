import { afterEach, describe, expect, it } from 'vitest';
import { replaceLogSinks } from '../../../main/logging/logger.js';
import { StatusTracker } from '../../../main/feed/status-tracker.js';
import type { IdFailure } from '../../../main/feed/poll-cycle.js';

let restore: () => void = () => {};
afterEach(() => restore());

const failure: IdFailure = { id: '02000000000059', path: '/returns/query', reason: 'HTTP 503', kind: 'http' };

function cycle(successes: number, failures: readonly IdFailure[], laggingCount = 0) {
  return { at: new Date().toISOString(), polled: 5, successes, failures, laggingCount };
}

describe('the status tracker', () => {
  it('starts as starting, with the age of the cache it started from', () => {
    const tracker = new StatusTracker('live', 'https://api.sos.ca.gov', '2026-11-04T05:00:00.000Z');

    expect(tracker.current).toMatchObject({ health: 'starting', cacheWrittenAt: '2026-11-04T05:00:00.000Z' });
  });

  it('is online, degraded or offline by what the cycle got', () => {
    const tracker = new StatusTracker('live', 'https://api.sos.ca.gov', null);
    restore = replaceLogSinks();

    tracker.recordCycle(cycle(2, []));
    expect(tracker.current.health).toBe('online');
    tracker.recordCycle(cycle(1, [failure]));
    expect(tracker.current.health).toBe('degraded');
    tracker.recordCycle(cycle(0, [failure]));
    expect(tracker.current).toMatchObject({ health: 'offline', consecutiveFailures: 1 });
    expect(tracker.current.lastError).toMatchObject({ cause: 'HTTP 503' });
    tracker.recordCycle(cycle(2, [], 1));
    expect(tracker.current).toMatchObject({ health: 'degraded', consecutiveFailures: 0 });
  });

  it('logs a transition once and a steady state never', () => {
    const lines: string[] = [];
    restore = replaceLogSinks((line) => lines.push(line));
    const tracker = new StatusTracker('rehearsal', 'http://127.0.0.1:8787', null);

    for (let i = 0; i < 3; i++) tracker.recordCycle(cycle(0, [failure]));
    for (let i = 0; i < 3; i++) tracker.recordCycle(cycle(2, []));

    expect(lines.map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'WARN [FeedStatus] The feed is offline, was starting (1 of 5 races failed, 0 lagging).',
      'INFO [FeedStatus] The feed is online, was offline (0 of 5 races failed, 0 lagging).',
    ]);
  });
});
