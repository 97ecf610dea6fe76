import { describe, expect, it } from 'vitest';
import type { CandidateRace, MeasureRace } from '../../../shared/model.js';
import { mergeRace } from '../../../main/feed/changes.js';
import { normalizeContestAnswer } from '../../../main/feed/normalize.js';
import { assemblyContest, ballotMeasures } from './fixtures.js';

const ID = '13000002000059';

function assembly(votes: [string, string], time: string): CandidateRace {
  const race = normalizeContestAnswer(assemblyContest(2, votes, time), ID).races[0];
  if (race?.kind !== 'candidates') throw new Error('expected a candidate race');
  return race;
}

describe('change detection', () => {
  it('takes a first answer as new', () => {
    const race = assembly(['100', '200'], 'November 3, 2026, 8:10 p.m.');

    expect(mergeRace(undefined, race).outcome).toBe('new');
  });

  it('does not count a new stamp with the same numbers as a change', () => {
    const first = mergeRace(undefined, assembly(['100', '200'], 'November 3, 2026, 8:10 p.m.')).known;
    const merged = mergeRace(first, assembly(['100', '200'], 'November 3, 2026, 8:20 p.m.'));

    expect(merged.outcome).toBe('unchanged');
    expect(merged.known.race).toBe(first.race);
    expect(merged.known.seenAt).toBe('2026-11-03T20:20:00-08:00');
  });

  it('ignores an answer stamped before the newest seen', () => {
    const first = mergeRace(undefined, assembly(['100', '200'], 'November 3, 2026, 9:10 p.m.')).known;
    const merged = mergeRace(first, assembly(['50', '60'], 'November 3, 2026, 8:55 p.m.'));

    expect(merged.outcome).toBe('older');
    expect(merged.known).toBe(first);
  });

  it('ignores a stale copy even when it is newer than the content on show', () => {
    let known = mergeRace(undefined, assembly(['100', '200'], 'November 3, 2026, 8:10 p.m.')).known;
    known = mergeRace(known, assembly(['100', '200'], 'November 3, 2026, 9:30 p.m.')).known;

    expect(mergeRace(known, assembly(['90', '95'], 'November 3, 2026, 9:00 p.m.')).outcome).toBe('older');
  });

  it('keeps per-candidate deltas since the previous distinct load', () => {
    const first = mergeRace(undefined, assembly(['100', '200'], 'November 3, 2026, 9:05 p.m.')).known;
    const merged = mergeRace(first, assembly(['12,580', '250'], 'November 3, 2026, 9:20 p.m.'));
    const race = merged.known.race as CandidateRace;

    expect(merged.outcome).toBe('changed');
    expect(race.deltaSince).toBe('2026-11-03T21:05:00-08:00');
    expect(race.candidates.map((c) => [c.votes, c.delta])).toEqual([
      [12580, 12480],
      [250, 50],
    ]);
  });

  it('keeps yes and no deltas for propositions', () => {
    const measure = (yes: string, no: string, time: string): MeasureRace => {
      const raw = ballotMeasures(
        [{ number: '7', name: 'Bonds', yes, no, yesPercent: '0.0', noPercent: '0.0' }],
        {
          time,
        },
      );
      return normalizeContestAnswer(raw, '19000000000759').races[0] as MeasureRace;
    };
    const first = mergeRace(undefined, measure('10', '30', 'November 3, 2026, 9:05 p.m.')).known;
    const race = mergeRace(first, measure('15', '31', 'November 3, 2026, 9:35 p.m.')).known
      .race as MeasureRace;

    expect([race.measure.yes.delta, race.measure.no.delta]).toEqual([5, 1]);
  });
});
