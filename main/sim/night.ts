/**
 * The shape of election night: when loads land, and how far each county has counted at each
 * load. Counties count three streams of ballots: early vote-by-mail (reported in the first
 * minutes, before any precinct), election-day ballots (as precincts report, small counties
 * done by 9-11 p.m., the four largest by 2-5 a.m.) and late mail and provisionals (counted in
 * the canvass, days later, while precincts stay at 100%).
 */
import type { Ballot, BallotCounty } from './ballot.js';
import { SLOW_COUNTY_NAMES } from './county-profiles.js';
import { type Random, randomFor } from './random.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The three ballot streams, in the order they are counted. */
export const STREAMS = ['early-mail', 'election-day', 'late-mail'] as const;
export type StreamIndex = 0 | 1 | 2;

/** How far a county has counted at one load. */
export interface CountyProgress {
  /** Counted fraction of each stream's ballots, 0..1, in STREAMS order. */
  readonly streams: readonly [number, number, number];
  /** Fraction of the county's precincts reporting, 0..1. */
  readonly precincts: number;
}

export interface CountyPlan {
  /** Each stream's share of the county's final ballots; they add up to 1. */
  readonly weights: readonly [number, number, number];
  /** Fraction of early mail in the first load. */
  readonly firstDrop: number;
  readonly earlyMailDoneAt: number;
  readonly electionDayStartAt: number;
  readonly electionDayDoneAt: number;
  /** Precincts reporting when election-day counting ends, just short of or at 1. */
  readonly precinctsAtDone: number;
}

export interface NightSchedule {
  /** Load instants (ms since epoch), ascending; load 0 is the zeros before polls close. */
  readonly loads: readonly number[];
  readonly pollsClose: number;
  /** Index of the first canvass load (the morning after and later). */
  readonly firstCanvassLoad: number;
  readonly plans: ReadonlyMap<string, CountyPlan>;
}

/** A wall-clock Pacific time on a day relative to election day, as an instant (PST, -08:00 in November). */
export function pacificInstant(electionDay: string, dayOffset: number, hour: number, minute: number): number {
  const [year = 0, month = 1, day = 1] = electionDay.split('-').map(Number);
  // TODO: assumes PST (-08:00) for the whole night and canvass, true for every November general
  // since 2007; a June primary would need the offset from shared/pacific-time.ts.
  return Date.UTC(year, month - 1, day + dayOffset, hour + 8, minute);
}

function planCounty(random: Random, county: BallotCounty, firstLoad: number): CountyPlan {
  const early = random.between(0.26, 0.34);
  const election = random.between(0.22, 0.28);
  const earlyMailDoneAt =
    firstLoad + (random.chance(0.88) ? random.between(3, 7) : random.between(10, 40)) * MINUTE_MS;
  const electionDayStartAt = earlyMailDoneAt + random.between(10, 35) * MINUTE_MS;

  let doneHours: number;
  if (SLOW_COUNTY_NAMES.has(county.county.name)) doneHours = random.between(6, 9);
  else if (county.ballots > 100_000) doneHours = random.between(3, 5.5);
  else doneHours = random.between(1, 3);

  return {
    weights: [early, election, 1 - early - election],
    firstDrop: random.chance(0.35) ? 0 : random.between(0.15, 0.5),
    earlyMailDoneAt,
    electionDayStartAt,
    electionDayDoneAt: firstLoad - 10 * MINUTE_MS + doneHours * HOUR_MS,
    precinctsAtDone: random.chance(0.7) ? 1 : random.between(0.96, 0.995),
  };
}

function nightLoads(random: Random, firstLoad: number, lastCountyDone: number): number[] {
  const loads = [firstLoad, firstLoad + random.between(7, 10) * MINUTE_MS];
  let at = loads[1] ?? firstLoad;
  while (at < lastCountyDone + 5 * MINUTE_MS) {
    at += random.between(5, 15) * MINUTE_MS;
    loads.push(at);
  }
  return loads;
}

function canvassLoads(random: Random, electionDay: string): number[] {
  const loads: number[] = [];
  for (let day = 1; day <= 14; day++) {
    if (random.chance(0.4)) loads.push(pacificInstant(electionDay, day, 11, random.int(30, 59)));
    loads.push(pacificInstant(electionDay, day, 16, random.int(30, 59)));
  }
  return loads;
}

/** The load schedule and every county's plan for a ballot's night. */
export function planNight(ballot: Ballot): NightSchedule {
  const random = randomFor(ballot.seed, 'night');
  const pollsClose = pacificInstant(ballot.electionDay, 0, 20, 0);
  const beforeClose = pacificInstant(ballot.electionDay, 0, 16, random.int(20, 50));
  const firstLoad = pollsClose + random.between(9, 10.5) * MINUTE_MS;

  const plans = new Map<string, CountyPlan>();
  for (const county of ballot.counties) {
    plans.set(
      county.county.code,
      planCounty(randomFor(ballot.seed, `county:${county.county.code}`), county, firstLoad),
    );
  }
  const lastDone = Math.max(...[...plans.values()].map((plan) => plan.electionDayDoneAt));
  const night = nightLoads(random, firstLoad, lastDone);
  const canvass = canvassLoads(random, ballot.electionDay);

  const loads = [beforeClose, ...night, ...canvass].map((at) => Math.floor(at / MINUTE_MS) * MINUTE_MS);
  return { loads, pollsClose, firstCanvassLoad: 1 + night.length, plans };
}

/** The load in force at an instant: the latest at or before it, or load 0 before any. */
export function loadIndexAt(schedule: NightSchedule, instant: number): number {
  let index = 0;
  while (index + 1 < schedule.loads.length && (schedule.loads[index + 1] ?? Infinity) <= instant) index++;
  return index;
}

function ramp(at: number, start: number, end: number): number {
  if (at <= start) return 0;
  if (at >= end) return 1;
  // Faster at first, as the quick precincts come in.
  return Math.pow((at - start) / (end - start), 0.8);
}

/** How far a county has counted at a load. Never decreases from one load to the next. */
export function countyProgress(schedule: NightSchedule, countyCode: string, load: number): CountyProgress {
  const plan = schedule.plans.get(countyCode);
  const at = schedule.loads[load] ?? 0;
  if (!plan || load === 0 || at < schedule.pollsClose) return { streams: [0, 0, 0], precincts: 0 };

  const early = at >= plan.earlyMailDoneAt ? 1 : plan.firstDrop;
  const electionDay = ramp(at, plan.electionDayStartAt, plan.electionDayDoneAt);
  if (load < schedule.firstCanvassLoad) {
    return { streams: [early, electionDay, 0], precincts: electionDay * plan.precinctsAtDone };
  }

  const canvassLoads = schedule.loads.length - schedule.firstCanvassLoad;
  const late = Math.pow((load - schedule.firstCanvassLoad + 1) / canvassLoads, 0.7);
  return { streams: [1, 1, late], precincts: 1 };
}

export { DAY_MS, HOUR_MS, MINUTE_MS };
