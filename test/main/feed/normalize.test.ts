import { describe, expect, it } from 'vitest';
import { RaceSchema, type CandidateRace, type MeasureRace } from '../../../shared/model.js';
import { normalizeContestAnswer, type Normalized } from '../../../main/feed/normalize.js';
import {
  assemblyContest,
  ballotMeasures,
  candidateContest,
  ORCHARD_GOVERNOR,
  TWO_PROPOSITIONS,
} from './fixtures.js';

const GOVERNOR = '02000000000059';
const GOVERNOR_LAKE = '02000000000017';

function onlyCandidateRace(result: Normalized): CandidateRace {
  expect(result.rejected).toEqual([]);
  const race = result.races[0];
  if (result.races.length !== 1 || race?.kind !== 'candidates')
    throw new Error('expected one candidate race');
  return RaceSchema.parse(race) as CandidateRace;
}

describe('normalizing a candidate contest', () => {
  it('turns strings into numbers and sorts candidates by votes', () => {
    const race = onlyCandidateRace(normalizeContestAnswer(ORCHARD_GOVERNOR, GOVERNOR));

    expect(race.candidates.map((c) => [c.name, c.votes, c.percent, c.ballotOrder])).toEqual([
      ['Bruno "Brick" Hallowell', 18000, 60, 1],
      ['Ada Quillfeather', 12000, 40, 0],
    ]);
    expect(race.totalVotes).toBe(30000);
    expect(race.margin).toEqual({ votes: 6000, percent: 20 });
    expect(race.reporting).toEqual({ percent: 41.5, precincts: 830, precinctsTotal: 2000 });
    expect(race.updatedAt).toBe('2026-11-03T21:05:00-08:00');
    expect(race).toMatchObject({ office: 'Governor', scope: 'statewide', district: null, county: null });
  });

  it('keeps ballot order for tied candidates and gives no margin before votes arrive', () => {
    const zero = candidateContest('Governor - Statewide Results', [
      { name: 'Zed First', votes: '0', percent: '0.0' },
      { name: 'Amy Second', votes: '0', percent: '0.0' },
    ]);
    const race = onlyCandidateRace(normalizeContestAnswer(zero, GOVERNOR));

    expect(race.candidates.map((c) => c.name)).toEqual(['Zed First', 'Amy Second']);
    expect(race.margin).toBeNull();
    expect(race.totalVotes).toBe(0);
  });

  it('reads votes with and without separators and both Reporting forms', () => {
    const raw = candidateContest(
      'State Assembly District 4 - Districtwide Results',
      [
        { name: 'A', votes: '1234567', percent: '50.0' },
        { name: 'B', votes: '1,234,567', percent: '50.0' },
      ],
      { reporting: '100% (524 of 524) precincts reporting' },
    );
    const race = onlyCandidateRace(normalizeContestAnswer(raw, '13000004000059'));

    expect(race.candidates.map((c) => c.votes)).toEqual([1234567, 1234567]);
    expect(race.reporting).toEqual({ percent: 100, precincts: 524, precinctsTotal: 524 });
    expect(race).toMatchObject({ office: 'State Assembly', district: 4, scope: 'districtwide' });
  });

  it('recomputes percents that disagree with the votes and says so once', () => {
    const raw = candidateContest('Governor - Statewide Results', [
      { name: 'A', votes: '300', percent: '50.0' },
      { name: 'B', votes: '100', percent: '50.0' },
    ]);
    const result = normalizeContestAnswer(raw, GOVERNOR);

    expect(onlyCandidateRace(result).candidates.map((c) => c.percent)).toEqual([75, 25]);
    expect(result.notices).toHaveLength(1);
  });

  it('keeps a race with fields the API never sends, and names the fields in one notice', () => {
    const raw = { ...ORCHARD_GOVERNOR, winnerCalled: 'yes' };
    const result = normalizeContestAnswer(raw, GOVERNOR);

    expect(onlyCandidateRace(result).totalVotes).toBe(30000);
    expect(result.notices).toEqual([{ id: GOVERNOR, message: expect.stringContaining('"winnerCalled"') }]);
  });

  it('keeps sent percents that differ from the votes only by rounding', () => {
    const raw = candidateContest('Governor - Statewide Results', [
      { name: 'A', votes: '1', percent: '33.4' },
      { name: 'B', votes: '1', percent: '33.3' },
      { name: 'C', votes: '1', percent: '33.3' },
    ]);
    const result = normalizeContestAnswer(raw, GOVERNOR);

    expect(onlyCandidateRace(result).candidates.map((c) => c.percent)).toEqual([33.4, 33.3, 33.3]);
    expect(result.notices).toEqual([]);
  });

  it.each([
    ['negative votes', '-5'],
    ['non-numeric votes', 'lots'],
    ['misplaced separators', '12,34'],
  ])('rejects a payload with %s, naming the field', (_label, votes) => {
    const raw = candidateContest('Governor - Statewide Results', [{ name: 'A', votes, percent: '100.0' }]);
    const result = normalizeContestAnswer(raw, GOVERNOR);

    expect(result.races).toEqual([]);
    expect(result.rejected[0]?.reason).toContain('candidates.0.Votes');
  });

  it('rejects a payload whose stamp names no real day', () => {
    const raw = candidateContest('Governor - Statewide Results', [], {
      time: 'February 30, 2026, 9:05 p.m.',
    });

    expect(normalizeContestAnswer(raw, GOVERNOR).rejected[0]?.reason).toContain('ReportingTime');
  });
});

