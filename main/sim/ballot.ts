/**
 * The rehearsal ballot: a 2026 general in California with invented candidates. Built from a
 * seed alone, so tests and other helpers can know every race id without starting a server.
 */
import { type Contest, contestBySlug } from '../../shared/contests.js';
import type { County } from '../../shared/counties.js';
import { buildRaceId, measureRaceId } from '../../shared/race-id.js';
import { buildCandidates, type BallotCandidate, type NameCounter } from './candidates.js';
import { COUNTY_PROFILES } from './county-profiles.js';
import { cutDistricts, type DistrictPart, type MapCounty } from './district-map.js';
import { type Random, randomFor } from './random.js';

export type { BallotCandidate, Party } from './candidates.js';

/** A county as the night model sees it. */
export interface BallotCounty extends MapCounty {
  /** Partisan lean in log-odds, positive towards Democrats. */
  readonly lean: number;
}

/** One county's part of a contest or proposition, with its own race id. */
export interface CountyPart extends DistrictPart {
  readonly raceId: string;
  readonly title: string;
}

export interface BallotContest {
  /** The statewide or districtwide race id (county code 59). */
  readonly raceId: string;
  readonly contest: Contest;
  /** District number, 0 for statewide offices. */
  readonly district: number;
  readonly title: string;
  readonly candidates: readonly BallotCandidate[];
  readonly parts: readonly CountyPart[];
}

export interface BallotProposition {
  readonly number: number;
  readonly name: string;
  readonly raceId: string;
  readonly parts: readonly CountyPart[];
}

export interface Ballot {
  readonly seed: number;
  /** Election day, a Tuesday, as `YYYY-MM-DD` (Pacific). */
  readonly electionDay: string;
  readonly counties: readonly BallotCounty[];
  readonly precinctsTotal: number;
  /** Candidate contests in ballot order: statewide offices, then districts by office and number. */
  readonly contests: readonly BallotContest[];
  readonly propositions: readonly BallotProposition[];
  /** The 8 statewide offices' race ids, in ballot order. */
  readonly statewideRaceIds: readonly string[];
  /** Every race id served: totals first, then county parts. */
  allRaceIds(): string[];
}

export const ELECTION_DAY = '2026-11-03';

const STATEWIDE_SLUGS = [
  'governor',
  'lieutenant-governor',
  'secretary-of-state',
  'controller',
  'treasurer',
  'attorney-general',
  'insurance-commissioner',
  'superintendent-of-public-instruction',
] as const;

// prettier-ignore
const MEASURE_TOPICS = [
  'Bonds for Coastal Trail Repairs', 'Limits Fees on Library Late Returns', 'Funds Rural Broadband Towers',
  'Changes Rules for Lighthouse Keepers', 'Bonds for Seismic Retrofits of Schools',
  'Creates Tidepool Protection Fund', 'Sets Term Limits for Water Boards', 'Taxes Private Jet Fuel',
  'Extends Hours of Public Pools', 'Requires Plain-Language Ballot Labels', 'Allows Four-Day School Weeks',
  'Funds Wildfire Lookout Towers',
];

function contestOf(slug: string): Contest {
  const contest = contestBySlug(slug);
  if (!contest) throw new Error(`Unknown contest slug in the rehearsal ballot: ${slug}`);
  return contest;
}

function ballotCounties(seed: number): { counties: BallotCounty[]; precinctsTotal: number } {
  const random = randomFor(seed, 'counties');
  const targetPrecincts = random.int(19_000, 25_000);
  const ballots = COUNTY_PROFILES.map(
    (profile) => profile.ballotsThousands * 1000 * random.between(0.92, 1.08),
  );
  const totalBallots = ballots.reduce((sum, value) => sum + value, 0);

  const counties = COUNTY_PROFILES.map((profile, index) => {
    const countyBallots = Math.round(ballots[index] ?? 0);
    const precincts = Math.max(3, Math.round((targetPrecincts * countyBallots) / totalBallots));
    return { county: profile.county, ballots: countyBallots, precincts, lean: profile.lean };
  });
  return { counties, precinctsTotal: counties.reduce((sum, county) => sum + county.precincts, 0) };
}

function countyTitle(label: string, county: County): string {
  return `${label} - ${county.name} County Results`;
}

