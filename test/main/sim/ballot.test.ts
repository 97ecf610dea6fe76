import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../../shared/counties.js';
import { parseRaceId } from '../../../shared/race-id.js';
import { buildBallot } from '../../../main/sim/ballot.js';

const ballot = buildBallot(1);

function contestsOf(slug: string) {
  return ballot.contests.filter((contest) => contest.contest.slug === slug);
}

describe('buildBallot', () => {
  it('holds the offices of a 2026 general, without President or U.S. Senate', () => {
    expect(ballot.statewideRaceIds.map((id) => parseRaceId(id).contest.slug)).toEqual([
      'governor',
      'lieutenant-governor',
      'secretary-of-state',
      'controller',
      'treasurer',
      'attorney-general',
      'insurance-commissioner',
      'superintendent-of-public-instruction',
    ]);
    expect(contestsOf('board-of-equalization')).toHaveLength(4);
    expect(contestsOf('us-rep')).toHaveLength(52);
    expect(contestsOf('state-assembly')).toHaveLength(80);
    expect(contestsOf('state-senate').map((contest) => contest.district)).toEqual(
      Array.from({ length: 20 }, (_, index) => 2 * index + 1),
    );
    expect(contestsOf('president')).toHaveLength(0);
    expect(contestsOf('us-senate')).toHaveLength(0);
  });

  it('has about 175 total ids and 1,400 or more county ids, every one valid and unique', () => {
    const ids = ballot.allRaceIds();
    const totals = ids.filter((id) => id.endsWith('59'));

    expect(ballot.propositions.length).toBeGreaterThanOrEqual(9);
    expect(ballot.propositions.length).toBeLessThanOrEqual(11);
    expect(totals.length).toBeGreaterThanOrEqual(170);
    expect(totals.length).toBeLessThanOrEqual(180);
    expect(ids.length - totals.length).toBeGreaterThanOrEqual(1400);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(() => parseRaceId(id)).not.toThrow();
  });

  it('breaks every statewide contest and proposition down into all 58 counties', () => {
    const statewide = ballot.contests.filter((contest) => contest.district === 0);
    for (const item of [...statewide, ...ballot.propositions]) {
      expect(item.parts.map((part) => part.county.code)).toEqual(COUNTIES.map((county) => county.code));
    }
  });

  it('splits big counties across districts and joins small ones into one', () => {
    const house = contestsOf('us-rep');
    const inLosAngeles = house.filter((contest) =>
      contest.parts.some((part) => part.county.name === 'Los Angeles'),
    );
    const first = house[0];

    expect(inLosAngeles.length).toBeGreaterThan(5);
    expect(first?.parts.length).toBeGreaterThan(3);
  });

  it('gives each county part its own title and a share of the county', () => {
    const assembly = contestsOf('state-assembly')[11];
    const part = assembly?.parts[0];

    expect(part?.title).toBe(`State Assembly District 12 - ${part?.county.name ?? ''} County Results`);
    expect(part?.share).toBeGreaterThan(0);
    expect(part?.share).toBeLessThanOrEqual(1);
    expect(assembly?.title).toBe('State Assembly District 12 - Districtwide Results');
  });

  it('puts statewide precinct totals between 19,000 and 25,000', () => {
    for (const seed of [1, 2, 3]) {
      const total = buildBallot(seed).precinctsTotal;
      expect(total).toBeGreaterThanOrEqual(19_000);
      expect(total).toBeLessThanOrEqual(25_100);
    }
  });

  it('lists the Controller candidates of the API documentation', () => {
    expect(contestsOf('controller')[0]?.candidates).toEqual([
      { name: 'Malia M. Cohen', party: 'Dem', incumbent: true },
      { name: 'Herb W Morgan', party: 'Rep', incumbent: false },
      { name: 'Meghann Adams', party: 'P&F', incumbent: false },
    ]);
  });

  it('invents names with accents, a suffix and an embedded-quote nickname', () => {
    const names = ballot.contests.flatMap((contest) => contest.candidates.map((candidate) => candidate.name));

    expect(names.some((name) => /[^\u0020-\u007e]/.test(name))).toBe(true);
    expect(names.some((name) => / (Jr\.|Sr\.|II|III)$/.test(name))).toBe(true);
    expect(names.some((name) => /^\S+ "[^"]+" \S+$/.test(name))).toBe(true);
  });

  it('uses only the API parties, mostly two candidates, some of the same party', () => {
    const parties = new Set(['Dem', 'Rep', 'NPP', 'Grn', 'P&F', 'Lib', 'AI']);
    const twoCandidates = ballot.contests.filter((contest) => contest.candidates.length === 2);
    const sameParty = twoCandidates.filter(
      (contest) => contest.candidates[0]?.party === contest.candidates[1]?.party,
    );

    for (const contest of ballot.contests) {
      for (const candidate of contest.candidates) expect(parties.has(candidate.party)).toBe(true);
    }
    expect(twoCandidates.length).toBeGreaterThan(ballot.contests.length * 0.9);
    expect(sameParty.length).toBeGreaterThan(0);
  });

  it('orders candidates by party group, Democrats before Republicans', () => {
    for (const contest of ballot.contests) {
      const parties = contest.candidates.map((candidate) => candidate.party);
      if (parties.includes('Dem') && parties.includes('Rep')) {
        expect(parties.indexOf('Dem')).toBeLessThan(parties.indexOf('Rep'));
      }
    }
  });

  it('builds the same ballot from the same seed and another from another seed', () => {
    const names = (seed: number) =>
      buildBallot(seed).contests.map((contest) => contest.candidates.map((c) => c.name));

    expect(names(7)).toEqual(names(7));
    expect(names(8)).not.toEqual(names(7));
  });
});
