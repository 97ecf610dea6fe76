/**
 * The numbers the rehearsal feed serves: a race's results at a load, as a pure function of
 * (seed, race, load), computed on first use and cached per load. County parts are counted,
 * then summed into the districtwide or statewide total, so the two always agree.
 */
import type { Ballot, BallotContest, BallotProposition, CountyPart } from './ballot.js';
import { countyProgress, type NightSchedule } from './night.js';
import { modelCandidateParts, modelMeasureParts, type PartModel } from './race-model.js';

export interface CandidateNumbers {
  readonly name: string;
  readonly party: string;
  readonly votes: number;
  readonly incumbent: boolean;
}

export interface MeasureNumbers {
  readonly number: number;
  readonly name: string;
  readonly yes: number;
  readonly no: number;
}

/** A race as served at one load, in numbers. */
export interface RaceResults {
  readonly raceId: string;
  readonly title: string;
  readonly kind: 'candidates' | 'measure';
  readonly load: number;
  /** The load's stamp (what `ReportingTime` shows). */
  readonly reportingTime: Date;
  readonly precincts: number;
  readonly precinctsTotal: number;
  /** Ballot order; empty for a measure. */
  readonly candidates: readonly CandidateNumbers[];
  readonly measure: MeasureNumbers | null;
}

/** What a race id names: a contest or a proposition, as a whole or one county's part. */
export interface RaceRef {
  readonly contest: BallotContest | null;
  readonly proposition: BallotProposition | null;
  readonly part: CountyPart | null;
  readonly title: string;
  /** The total's race id. */
  readonly totalId: string;
}

const CACHED_LOADS = 6;

interface Counted {
  votes: number[];
  precincts: number;
  precinctsTotal: number;
}

export class NightResults {
  private readonly refs = new Map<string, RaceRef>();
  private readonly models = new Map<string, Map<string, PartModel>>();
  private readonly cache = new Map<number, Map<string, RaceResults>>();

  constructor(
    readonly ballot: Ballot,
    readonly schedule: NightSchedule,
  ) {
    for (const contest of ballot.contests) this.index(contest, null, contest.title, contest.parts);
    for (const proposition of ballot.propositions) {
      this.index(
        null,
        proposition,
        `Proposition ${proposition.number} - Statewide Results`,
        proposition.parts,
      );
    }
  }

  private index(
    contest: BallotContest | null,
    proposition: BallotProposition | null,
    title: string,
    parts: readonly CountyPart[],
  ): void {
    const totalId = contest?.raceId ?? proposition?.raceId ?? '';
    this.refs.set(totalId, { contest, proposition, part: null, title, totalId });
    for (const part of parts)
      this.refs.set(part.raceId, { contest, proposition, part, title: part.title, totalId });
  }

  /** The race an id names, or undefined when it is not on this ballot. */
  find(raceId: string): RaceRef | undefined {
    return this.refs.get(raceId);
  }

  /** A race's results at a load; throws for an id not on the ballot (check with `find`). */
  at(raceId: string, load: number): RaceResults {
    let perLoad = this.cache.get(load);
    if (!perLoad) {
      perLoad = new Map();
      this.cache.set(load, perLoad);
      const oldest = this.cache.keys().next().value;
      if (this.cache.size > CACHED_LOADS && oldest !== undefined) this.cache.delete(oldest);
    }
    const cached = perLoad.get(raceId);
    if (cached) return cached;

    const results = this.compute(raceId, load);
    perLoad.set(raceId, results);
    return results;
  }

  private compute(raceId: string, load: number): RaceResults {
    const ref = this.refs.get(raceId);
    if (!ref) throw new RangeError(`Race ${raceId} is not on the rehearsal ballot`);

    const { votes, precincts, precinctsTotal } = ref.part
      ? this.countPart(ref, load)
      : this.sumParts(ref, load);
    const reportingTime = new Date(this.schedule.loads[load] ?? 0);
    const common = { raceId, title: ref.title, load, reportingTime, precincts, precinctsTotal };
    if (ref.proposition) {
      const { number, name } = ref.proposition;
      const measure = { number, name, yes: votes[0] ?? 0, no: votes[1] ?? 0 };
      return Object.assign(common, { kind: 'measure' as const, candidates: [], measure });
    }
    const candidates = (ref.contest?.candidates ?? []).map((candidate, index) => ({
      name: candidate.name,
      party: candidate.party,
      votes: votes[index] ?? 0,
      incumbent: candidate.incumbent,
    }));
    return Object.assign(common, { kind: 'candidates' as const, candidates, measure: null });
  }

  private countPart(ref: RaceRef, load: number): Counted {
    const code = ref.part?.county.code ?? '';
    const model = this.modelsFor(ref).get(code);
    if (!model) throw new Error(`Race ${ref.totalId} has no model for county ${code}`);

    const progress = countyProgress(this.schedule, code, load);
    // Flooring each stream on its own keeps every count from ever going down.
    const votes = model.finalVotes.map((streams) =>
      streams.reduce((sum, final, stream) => sum + Math.floor(final * (progress.streams[stream] ?? 0)), 0),
    );
    return {
      votes,
      precincts: Math.floor(model.precincts * progress.precincts),
      precinctsTotal: model.precincts,
    };
  }

  /** A total is the sum of its county parts, so the two always agree. */
  private sumParts(ref: RaceRef, load: number): Counted {
    const parts = ref.contest?.parts ?? ref.proposition?.parts ?? [];
    const summed: Counted = { votes: [], precincts: 0, precinctsTotal: 0 };
    for (const part of parts) {
      const results = this.at(part.raceId, load);
      const votes = results.measure
        ? [results.measure.yes, results.measure.no]
        : results.candidates.map((c) => c.votes);
      votes.forEach((count, index) => (summed.votes[index] = (summed.votes[index] ?? 0) + count));
      summed.precincts += results.precincts;
      summed.precinctsTotal += results.precinctsTotal;
    }
    return summed;
  }

  private modelsFor(ref: RaceRef): Map<string, PartModel> {
    const known = this.models.get(ref.totalId);
    if (known) return known;

    const weights = (code: string) => this.schedule.plans.get(code)?.weights ?? ([0, 0, 0] as const);
    const models = ref.contest
      ? modelCandidateParts(this.ballot, ref.totalId, ref.contest.candidates, ref.contest.parts, weights)
      : modelMeasureParts(this.ballot, ref.totalId, ref.proposition?.parts ?? [], weights);
    const byCounty = new Map(models.map((model) => [model.countyCode, model]));
    this.models.set(ref.totalId, byCounty);
    return byCounty;
  }
}
