/**
 * The final vote of every race, split by county and by ballot stream, drawn once from the seed.
 * Candidates' shares differ by county (its lean) and by stream (early mail and late mail lean
 * one way, election-day ballots the other), so leads can change hands as the night goes on.
 */
import type { Ballot, BallotCandidate, BallotCounty, CountyPart, Party } from './ballot.js';
import { randomFor } from './random.js';

/** One county's part of a race: each choice's final votes per stream (not yet rounded). */
export interface PartModel {
  readonly countyCode: string;
  readonly precincts: number;
  /** finalVotes[choice][stream]. */
  readonly finalVotes: readonly (readonly [number, number, number])[];
}

/** Which way a party pulls with a county's lean and a stream's swing. */
const PARTY_DIRECTION: Record<Party, number> = {
  Dem: 1,
  Grn: 0.6,
  'P&F': 0.6,
  NPP: 0,
  Lib: -0.5,
  AI: -0.8,
  Rep: -1,
};

/** Early mail leans Democratic, election day Republican, late mail Democratic again. */
const STREAM_SWING = [0.12, -0.24, 0.1] as const;

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const weights = scores.map((score) => Math.exp(score - max));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

function countyOf(ballot: Ballot, code: string): BallotCounty {
  const county = ballot.counties.find((item) => item.county.code === code);
  if (!county) throw new Error(`Rehearsal ballot has no county ${code}`);
  return county;
}

interface Chooser {
  /** Scores of each choice in a county for a stream; `noise` is the county's own, per choice. */
  scores(lean: number, stream: number, noise: readonly number[]): number[];
}

export type StreamWeights = (countyCode: string) => readonly [number, number, number];

function noiseOf(noise: readonly number[], choice: number): number {
  return noise[choice % noise.length] ?? 0;
}

function candidateChooser(seed: number, raceId: string, candidates: readonly BallotCandidate[]): Chooser {
  const random = randomFor(seed, `race:${raceId}:strength`);
  const strengths = candidates.map((candidate) => random.normal() * 0.15 + (candidate.incumbent ? 0.08 : 0));
  const swings = STREAM_SWING.map((swing) => swing + random.between(-0.05, 0.05));
  return {
    scores: (lean, stream, noise) =>
      candidates.map((candidate, index) => {
        const direction = PARTY_DIRECTION[candidate.party];
        const minor = candidate.party !== 'Dem' && candidate.party !== 'Rep' ? -0.6 : 0;
        const pull = 0.45 * (lean - 0.2) + (swings[stream] ?? 0);
        return (strengths[index] ?? 0) + minor + direction * pull + noiseOf(noise, index) * 0.1;
      }),
  };
}

function measureChooser(seed: number, raceId: string): Chooser {
  const random = randomFor(seed, `race:${raceId}:strength`);
  const base = random.normal() * 0.25;
  const direction = random.pick([1, -1, 0.3]);
  return {
    scores: (lean, stream, noise) => {
      const pull = 0.4 * (lean - 0.2) + 0.6 * (STREAM_SWING[stream] ?? 0);
      return [base + direction * pull + noiseOf(noise, 0) * 0.1, -(base + direction * pull)];
    },
  };
}

function modelPart(
  ballot: Ballot,
  raceId: string,
  part: CountyPart,
  chooser: Chooser,
  weights: StreamWeights,
): PartModel {
  const county = countyOf(ballot, part.county.code);
  const random = randomFor(ballot.seed, `race:${raceId}:county:${part.county.code}`);
  const turnout = county.ballots * part.share * random.between(0.9, 0.98);
  const noise = [random.normal(), random.normal(), random.normal(), random.normal()];
  const streamWeights = weights(part.county.code);

  const perStream = [0, 1, 2].map((stream) => {
    const shares = softmax(chooser.scores(county.lean, stream, noise));
    return shares.map((share) => share * turnout * (streamWeights[stream] ?? 0));
  });
  const finalVotes = (perStream[0] ?? []).map(
    (_, choice) =>
      [perStream[0]?.[choice] ?? 0, perStream[1]?.[choice] ?? 0, perStream[2]?.[choice] ?? 0] as const,
  );
  return { countyCode: part.county.code, precincts: part.precincts, finalVotes };
}

export function modelCandidateParts(
  ballot: Ballot,
  raceId: string,
  candidates: readonly BallotCandidate[],
  parts: readonly CountyPart[],
  weights: StreamWeights,
): PartModel[] {
  const chooser = candidateChooser(ballot.seed, raceId, candidates);
  return parts.map((part) => modelPart(ballot, raceId, part, chooser, weights));
}

export function modelMeasureParts(
  ballot: Ballot,
  raceId: string,
  parts: readonly CountyPart[],
  weights: StreamWeights,
): PartModel[] {
  const chooser = measureChooser(ballot.seed, raceId);
  return parts.map((part) => modelPart(ballot, raceId, part, chooser, weights));
}
