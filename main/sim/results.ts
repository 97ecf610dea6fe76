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

export class NightResults {
  private readonly refs = new Map<string, RaceRef>();
  private readonly models = new Map<string, PartModel[]>();
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

    const models = this.modelsFor(ref).filter(
      (model) => !ref.part || model.countyCode === ref.part.county.code,
    );
    const { votes, precincts, precinctsTotal } = this.count(models, load);
    const base = {
      raceId,
      title: ref.title,
      load,
      reportingTime: new Date(this.schedule.loads[load] ?? 0),
      precincts,
      precinctsTotal,
    };
    if (ref.proposition) {
      const { number, name } = ref.proposition;
      const measure = { number, name, yes: votes[0] ?? 0, no: votes[1] ?? 0 };
      return { ...base, kind: 'measure', candidates: [], measure };
    }
    const candidates = (ref.contest?.candidates ?? []).map((candidate, index) => ({
      ...candidate,
      votes: votes[index] ?? 0,
    }));
    return { ...base, kind: 'candidates', candidates, measure: null };
  }

  private modelsFor(ref: RaceRef): PartModel[] {
    const known = this.models.get(ref.totalId);
    if (known) return known;

    const weights = (code: string) => this.schedule.plans.get(code)?.weights ?? ([0, 0, 0] as const);
    const models = ref.contest
      ? modelCandidateParts(this.ballot, ref.totalId, ref.contest.candidates, ref.contest.parts, weights)
      : modelMeasureParts(this.ballot, ref.totalId, ref.proposition?.parts ?? [], weights);
    this.models.set(ref.totalId, models);
    return models;
  }

  private count(models: readonly PartModel[], load: number) {
    const votes: number[] = [];
    let precincts = 0;
    let precinctsTotal = 0;
    for (const model of models) {
      const progress = countyProgress(this.schedule, model.countyCode, load);
      model.finalVotes.forEach((streams, choice) => {
        // Flooring each stream on its own keeps every count from ever going down.
        const counted = streams.reduce(
          (sum, final, stream) => sum + Math.floor(final * (progress.streams[stream] ?? 0)),
          0,
        );
        votes[choice] = (votes[choice] ?? 0) + counted;
      });
      precincts += Math.floor(model.precincts * progress.precincts);
      precinctsTotal += model.precincts;
    }
    return { votes, precincts, precinctsTotal };
  }
}