describe('checking the title against the race asked for', () => {
  it('drops an answer for another office', () => {
    const raw = candidateContest('Controller - Statewide Results', []);
    const result = normalizeContestAnswer(raw, GOVERNOR);

    expect(result.races).toEqual([]);
    expect(result.rejected[0]?.reason).toContain('Controller');
  });

  it('drops an answer for another district', () => {
    const result = normalizeContestAnswer(assemblyContest(5, ['10', '20']), '13000004000059');

    expect(result.rejected[0]?.reason).toContain('district 5');
  });

  it('picks the county object of a [county, districtwide] answer by its title', () => {
    const county = candidateContest('Governor - Lake County Results', [
      { name: 'A', votes: '7', percent: '100.0' },
    ]);
    const total = candidateContest('Governor - Statewide Results', [
      { name: 'A', votes: '99', percent: '100.0' },
    ]);

    const race = onlyCandidateRace(normalizeContestAnswer([total, county], GOVERNOR_LAKE));

    expect(race).toMatchObject({ scope: 'county', county: 'Lake', totalVotes: 7 });
  });

  it('refuses to show a districtwide total under a county id', () => {
    const total = candidateContest('Governor - Statewide Results', []);
    const result = normalizeContestAnswer([total], GOVERNOR_LAKE);

    expect(result.rejected[0]?.reason).toContain('not Lake County');
  });

  it('says a county outside the district is not on this ballot when only the total answers', () => {
    const total = candidateContest('U.S. House of Representatives District 2 - Districtwide Results', []);
    const result = normalizeContestAnswer([total], '11000002000017');

    expect(result.rejected).toEqual([expect.objectContaining({ id: '11000002000017', notOnBallot: true })]);
  });

  it('does not take a total for another district as "outside the district"', () => {
    const other = candidateContest('U.S. House of Representatives District 3 - Districtwide Results', []);

    expect(normalizeContestAnswer([other], '11000002000017').rejected[0]?.notOnBallot).toBeUndefined();
  });

  it('accepts an office spelled in a way it does not know', () => {
    const raw = candidateContest('Governor (Recall Ballot) - Statewide Results', []);

    expect(normalizeContestAnswer(raw, GOVERNOR).races).toHaveLength(1);
  });
});

describe('normalizing ballot measures', () => {
  it('makes each proposition a race of its own with yes and no sides', () => {
    const result = normalizeContestAnswer(TWO_PROPOSITIONS, '19000000000759');
    const races = result.races.map((race) => RaceSchema.parse(race) as MeasureRace);

    expect(races.map((race) => race.id)).toEqual(['19000000000759', '19000000005159']);
    expect(races[0]?.measure).toEqual({
      number: 7,
      name: 'Lighthouse Bonds',
      yes: { votes: 1500000, percent: 75, delta: null },
      no: { votes: 500000, percent: 25, delta: null },
    });
    expect(races[0]?.totalVotes).toBe(2000000);
  });

  it('gives county propositions the county code', () => {
    const raw = ballotMeasures(
      [
        {
          number: '07',
          name: 'Lighthouse Bonds',
          yes: '10',
          no: '30',
          yesPercent: '25.0',
          noPercent: '75.0',
        },
      ],
      { title: 'Ballot Measures - Marin County Results' },
    );
    const result = normalizeContestAnswer(raw, '19000000000721');

    expect(result.races.map((race) => [race.id, race.scope, race.county])).toEqual([
      ['19000000000721', 'county', 'Marin'],
    ]);
  });

  it('refuses a candidate contest answered for a proposition', () => {
    expect(normalizeContestAnswer(ORCHARD_GOVERNOR, '19000000000759').races).toEqual([]);
  });
});
