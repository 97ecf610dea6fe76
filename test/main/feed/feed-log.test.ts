import { afterEach, describe, expect, it } from 'vitest';
import { describeFailures, FeedLog } from '../../../main/feed/feed-log.js';
import type { CycleResult, IdFailure } from '../../../main/feed/poll-cycle.js';
import { replaceLogSinks } from '../../../main/logging/logger.js';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function captured(): string[] {
  const lines: string[] = [];
  cleanups.push(replaceLogSinks((line) => lines.push(line)));
  return lines;
}

function failure(id: string, reason: string, path = `/returns/query?r=["${id}"]`): IdFailure {
  return { id, path, reason, kind: 'http' };
}

function cycleOf(failures: IdFailure[], notices: CycleResult['notices'] = []): CycleResult {
  return { races: [], failures, setAside: [], notices, successes: 0, bodies: new Map() };
}

describe('the feed log', () => {
  it('says in one line why every race of a cycle failed, grouped by reason, paths without their query', () => {
    const text = describeFailures([
      failure('02000000000059', 'HTTP 500'),
      failure('03000000000059', 'HTTP 500'),
      failure('19000000000159', 'invalid payload: (root): not JSON', '/returns/ballot-measures'),
    ]);

    expect(text).toBe(
      'No usable answer for 3 races: HTTP 500 (02000000000059, 03000000000059 from /returns/query); ' +
        'invalid payload: (root): not JSON (19000000000159 from /returns/ballot-measures). ' +
        'Keeping the last good data.',
    );
  });

  it('counts the ids and reasons past the first few instead of listing them all', () => {
    const failures = Array.from({ length: 8 }, (_, index) =>
      failure(`0${index + 1}000000000059`, `reason ${index}`),
    );

    const text = describeFailures(failures);

    expect(text).toContain('No usable answer for 8 races');
    expect(text).toContain('and 5 other reasons');
    expect(text).not.toContain('reason 3');
  });

  it('logs a failure when it starts, not again while it lasts', () => {
    const lines = captured();
    const log = new FeedLog();
    const broken = cycleOf([failure('02000000000059', 'HTTP 502')]);

    log.cycle(broken, []);
    log.cycle(broken, []);

    expect(lines.filter((line) => line.includes('ERROR [Feed] No usable answer'))).toHaveLength(1);
  });

  it('logs a notice once per race, one line for every race that shares it', () => {
    const lines = captured();
    const log = new FeedLog();
    const notices = [
      { id: '02000000000059', message: 'the percents sent disagree' },
      { id: '03000000000059', message: 'the percents sent disagree' },
    ];

    log.cycle(cycleOf([], notices), []);
    log.cycle(cycleOf([], notices), []);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'WARN [Feed] Races 02000000000059, 03000000000059: the percents sent disagree.',
    );
  });
});
