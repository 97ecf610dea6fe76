/**
 * The raw payloads of the SOS results API, exactly as it sends them: every value a string
 * except `incumbent`. Extra keys are tolerated and kept. Formats are checked here so a bad
 * payload is refused with the path and field that broke it; turning the strings into
 * numbers is the normalizer's job.
 */
import { z } from 'zod';

/** `1,386,966` or `1386966` or `0`. */
export const VOTES_PATTERN = /^(\d{1,3}(,\d{3})+|\d+)$/;
/** One decimal, as the API always sends: `46.2`, `0.0`, `100.0`. */
export const PERCENT_PATTERN = /^\d{1,3}\.\d$/;
/** `77.1% (15,260 of 19,788) precincts reporting`; the query endpoint drops a trailing `.0`. */
export const REPORTING_PATTERN = /^(\d{1,3}(?:\.\d)?)% \(([\d,]+) of ([\d,]+)\) precincts reporting$/;
/** `June 3, 2026, 12:54 a.m.`: Pacific local time with no zone. */
export const REPORTING_TIME_PATTERN = /^([A-Z][a-z]+) (\d{1,2}), (\d{4}), (\d{1,2}):(\d{2}) ([ap])\.m\.$/;

const votes = z.string().regex(VOTES_PATTERN, 'expected a vote count like "1,386,966"');
const percent = z.string().regex(PERCENT_PATTERN, 'expected a one-decimal percent like "46.2"');
const reporting = z.string().regex(REPORTING_PATTERN, 'expected "N% (X of Y) precincts reporting"');
const reportingTime = z
  .string()
  .regex(REPORTING_TIME_PATTERN, 'expected a time like "June 3, 2026, 12:54 a.m."');

export const RawCandidateSchema = z.looseObject({
  Name: z.string(),
  Party: z.string(),
  Votes: votes,
  Percent: percent,
  incumbent: z.boolean(),
});

export const RawCandidateContestSchema = z.looseObject({
  raceTitle: z.string().min(1),
  Reporting: reporting,
  ReportingTime: reportingTime,
  candidates: z.array(RawCandidateSchema),
});

export const RawMeasureSchema = z.looseObject({
  Name: z.string(),
  Number: z.string().regex(/^\d{1,4}$/, 'expected a proposition number like "02"'),
  yesVotes: votes,
  yesPercent: percent,
  noVotes: votes,
  noPercent: percent,
});

export const RawBallotMeasuresSchema = z.looseObject({
  raceTitle: z.string().min(1),
  Reporting: reporting,
  ReportingTime: reportingTime,
  'ballot-measures': z.array(RawMeasureSchema),
});

/** One object as a contest path or the query endpoint answers it. */
export const RawContestSchema = z.union([RawCandidateContestSchema, RawBallotMeasuresSchema]);

/** The query endpoint: one object per id asked for, in the same order. */
export const RawQueryResponseSchema = z.array(RawContestSchema);

/**
 * County paths answer one object, or `[county, districtwide]`; a county outside the
 * district answers only the districtwide object. Pick the county one by its title.
 */
export const RawCountyResponseSchema = z.union([RawContestSchema, z.array(RawContestSchema).min(1).max(2)]);

/**
 * `/returns/status`. The API's shape is unknown (reported, never captured), so only the
 * stamp is required and everything else is kept as sent.
 */
export const RawStatusSchema = z.looseObject({
  ReportingTime: reportingTime,
  counties: z.array(z.looseObject({ County: z.string(), Reporting: reporting })).optional(),
});

export type RawCandidate = z.infer<typeof RawCandidateSchema>;
export type RawCandidateContest = z.infer<typeof RawCandidateContestSchema>;
export type RawMeasure = z.infer<typeof RawMeasureSchema>;
export type RawBallotMeasures = z.infer<typeof RawBallotMeasuresSchema>;
export type RawContest = z.infer<typeof RawContestSchema>;
export type RawStatus = z.infer<typeof RawStatusSchema>;

export function isBallotMeasures(contest: RawContest): contest is RawBallotMeasures {
  return 'ballot-measures' in contest;
}
