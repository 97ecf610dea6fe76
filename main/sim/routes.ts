/**
 * Requests to replies, the way api.sos.ca.gov answers them: the query endpoint, per-contest
 * paths and their county forms, ballot measures, status; CSV on per-contest paths; 404 for
 * anything else, including contests not on this ballot.
 */
import type { RawBallotMeasures, RawCandidateContest } from '../../shared/api-schema.js';
import { countyBySlug } from '../../shared/counties.js';
import { formatReportingTime } from '../../shared/pacific-time.js';
import { MAX_IDS_PER_QUERY } from '../../shared/race-id.js';
import type { BallotContest, CountyPart } from './ballot.js';
import { candidatePayload, formatReporting, measuresPayload, toCsv, type ReportingStyle } from './format.js';
import type { NightResults } from './results.js';

export interface Reply {
  readonly status: number;
  /** A JSON value to serialize, or text (CSV, error pages) sent as is. */
  readonly json?: unknown;
  readonly text?: string;
  readonly contentType: string;
  /** Race ids the reply answers for, which fault rules can target. */
  readonly ids: readonly string[];
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export function notFound(): Reply {
  return { status: 404, text: 'Not Found', contentType: TEXT_TYPE, ids: [] };
}

function serverError(message: string): Reply {
  return { status: 500, text: message, contentType: TEXT_TYPE, ids: [] };
}

type Payload = RawCandidateContest | RawBallotMeasures;

function reply(payload: Payload | Payload[], ids: readonly string[], csv: boolean): Reply {
  if (!csv) return { status: 200, json: payload, contentType: JSON_TYPE, ids };
  const text = toCsv(Array.isArray(payload) ? payload : [payload]);
  return { status: 200, text, contentType: 'text/csv; charset=utf-8', ids };
}

/** Reads `r` as the API does: a JSON array of id strings, sent raw or percent-encoded. */
export function parseQueryIds(search: string): string[] | null {
  const raw = new URLSearchParams(search).get('r');
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value) || value.length === 0) return null;
    return value.every((id) => typeof id === 'string') ? (value as string[]) : null;
  } catch {
    return null;
  }
}

export class RouteTable {
  constructor(private readonly results: NightResults) {}

  /** The reply for a path and query string (`?f=csv`, `?r=[...]`) at a load. */
  resolve(pathname: string, search: string, load: number): Reply {
    const segments = pathname.split('/').slice(1);
    if (segments[0] !== 'returns' || segments.some((segment) => segment === '')) return notFound();

    const csv = new URLSearchParams(search).get('f') === 'csv';
    const [, office = '', ...rest] = segments;
    if (office === 'query' && rest.length === 0) return this.query(search, load);
    if (office === 'status' && rest.length === 0) return this.status(load);
    if (office === 'ballot-measures') return this.measures(rest, load, csv);
    return this.contest(office, rest, load, csv);
  }

  private query(search: string, load: number): Reply {
    const ids = parseQueryIds(search);
    if (!ids) return serverError('The r parameter must be a JSON array of race ids.');
    if (ids.length > MAX_IDS_PER_QUERY) return serverError('Too many race ids.');
    // TODO: what the real API answers for an id it does not know has never been captured; a
    // 404 for the whole query is a guess to revisit once one is recorded.
    if (ids.some((id) => !this.results.find(id))) return notFound();
    return reply(
      ids.map((id) => this.objectFor(id, load, 'query')),
      ids,
      false,
    );
  }

  private objectFor(raceId: string, load: number, style: ReportingStyle): Payload {
    const results = this.results.at(raceId, load);
    return results.kind === 'measure'
      ? measuresPayload(results.title, [results])
      : candidatePayload(results, style);
  }

  private measures(rest: readonly string[], load: number, csv: boolean): Reply {
    const propositions = this.results.ballot.propositions;
    if (rest.length === 0) {
      const ids = propositions.map((item) => item.raceId);
      return this.measuresReply('Ballot Measures - Statewide Results', ids, load, csv);
    }

    const county = rest.length === 2 && rest[0] === 'county' ? countyBySlug(rest[1] ?? '') : undefined;
    if (!county) return notFound();
    const ids = propositions.flatMap((item) =>
      item.parts.filter((part) => part.county === county).map((part) => part.raceId),
    );
    return this.measuresReply(`Ballot Measures - ${county.name} County Results`, ids, load, csv);
  }

  /** Every proposition of one scope in one object, as `/returns/ballot-measures` answers. */
  private measuresReply(title: string, ids: readonly string[], load: number, csv: boolean): Reply {
    const results = ids.map((id) => this.results.at(id, load));
    return reply(measuresPayload(title, results), ids, csv);
  }

  private contest(office: string, rest: readonly string[], load: number, csv: boolean): Reply {
    const [first, district, third, slug, ...extra] = rest;
    if (extra.length > 0) return notFound();
    if (first === undefined) return this.whole(this.findContest(office, 0), load, csv);
    if (first === 'county' && district !== undefined && third === undefined) {
      return this.countyOfStatewide(this.findContest(office, 0), district, load, csv);
    }
    if (first !== 'district' || district === undefined || !/^[1-9]\d*$/.test(district)) return notFound();

    const contest = this.findContest(office, Number(district));
    if (third === undefined) return this.whole(contest, load, csv);
    if (third !== 'county' || slug === undefined) return notFound();
    return this.countyOfDistrict(contest, slug, load, csv);
  }

  private findContest(office: string, district: number): BallotContest | undefined {
    return this.results.ballot.contests.find(
      (item) => item.contest.slug === office && item.district === district,
    );
  }

  private whole(contest: BallotContest | undefined, load: number, csv: boolean): Reply {
    if (!contest) return notFound();
    return reply(this.objectFor(contest.raceId, load, 'contest'), [contest.raceId], csv);
  }

  private countyOfStatewide(
    contest: BallotContest | undefined,
    slug: string,
    load: number,
    csv: boolean,
  ): Reply {
    const part = partFor(contest, slug);
    if (!contest || !part) return notFound();
    return reply(this.objectFor(part.raceId, load, 'contest'), [part.raceId], csv);
  }

  private countyOfDistrict(
    contest: BallotContest | undefined,
    slug: string,
    load: number,
    csv: boolean,
  ): Reply {
    if (!contest || !countyBySlug(slug)) return notFound();
    const whole = this.objectFor(contest.raceId, load, 'contest');
    const part = partFor(contest, slug);
    if (!part) return reply(whole, [contest.raceId], csv);
    return reply([this.objectFor(part.raceId, load, 'contest'), whole], [part.raceId, contest.raceId], csv);
  }

  /**
   * `/returns/status`: the load's stamp and each county's precincts reporting.
   * TODO: the real shape of this endpoint has never been captured (reported only); this one is
   * invented to fit `RawStatusSchema` and should follow the first real capture.
   */
  private status(load: number): Reply {
    const statewide = this.results.ballot.contests[0];
    if (!statewide) return notFound();
    const counties = statewide.parts.map((part) => {
      const results = this.results.at(part.raceId, load);
      return {
        County: part.county.name,
        Reporting: formatReporting(results.precincts, results.precinctsTotal, 'contest'),
      };
    });
    const reportingTime = formatReportingTime(this.results.at(statewide.raceId, load).reportingTime);
    return { status: 200, json: { ReportingTime: reportingTime, counties }, contentType: JSON_TYPE, ids: [] };
  }
}

function partFor(contest: BallotContest | undefined, slug: string): CountyPart | undefined {
  return contest?.parts.find((part) => part.county.slug === slug);
}
