/**
 * The normalized results model every part of the app shares: numbers as numbers, times as
 * ISO-8601 with their Pacific offset, candidates sorted by votes. The schemas validate it
 * wherever it crosses a process or a disk boundary.
 */
import { z } from 'zod';

/** ISO-8601 with an explicit offset: `2026-11-03T20:10:00-08:00`. */
export const IsoTimeSchema = z.iso.datetime({ offset: true });

const count = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);

export const ReportingSchema = z.object({
  percent,
  precincts: count,
  precinctsTotal: count,
});

export const CandidateSchema = z.object({
  name: z.string(),
  party: z.string(),
  votes: count,
  percent,
  incumbent: z.boolean(),
  /** Position on the ballot (0-based): the API's own order, which breaks ties in votes. */
  ballotOrder: count,
  /** Votes gained since the previous distinct load, or null when there is none to compare. */
  delta: z.number().int().nullable(),
});

export const RaceScopeSchema = z.enum(['statewide', 'districtwide', 'county']);

const raceBase = {
  /** The 14-digit race id. */
  id: z.string().regex(/^\d{14}$/),
  /** The title as the API sent it. */
  title: z.string(),
  /** The office parsed from the title ("Governor", "State Assembly"), or the title itself. */
  office: z.string(),
  district: z.number().int().positive().nullable(),
  scope: RaceScopeSchema,
  /** The county's name for county-scope races. */
  county: z.string().nullable(),
  reporting: ReportingSchema,
  /** The load's `ReportingTime`, in ISO-8601 with its Pacific offset. */
  updatedAt: IsoTimeSchema,
  totalVotes: count,
  /** `updatedAt` of the previous distinct load the deltas are measured from, or null. */
  deltaSince: IsoTimeSchema.nullable(),
};

export const CandidateRaceSchema = z.object({
  ...raceBase,
  kind: z.literal('candidates'),
  /** Sorted by votes, ties in ballot order. */
  candidates: z.array(CandidateSchema),
  /** Leader's lead over the runner-up, or null with fewer than two candidates or no votes. */
  margin: z.object({ votes: count, percent }).nullable(),
});

export const MeasureSideSchema = z.object({
  votes: count,
  percent,
  delta: z.number().int().nullable(),
});

export const MeasureRaceSchema = z.object({
  ...raceBase,
  kind: z.literal('measure'),
  measure: z.object({
    number: z.number().int().positive(),
    name: z.string(),
    yes: MeasureSideSchema,
    no: MeasureSideSchema,
  }),
});

export const RaceSchema = z.discriminatedUnion('kind', [CandidateRaceSchema, MeasureRaceSchema]);

export type Reporting = z.infer<typeof ReportingSchema>;
export type Candidate = z.infer<typeof CandidateSchema>;
export type RaceScope = z.infer<typeof RaceScopeSchema>;
export type CandidateRace = z.infer<typeof CandidateRaceSchema>;
export type MeasureSide = z.infer<typeof MeasureSideSchema>;
export type MeasureRace = z.infer<typeof MeasureRaceSchema>;
export type Race = z.infer<typeof RaceSchema>;

/** The leading candidate, or null before any votes are counted. */
export function leaderOf(race: CandidateRace): Candidate | null {
  const first = race.candidates[0];
  return first && first.votes > 0 ? first : null;
}
