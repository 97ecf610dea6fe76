import { describe, expect, it } from 'vitest';
import { buildBallot } from '../../../main/sim/ballot.js';
import { countyProgress, loadIndexAt, pacificInstant, planNight } from '../../../main/sim/night.js';

const ballot = buildBallot(1);
const schedule = planNight(ballot);
const MINUTE = 60_000;

function pacific(dayOffset: number, hour: number, minute: number): number {
  return pacificInstant(ballot.electionDay, dayOffset, hour, minute);
}

describe('planNight', () => {
  it('starts with a zeros load before 8 p.m. and a first load about 8:10 p.m.', () => {
    const [zeros = 0, first = 0] = schedule.loads;

    expect(zeros).toBeLessThan(schedule.pollsClose);
    expect(first).toBeGreaterThanOrEqual(pacific(0, 20, 8));
    expect(first).toBeLessThanOrEqual(pacific(0, 20, 12));
  });

  it('lands night loads every 5 to 15 minutes, then one or two canvass loads a day', () => {
    const night = schedule.loads.slice(2, schedule.firstCanvassLoad);
    const canvass = schedule.loads.slice(schedule.firstCanvassLoad);

    night.forEach((at, index) => {
      const gap = at - (schedule.loads[index + 1] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(4 * MINUTE);
      expect(gap).toBeLessThanOrEqual(16 * MINUTE);
    });
    const days = new Map<number, number>();
    for (const at of canvass) {
      const day = Math.floor((at - pacific(1, 0, 0)) / (24 * 60 * MINUTE));
      days.set(day, (days.get(day) ?? 0) + 1);
    }
    expect(days.size).toBeGreaterThanOrEqual(7);
    for (const count of days.values()) expect([1, 2]).toContain(count);
  });

  it('finishes small counties by 11 p.m. and the four largest between 2 and 5 a.m.', () => {
    for (const county of ballot.counties) {
      const done = schedule.plans.get(county.county.code)?.electionDayDoneAt ?? 0;
      if (['Los Angeles', 'Riverside', 'San Bernardino', 'San Diego'].includes(county.county.name)) {
        expect(done).toBeGreaterThanOrEqual(pacific(1, 2, 0));
        expect(done).toBeLessThanOrEqual(pacific(1, 5, 0));
      } else if (county.ballots < 50_000) {
        expect(done).toBeLessThanOrEqual(pacific(0, 23, 0));
      }
    }
  });

  it('reports counties at zero before polls close and never lets progress go back', () => {
    for (const county of ballot.counties) {
      let previous = countyProgress(schedule, county.county.code, 0);
      expect(previous).toEqual({ streams: [0, 0, 0], precincts: 0 });
      for (let load = 1; load < schedule.loads.length; load++) {
        const next = countyProgress(schedule, county.county.code, load);
        next.streams.forEach((value, stream) =>
          expect(value).toBeGreaterThanOrEqual(previous.streams[stream] ?? 0),
        );
        expect(next.precincts).toBeGreaterThanOrEqual(previous.precincts);
        previous = next;
      }
      expect(previous).toEqual({ streams: [1, 1, 1], precincts: 1 });
    }
  });

  it('finds the load in force at an instant', () => {
    const second = schedule.loads[2] ?? 0;

    expect(loadIndexAt(schedule, 0)).toBe(0);
    expect(loadIndexAt(schedule, second)).toBe(2);
    expect(loadIndexAt(schedule, second - 1)).toBe(1);
    expect(loadIndexAt(schedule, Number.MAX_SAFE_INTEGER)).toBe(schedule.loads.length - 1);
  });

  it('plans the same night for the same seed and another for another seed', () => {
    expect(planNight(buildBallot(1)).loads).toEqual(schedule.loads);
    expect(planNight(buildBallot(2)).loads).not.toEqual(schedule.loads);
  });
});