function withIds(
  contest: Contest,
  district: number,
  label: string,
  parts: readonly DistrictPart[],
): CountyPart[] {
  return parts.map((part) => ({
    ...part,
    raceId: buildRaceId({ contest, district, measure: 0, county: part.county }),
    title: countyTitle(label, part.county),
  }));
}

/** Every county whole, in county-code order. */
function statewideParts(counties: readonly BallotCounty[]): DistrictPart[] {
  return counties
    .map((item) => ({ county: item.county, share: 1, precincts: item.precincts }))
    .sort((a, b) => a.county.code.localeCompare(b.county.code));
}

function districtLean(parts: readonly DistrictPart[], counties: readonly BallotCounty[]): number {
  let weighted = 0;
  let weight = 0;
  for (const part of parts) {
    const county = counties.find((item) => item.county.code === part.county.code);
    const voters = (county?.ballots ?? 0) * part.share;
    weighted += (county?.lean ?? 0) * voters;
    weight += voters;
  }
  return weight > 0 ? weighted / weight : 0;
}

interface ContestPlan {
  readonly contest: Contest;
  readonly district: number;
  readonly parts: readonly DistrictPart[];
  readonly lean: number;
}

function makeContest(plan: ContestPlan, random: Random, counter: NameCounter): BallotContest {
  const { contest, district } = plan;
  const label = contest.kind === 'district' ? `${contest.label} District ${district}` : contest.label;
  const scope = contest.kind === 'district' ? 'Districtwide' : 'Statewide';
  return {
    raceId: buildRaceId({ contest, district, measure: 0, county: null }),
    contest,
    district,
    title: `${label} - ${scope} Results`,
    candidates: buildCandidates(contest, plan.lean, random, counter),
    parts: withIds(contest, district, label, plan.parts),
  };
}

function contestPlans(counties: readonly BallotCounty[]): ContestPlan[] {
  const statewide = statewideParts(counties);
  const plans: ContestPlan[] = STATEWIDE_SLUGS.map((slug) => ({
    contest: contestOf(slug),
    district: 0,
    parts: statewide,
    lean: districtLean(statewide, counties),
  }));

  for (const slug of ['board-of-equalization', 'us-rep', 'state-senate', 'state-assembly']) {
    const contest = contestOf(slug);
    const maps = cutDistricts(counties, contest.districts ?? 0);
    maps.forEach((parts, index) => {
      const district = index + 1;
      // State Senate seats are staggered: odd districts are elected in 2026.
      if (slug === 'state-senate' && district % 2 === 0) return;
      plans.push({ contest, district, parts, lean: districtLean(parts, counties) });
    });
  }
  return plans;
}

function makePropositions(seed: number, counties: readonly BallotCounty[]): BallotProposition[] {
  const random = randomFor(seed, 'propositions');
  const count = random.int(9, 11);
  const first = random.int(1, 4);
  const topics = random.shuffle(MEASURE_TOPICS);

  return Array.from({ length: count }, (_, index) => {
    const number = first + index;
    const parts = statewideParts(counties).map((part) => ({
      ...part,
      raceId: measureRaceId(number, part.county.code),
      title: countyTitle(`Proposition ${number}`, part.county),
    }));
    return { number, name: topics[index] ?? `Measure ${number}`, raceId: measureRaceId(number), parts };
  });
}

/** The whole ballot for a seed. Pure: the same seed always gives the same ballot. */
export function buildBallot(seed: number): Ballot {
  const { counties, precinctsTotal } = ballotCounties(seed);
  const random = randomFor(seed, 'candidates');
  const counter: NameCounter = { serial: 0 };
  const contests = contestPlans(counties).map((plan) => makeContest(plan, random, counter));
  const propositions = makePropositions(seed, counties);
  const statewideRaceIds = contests.filter((item) => item.district === 0).map((item) => item.raceId);

  return {
    seed,
    electionDay: ELECTION_DAY,
    counties,
    precinctsTotal,
    contests,
    propositions,
    statewideRaceIds,
    allRaceIds: () => [
      ...contests.map((item) => item.raceId),
      ...propositions.map((item) => item.raceId),
      ...contests.flatMap((item) => item.parts.map((part) => part.raceId)),
      ...propositions.flatMap((item) => item.parts.map((part) => part.raceId)),
    ],
  };
}
