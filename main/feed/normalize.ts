/**
 * Raw SOS payloads to the shared `Race` model. Every payload is validated first (a bad one is
 * refused with the path and field that broke it), then its title is checked against the race
 * it was asked for, so numbers are never shown under the wrong title.
 */
import {
  isBallotMeasures,
  RawBallotMeasuresSchema,
  RawCandidateContestSchema,
  type RawBallotMeasures,
  type RawCandidateContest,
  type RawContest,
  type RawMeasure,
} from '../../shared/api-schema.js';
import type { Candidate, CandidateRace, MeasureRace } from '../../shared/model.js';
import { parseReportingTime, ReportingTimeError } from '../../shared/pacific-time.js';
import { measureRaceId, parseRaceId, type RaceIdParts } from '../../shared/race-id.js';
import { formatIssues } from '../../shared/validate.js';
import { checkedPercents, parseReporting, parseVotes } from './numbers.js';
import { parseTitle, scopeOfRace, titleMisfit } from './title.js';

/** A race id the answer could not give a usable race for, and why. */
export interface Rejection {
  readonly id: string;
  readonly reason: string;
  /**
   * True when the answer says the race does not exist rather than being broken: a county
   * outside the district gets only the districtwide total.
   */
  readonly notOnBallot?: boolean;
}

/** Something worth one log line (per race) that did not stop the race: recomputed percents. */
export interface Notice {
  readonly id: string;
  readonly message: string;
}

export interface Normalized {
  readonly races: (CandidateRace | MeasureRace)[];
  readonly rejected: Rejection[];
  readonly notices: Notice[];
}

/** Checks one raw contest object; returns it typed, or the `field: problem` list. */
export function validateContest(value: unknown): { contest: RawContest } | { issues: string[] } {
  const isMeasures = typeof value === 'object' && value !== null && 'ballot-measures' in value;
  const result = isMeasures
    ? RawBallotMeasuresSchema.safeParse(value)
    : RawCandidateContestSchema.safeParse(value);
  return result.success ? { contest: result.data } : { issues: formatIssues(result.error) };
}

/** Bounded memo for pure string functions: titles and stamps repeat across every load. */
function memoized<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      if (memo.size >= limit) memo.clear();
      value = compute(text);
      memo.set(text, value);
    }
    return value;
  };
}

// A throwing parse is not memoized (the Map never sees it), so bad stamps are still refused.
const reportingTimeOf = memoized(parseReportingTime);
const titleOf = memoized(parseTitle);
const raceIdOf = memoized(parseRaceId);

function sortCandidates(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => b.votes - a.votes || a.ballotOrder - b.ballotOrder);
}

function marginOf(sorted: readonly Candidate[]): CandidateRace['margin'] {
  const [first, second] = sorted;
  if (!first || !second || first.votes === 0) return null;
  const percent = Math.round((first.percent - second.percent) * 10) / 10;
  return { votes: first.votes - second.votes, percent: Math.max(0, percent) };
}

const RECOMPUTED = 'the percents sent disagree with the votes; showing percents recomputed from the votes';

/** A top-two primary lists 60 or so; far beyond this, the answer is broken or hostile. */
const CROWDED_FIELD = 500;
const CROWDED = `it lists more than ${CROWDED_FIELD} candidates, far more than any real contest; showing them as sent`;

const CONTEST_KEYS = new Set(['raceTitle', 'Reporting', 'ReportingTime', 'candidates', 'ballot-measures']);
const ENTRY_KEYS = new Set(['Name', 'Party', 'Votes', 'Percent', 'incumbent', 'Number']);
for (const key of ['yesVotes', 'yesPercent', 'noVotes', 'noPercent']) ENTRY_KEYS.add(key);

/** Keys the API has never sent: harmless (ignored), but a sign its format is changing. */
function unknownFields(contest: RawContest): string[] {
  const entries: readonly object[] = isBallotMeasures(contest)
    ? contest['ballot-measures']
    : contest.candidates;
  const keys = new Set(Object.keys(contest).filter((key) => !CONTEST_KEYS.has(key)));
  for (const entry of entries) for (const key of Object.keys(entry)) if (!ENTRY_KEYS.has(key)) keys.add(key);
  return [...keys].slice(0, 5).map((key) => JSON.stringify(key.slice(0, 40)));
}

type RaceBase = Omit<CandidateRace, 'kind' | 'candidates' | 'margin'>;

/** The fields every race has, from the payload's header and the race id. */
function raceBase(
  raw: RawContest,
  id: string,
  parts: RaceIdParts,
  naming: { title: string; office: string },
  totalVotes: number,
): RaceBase {
  return {
    id,
    ...naming,
    district: parts.district > 0 ? parts.district : null,
    scope: scopeOfRace(parts),
    county: parts.county?.name ?? null,
    reporting: parseReporting(raw.Reporting),
    updatedAt: reportingTimeOf(raw.ReportingTime),
    totalVotes,
    deltaSince: null,
  };
}

