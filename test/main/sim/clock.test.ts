import { describe, expect, it } from 'vitest';
import { parseAt, SimClock, SimClockError } from '../../../main/sim/clock.js';

describe('parseAt', () => {
  it('reads an evening time as election day, Pacific', () => {
    expect(new Date(parseAt('19:58', '2026-11-03')).toISOString()).toBe('2026-11-04T03:58:00.000Z');
  });

  it('reads a morning time as the small hours after election day', () => {
    expect(new Date(parseAt('01:30', '2026-11-03')).toISOString()).toBe('2026-11-04T09:30:00.000Z');
  });

  it('reads an ISO-8601 instant and passes a Date through', () => {
    expect(parseAt('2026-11-04T06:00:00Z', '2026-11-03')).toBe(Date.UTC(2026, 10, 4, 6));
    expect(parseAt(new Date(5), '2026-11-03')).toBe(5);
  });

  it.each(['25:00', '8 p.m.', 'tomorrow', '2026-13-45'])('refuses "%s" with a named error', (text) => {
    expect(() => parseAt(text, '2026-11-03')).toThrow(SimClockError);
  });
});

describe('SimClock', () => {
  function fakeTime() {
    const time = { now: 1_000 };
    return { time, realNow: () => time.now };
  }

  it('runs speed times faster than real time', () => {
    const { time, realNow } = fakeTime();
    const clock = new SimClock(0, 60, realNow);
    time.now += 1_000;

    expect(clock.now()).toBe(60_000);
  });

  it('stands still at speed 0 and picks up from where it stood', () => {
    const { time, realNow } = fakeTime();
    const clock = new SimClock(0, 10, realNow);
    time.now += 1_000;
    clock.setSpeed(0);
    time.now += 5_000;

    expect(clock.now()).toBe(10_000);
    clock.setSpeed(1);
    time.now += 1_000;
    expect(clock.now()).toBe(11_000);
  });

  it('jumps when set', () => {
    const { time, realNow } = fakeTime();
    const clock = new SimClock(0, 2, realNow);
    clock.set(500_000);
    time.now += 10;

    expect(clock.now()).toBe(500_020);
  });

  it('refuses a negative speed', () => {
    expect(() => new SimClock(0, -1)).toThrow(SimClockError);
  });
});
