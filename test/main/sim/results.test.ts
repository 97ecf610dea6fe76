import { describe, expect, it } from 'vitest';
import { buildBallot } from '../../../main/sim/ballot.js';
import { pacificInstant, planNight } from '../../../main/sim/night.js';
import { NightResults, type RaceResults } from '../../../main/sim/results.js';

const ballot = buildBallot(1);
const schedule = planNight(ballot);
const night = new NightResults(ballot, schedule);
const lastLoad = schedule.loads.length - 1;
const governor = ballot.statewideRaceIds[0] ?? '';

function votesOf(results: RaceResults): number[] {
  return results.measure ? [results.measure.yes, results.measure.no] : results.candidates.map((c) => c.votes);
}

function total(results: RaceResults): number {
  return votesOf(results).reduce((sum, votes) => sum + votes, 0);
}

function shareOfFinal(raceId: string, load: number): number {
  return total(night.at(raceId, load)) / total(night.at(raceId, lastLoad));
}

function loadAt(dayOffset: number, hour: number, minute: number): number {
  const at = pacificInstant(ballot.electionDay, dayOffset, hour, minute);
  return schedule.loads.filter((load) => load <= at).length - 1;
}

describe('NightResults', () => {
  it('shows zeros at every race before 8 p.m.', () => {
    for (const id of ballot.allRaceIds()) {
      const results = night.at(id, 0);
      expect(total(results)).toBe(0);
      expect(results.precincts).toBe(0);
    }
  });

  it('counts a few percent of the final vote in the first load, with no precinct reporting', () => {
    const first = night.at(governor, 1);

    expect(shareOfFinal(governor, 1)).toBeGreaterThan(0.02);
    expect(shareOfFinal(governor, 1)).toBeLessThan(0.12);
    expect(first.precincts).toBe(0);
  });

  it('has about a quarter of the final vote by 8:20 p.m.', () => {
    expect(shareOfFinal(governor, loadAt(0, 20, 21))).toBeGreaterThan(0.18);
    expect(shareOfFinal(governor, loadAt(0, 20, 21))).toBeLessThan(0.34);
  });

  it('reaches nearly every precinct but only about 55% of the vote by morning', () => {
    const morning = night.at(governor, loadAt(1, 8, 0));

    expect(morning.precincts / morning.precinctsTotal).toBeGreaterThan(0.95);
    expect(shareOfFinal(governor, loadAt(1, 8, 0))).toBeGreaterThan(0.48);
    expect(shareOfFinal(governor, loadAt(1, 8, 0))).toBeLessThan(0.65);
  });

  it('keeps precincts at 100% through the canvass while votes grow', () => {
    let previous = 0;
    for (let load = schedule.firstCanvassLoad; load <= lastLoad; load++) {
      const results = night.at(governor, load);
      expect(results.precincts).toBe(results.precinctsTotal);
      expect(total(results)).toBeGreaterThan(previous);
      previous = total(results);
    }
  });

  it('never lowers a vote or precinct count from one load to the next, in any race', () => {
    const decreases: string[] = [];
    for (let load = 1; load <= lastLoad; load++) {
      for (const id of ballot.allRaceIds()) {
        const before = night.at(id, load - 1);
        const after = night.at(id, load);
        const votesBefore = votesOf(before);
        const lower = votesOf(after).some((votes, index) => votes < (votesBefore[index] ?? 0));
        if (lower || after.precincts < before.precincts) decreases.push(`${id} at load ${load}`);
      }
    }
    expect(decreases).toEqual([]);
  });

  it('adds county results up to the statewide and districtwide totals', () => {
    const items = [...ballot.contests, ...ballot.propositions];
    for (const load of [1, 5, schedule.firstCanvassLoad - 1, lastLoad]) {
      for (const item of items) {
        const whole = night.at(item.raceId, load);
        const parts = item.parts.map((part) => night.at(part.raceId, load));
        const summed = votesOf(whole).map((_, index) =>
          parts.reduce((sum, part) => sum + (votesOf(part)[index] ?? 0), 0),
        );

        expect(summed).toEqual(votesOf(whole));
        expect(parts.reduce((sum, part) => sum + part.precincts, 0)).toBe(whole.precincts);
        expect(parts.reduce((sum, part) => sum + part.precinctsTotal, 0)).toBe(whole.precinctsTotal);
      }
    }
  });

  it('lets leads change hands somewhere on the ballot', () => {
    const changes = ballot.contests.filter((contest) => {
      const leaders = new Set<string>();
      for (let load = 1; load <= lastLoad; load++) {
        const [leader] = [...night.at(contest.raceId, load).candidates].sort((a, b) => b.votes - a.votes);
        if (leader && leader.votes > 0) leaders.add(leader.name);
      }
      return leaders.size > 1;
    });
    expect(changes.length).toBeGreaterThan(0);
  });

  it('gives the same numbers for the same seed and other numbers for another seed', () => {
    const again = new NightResults(buildBallot(1), planNight(buildBallot(1)));
    const other = new NightResults(buildBallot(2), planNight(buildBallot(2)));

    expect(votesOf(again.at(governor, 10))).toEqual(votesOf(night.at(governor, 10)));
    expect(votesOf(other.at(governor, 10))).not.toEqual(votesOf(night.at(governor, 10)));
  });

  it('stamps results with their load time', () => {
    expect(night.at(governor, 3).reportingTime.getTime()).toBe(schedule.loads[3]);
  });
});