/** A candidate contest as the race `id` (already checked to fit its title). */
export function normalizeCandidateContest(
  raw: RawCandidateContest,
  id: string,
  parts: RaceIdParts,
  notices: Notice[],
): CandidateRace {
  const votes = raw.candidates.map((candidate) => parseVotes(candidate.Votes));
  const sent = raw.candidates.map((candidate) => Number(candidate.Percent));
  const { percents, recomputed } = checkedPercents(votes, sent);
  if (recomputed) notices.push({ id, message: RECOMPUTED });
  if (raw.candidates.length > CROWDED_FIELD) notices.push({ id, message: CROWDED });

  const candidates = sortCandidates(
    raw.candidates.map((candidate, index) => ({
      name: candidate.Name,
      party: candidate.Party,
      votes: votes[index] ?? 0,
      percent: percents[index] ?? 0,
      incumbent: candidate.incumbent,
      ballotOrder: index,
      delta: null,
    })),
  );
  const naming = { title: raw.raceTitle, office: titleOf(raw.raceTitle).office || parts.contest.label };
  const total = votes.reduce((sum, value) => sum + value, 0);
  return {
    ...raceBase(raw, id, parts, naming, total),
    kind: 'candidates',
    candidates,
    margin: marginOf(candidates),
  };
}

function normalizeMeasure(
  raw: RawBallotMeasures,
  measure: RawMeasure,
  parts: RaceIdParts,
  notices: Notice[],
): MeasureRace {
  const number = Number(measure.Number);
  const id = measureRaceId(number, parts.county?.code);
  const votes = [parseVotes(measure.yesVotes), parseVotes(measure.noVotes)];
  const sent = [Number(measure.yesPercent), Number(measure.noPercent)];
  const { percents, recomputed } = checkedPercents(votes, sent);
  if (recomputed) notices.push({ id, message: RECOMPUTED });

  const [yes = 0, no = 0] = votes;
  const naming = { title: `Proposition ${number} - ${raw.raceTitle}`, office: `Proposition ${number}` };
  const measureParts = { ...parts, measure: number };
  return {
    ...raceBase(raw, id, measureParts, naming, yes + no),
    kind: 'measure',
    measure: {
      number,
      name: measure.Name,
      yes: { votes: yes, percent: percents[0] ?? 0, delta: null },
      no: { votes: no, percent: percents[1] ?? 0, delta: null },
    },
  };
}

/** Every proposition of a ballot-measures payload, each a race of its own. */
export function normalizeBallotMeasures(
  raw: RawBallotMeasures,
  parts: RaceIdParts,
  notices: Notice[],
): MeasureRace[] {
  return raw['ballot-measures']
    .filter((measure) => Number(measure.Number) > 0)
    .map((measure) => normalizeMeasure(raw, measure, parts, notices));
}

/**
 * One answer for one race id: an object, or a county answer `[county, districtwide]`, from
 * which the object whose title fits the id is taken. Measures expand to every proposition.
 */
export function normalizeContestAnswer(value: unknown, id: string): Normalized {
  const parts = raceIdOf(id);
  const candidates = Array.isArray(value) ? value : [value];
  const misfits: string[] = [];
  // Only a district contest can leave a county out; a statewide one covers every county.
  let onlyTotals = candidates.length > 0 && parts.county !== null && parts.contest.kind === 'district';
  for (const [index, candidate] of candidates.entries()) {
    const checked = validateContest(candidate);
    const where = Array.isArray(value) ? `[${index}] ` : '';
    if ('issues' in checked) return reject(id, `invalid payload: ${where}${checked.issues.join('; ')}`);

    const title = titleOf(checked.contest.raceTitle);
    const misfit = titleMisfit(title, parts);
    if (misfit === null) return normalizeFitting(checked.contest, id, parts);

    misfits.push(`"${checked.contest.raceTitle}": ${misfit}`);
    onlyTotals &&= title.county === null && titleMisfit(title, { ...parts, county: null }) === null;
  }
  if (onlyTotals) {
    const reason = 'not on this ballot (the county is outside the district: only the total answered)';
    return { races: [], rejected: [{ id, reason, notOnBallot: true }], notices: [] };
  }
  return reject(id, `no answer fits the race: ${misfits.join('; ') || 'empty answer'}`);
}

function normalizeFitting(contest: RawContest, id: string, parts: RaceIdParts): Normalized {
  const notices: Notice[] = [];
  const isMeasureId = parts.contest.kind === 'measure';
  if (isBallotMeasures(contest) !== isMeasureId) {
    return reject(
      id,
      isMeasureId ? 'a candidate contest answered for a proposition' : 'propositions answered',
    );
  }
  const unknown = unknownFields(contest);
  if (unknown.length > 0)
    notices.push({
      id,
      message: `the answer has fields the app does not read (${unknown.join(', ')}); ignored them`,
    });
  try {
    const races = isBallotMeasures(contest)
      ? normalizeBallotMeasures(contest, parts, notices)
      : [normalizeCandidateContest(contest, id, parts, notices)];
    return { races, rejected: [], notices };
  } catch (error) {
    if (error instanceof ReportingTimeError)
      return reject(id, `invalid payload: ReportingTime: ${error.message}`);
    throw error;
  }
}

function reject(id: string, reason: string): Normalized {
  return { races: [], rejected: [{ id, reason }], notices: [] };
}
