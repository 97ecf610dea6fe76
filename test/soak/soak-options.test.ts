import { describe, expect, it } from 'vitest';
import { parseSoakOptions, SoakUsageError } from './soak-options.js';

describe('parseSoakOptions', () => {
  it('runs a 12-hour night at 480x by default: 90 real seconds, 18 of them warm-up', () => {
    expect(parseSoakOptions([])).toEqual({
      hours: 12,
      speed: 480,
      samples: 5,
      seed: 1,
      at: '19:58',
      polls: 'per-real-second',
      pollsPerSecond: 1,
      boards: 'per-real-second',
      boardsPerSecond: 1,
      seconds: 90,
      warmupSeconds: 18,
    });
  });

  it('asks for a poll a simulated second with --polls per-simulated-second: speed polls a real second', () => {
    const options = parseSoakOptions(['--hours', '12', '--speed', '72', '--polls', 'per-simulated-second']);
    expect(options.pollsPerSecond).toBe(72);
    expect(options.pollsPerSecond * options.seconds).toBe(43_200);
  });

  it('refuses --polls per-simulated-second at 1x or slower, and a --polls it does not know', () => {
    expect(() =>
      parseSoakOptions(['--speed', '1', '--hours', '1', '--polls', 'per-simulated-second']),
    ).toThrow(/speed above 1/);
    expect(() => parseSoakOptions(['--polls', 'max'])).toThrow(/polls/);
  });

  it('asks for a board change a simulated 12-s dwell with --boards per-simulated-dwell: 3,600 in a 12-hour night', () => {
    const options = parseSoakOptions(['--hours', '12', '--speed', '72', '--boards', 'per-simulated-dwell']);
    expect(options.boardsPerSecond).toBe(6);
    expect(options.boardsPerSecond * options.seconds).toBe(3600);
    expect(options.pollsPerSecond).toBe(1);
  });

  it('refuses --boards per-simulated-dwell at 12x or slower, and a --boards it does not know', () => {
    expect(() =>
      parseSoakOptions(['--speed', '12', '--hours', '1', '--boards', 'per-simulated-dwell']),
    ).toThrow(/speed above 12/);
    expect(() => parseSoakOptions(['--boards', 'fast'])).toThrow(/boards/);
  });

  it('lasts hours x 3600 / speed real seconds', () => {
    expect(parseSoakOptions(['--hours', '12', '--speed', '720']).seconds).toBe(60);
    expect(parseSoakOptions(['--hours', '0.5', '--speed', '60']).seconds).toBe(30);
  });

  it('warms up for a fifth of the run, at least 5 s and at most a minute', () => {
    expect(parseSoakOptions(['--hours', '12', '--speed', '72']).warmupSeconds).toBe(60);
    expect(parseSoakOptions(['--hours', '0.25', '--speed', '60']).warmupSeconds).toBe(5);
    expect(parseSoakOptions(['--warmup', '30']).warmupSeconds).toBe(30);
  });

  it('refuses a warm-up that does not end before the run', () => {
    expect(() => parseSoakOptions(['--hours', '1', '--speed', '3600', '--warmup', '1'])).toThrow(
      /warm-up must end before the run/,
    );
  });

  it('refuses a flag it does not know, or a value that is not a number, naming it', () => {
    expect(() => parseSoakOptions(['--minutes', '5'])).toThrow(SoakUsageError);
    expect(() => parseSoakOptions(['--speed', 'fast'])).toThrow(/speed/);
    expect(() => parseSoakOptions(['--hours', '-1'])).toThrow(/hours/);
  });
});
