import { describe, expect, it } from 'vitest';
import {
  formatPacificClock,
  formatReportingTime,
  parseReportingTime,
  ReportingTimeError,
} from '../../shared/pacific-time.js';

describe('parseReportingTime', () => {
  it('reads summer stamps as PDT and winter stamps as PST', () => {
    expect(parseReportingTime('June 2, 2026, 9:19 p.m.')).toBe('2026-06-02T21:19:00-07:00');
    expect(parseReportingTime('November 5, 2024, 8:10 p.m.')).toBe('2024-11-05T20:10:00-08:00');
  });

  it('gets 12 a.m. and 12 p.m. right', () => {
    expect(parseReportingTime('June 3, 2026, 12:54 a.m.')).toBe('2026-06-03T00:54:00-07:00');
    expect(parseReportingTime('June 3, 2026, 12:05 p.m.')).toBe('2026-06-03T12:05:00-07:00');
  });

  it('switches offset at 2 a.m. on the DST change days', () => {
    expect(parseReportingTime('March 8, 2026, 1:59 a.m.')).toBe('2026-03-08T01:59:00-08:00');
    expect(parseReportingTime('March 8, 2026, 3:00 a.m.')).toBe('2026-03-08T03:00:00-07:00');
    expect(parseReportingTime('November 1, 2026, 12:59 a.m.')).toBe('2026-11-01T00:59:00-07:00');
    expect(parseReportingTime('November 1, 2026, 2:00 a.m.')).toBe('2026-11-01T02:00:00-08:00');
  });

  it.each(['Junio 2, 2026, 9:19 p.m.', 'June 31, 2026, 9:19 p.m.', 'June 2, 2026, 13:19 p.m.', '2026-06-02'])(
    'refuses "%s" with a named error',
    (text) => {
      expect(() => parseReportingTime(text)).toThrow(ReportingTimeError);
    },
  );
});

describe('formatting Pacific time', () => {
  it('writes an instant the way the API does', () => {
    expect(formatReportingTime(new Date('2026-11-04T04:10:00Z'))).toBe('November 3, 2026, 8:10 p.m.');
    expect(formatReportingTime(new Date('2026-06-03T07:54:00Z'))).toBe('June 3, 2026, 12:54 a.m.');
  });

  it('round-trips through parseReportingTime', () => {
    const instant = new Date('2026-11-04T10:37:00Z');
    expect(new Date(parseReportingTime(formatReportingTime(instant))).getTime()).toBe(instant.getTime());
  });

  it('shows the clock with its zone for the screen', () => {
    expect(formatPacificClock(new Date('2026-11-04T05:05:00Z'))).toBe('9:05 p.m. PST');
  });
});
