// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAsOf,
  formatClock,
  formatDelta,
  formatPercent,
  formatVotes,
} from '../../../renderer/src/lib/format.js';

describe('format', () => {
  it('writes votes with thousands separators', () => {
    expect(formatVotes(1_386_966)).toBe('1,386,966');
    expect(formatVotes(999)).toBe('999');
    expect(formatVotes(0)).toBe('0');
  });

  it('writes percents with one decimal', () => {
    expect(formatPercent(46.2)).toBe('46.2%');
    expect(formatPercent(100)).toBe('100.0%');
  });

  it('signs deltas, with a true minus for losses', () => {
    expect(formatDelta(12_480)).toBe('+12,480');
    expect(formatDelta(0)).toBe('+0');
    expect(formatDelta(-1_204)).toBe('\u22121,204');
  });

  it('shows a recent load as a Pacific clock time and an old one with its date', () => {
    const now = Date.parse('2026-11-03T21:30:00-08:00');
    expect(formatAsOf('2026-11-03T21:19:00-08:00', now)).toBe('9:19 p.m. PST');
    expect(formatAsOf('2026-11-02T21:19:00-08:00', now)).toBe('November 2, 2026, 9:19 p.m.');
  });

  it('drops the zone for "since" times', () => {
    expect(formatClock('2026-06-02T21:05:00-07:00')).toBe('9:05 p.m.');
  });

  it('writes ages in minutes, then hours, then days', () => {
    expect(formatAge(30)).toBe('under a minute');
    expect(formatAge(725)).toBe('12 min');
    expect(formatAge(7200)).toBe('2 h');
    expect(formatAge(7500)).toBe('2 h 5 min');
    expect(formatAge(3 * 86_400)).toBe('3 days');
  });
});
