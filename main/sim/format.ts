/**
 * Numbers into the API's text, exactly as the real one writes it: every value a string except
 * `incumbent`, commas in candidate votes but not in measure votes, one-decimal percents from
 * the votes, and `Reporting` that drops a trailing `.0` on the query endpoint only.
 */
import {
  isBallotMeasures,
  type RawBallotMeasures,
  type RawCandidateContest,
  type RawMeasure,
} from '../../shared/api-schema.js';
import { formatReportingTime } from '../../shared/pacific-time.js';
import type { MeasureNumbers, RaceResults } from './results.js';

export type ReportingStyle = 'query' | 'contest';

const withCommas = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 0 });

export function formatVotes(votes: number, commas: boolean): string {
  return commas ? withCommas.format(votes) : String(votes);
}

/** `part` over `total` as a one-decimal percent; `"0.0"` when nothing is counted. */
export function formatPercent(part: number, total: number): string {
  return total > 0 ? ((part / total) * 100).toFixed(1) : '0.0';
}

/** `"56.3% (295 of 524) precincts reporting"`; the query style writes `60%`, not `60.0%`. */
export function formatReporting(precincts: number, total: number, style: ReportingStyle): string {
  let percent = formatPercent(precincts, total);
  if (style === 'query' && percent.endsWith('.0')) percent = percent.slice(0, -2);
  return `${percent}% (${withCommas.format(precincts)} of ${withCommas.format(total)}) precincts reporting`;
}

export function candidatePayload(results: RaceResults, style: ReportingStyle): RawCandidateContest {
  const total = results.candidates.reduce((sum, candidate) => sum + candidate.votes, 0);
  return {
    raceTitle: results.title,
    Reporting: formatReporting(results.precincts, results.precinctsTotal, style),
    ReportingTime: formatReportingTime(results.reportingTime),
    candidates: results.candidates.map((candidate) => ({
      Name: candidate.name,
      Party: candidate.party,
      Votes: formatVotes(candidate.votes, true),
      Percent: formatPercent(candidate.votes, total),
      incumbent: candidate.incumbent,
    })),
  };
}

export function measureEntry(measure: MeasureNumbers): RawMeasure {
  const total = measure.yes + measure.no;
  return {
    Name: measure.name,
    Number: String(measure.number).padStart(2, '0'),
    yesVotes: formatVotes(measure.yes, false),
    yesPercent: formatPercent(measure.yes, total),
    noVotes: formatVotes(measure.no, false),
    noPercent: formatPercent(measure.no, total),
  };
}

/** A ballot-measures object: every proposition of a scope, or the one a query asked for. */
export function measuresPayload(title: string, results: readonly RaceResults[]): RawBallotMeasures {
  const first = results[0];
  return {
    raceTitle: title,
    // Every proposition is on every ballot, so one's precincts stand for all.
    Reporting: formatReporting(first?.precincts ?? 0, first?.precinctsTotal ?? 0, 'contest'),
    ReportingTime: formatReportingTime(first?.reportingTime ?? new Date(0)),
    'ballot-measures': results.flatMap((result) => (result.measure ? [measureEntry(result.measure)] : [])),
  };
}

// prettier-ignore
const CANDIDATE_CSV_HEAD = ['raceTitle', 'Reporting', 'ReportingTime', 'Name', 'Party', 'Votes', 'Percent', 'incumbent'];
// prettier-ignore
const MEASURE_CSV_HEAD = [
  'raceTitle', 'Reporting', 'ReportingTime', 'Number', 'Name', 'yesVotes', 'yesPercent', 'noVotes', 'noPercent',
];

function csvField(value: string | boolean): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLines(rows: readonly (readonly (string | boolean)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV for the per-contest endpoints: one row per candidate (or proposition), repeating the
 * race's title, reporting and stamp.
 * TODO: the real API's CSV column layout has never been captured; this layout is invented and
 * should be replaced by the real one once a `?f=csv` response has been recorded.
 */
export function toCsv(payloads: readonly (RawCandidateContest | RawBallotMeasures)[]): string {
  const measures = payloads.some(isBallotMeasures);
  const rows: (string | boolean)[][] = [measures ? [...MEASURE_CSV_HEAD] : [...CANDIDATE_CSV_HEAD]];

  for (const payload of payloads) {
    const head = [payload.raceTitle, payload.Reporting, payload.ReportingTime];
    if (isBallotMeasures(payload)) {
      for (const m of payload['ballot-measures']) {
        rows.push([...head, m.Number, m.Name, m.yesVotes, m.yesPercent, m.noVotes, m.noPercent]);
      }
    } else {
      for (const c of payload.candidates) {
        rows.push([...head, c.Name, c.Party, c.Votes, c.Percent, c.incumbent]);
      }
    }
  }
  return csvLines(rows);
}
