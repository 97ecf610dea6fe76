/**
 * Which requests one poll cycle makes: candidate races through the query endpoint, at most
 * 10 ids a request whatever the config says; propositions through `/returns/ballot-measures`
 * (one request per scope, however many propositions); and any contest path asked for by name.
 */
import { contestBySlug, MEASURE_CONTEST_CODE } from '../../shared/contests.js';
import { countyBySlug, TOTAL_COUNTY_CODE } from '../../shared/counties.js';
import {
  buildRaceId,
  MAX_IDS_PER_QUERY,
  measureRaceId,
  parseRaceId,
  queryPath,
} from '../../shared/race-id.js';
import { ReturnsWallError } from '../../shared/errors.js';

export interface QueryRequest {
  readonly kind: 'query';
  readonly path: string;
  /** In the order the answer lists them. */
  readonly ids: readonly string[];
}

export interface ContestPathRequest {
  readonly kind: 'path';
  readonly path: string;
  /** The race id the answer is read as (for propositions: any one of the scope). */
  readonly answersFor: string;
  /** Race ids wanted from the answer; null keeps every race it holds. */
  readonly wanted: readonly string[] | null;
}

export type PlannedRequest = QueryRequest | ContestPathRequest;

export class ContestPathError extends ReturnsWallError {}

function measurePath(countyCode: string): string {
  const county = parseRaceId(measureRaceId(1, countyCode)).county;
  return county ? `/returns/ballot-measures/county/${county.slug}` : '/returns/ballot-measures';
}

/** Query batches of at most `idsPerQuery` (never more than 10) ids, in the order given. */
export function queryBatches(ids: readonly string[], idsPerQuery: number): QueryRequest[] {
  const size = Math.max(1, Math.min(Math.floor(idsPerQuery), MAX_IDS_PER_QUERY));
  const batches: QueryRequest[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const batch = ids.slice(start, start + size);
    batches.push({ kind: 'query', path: queryPath(batch), ids: batch });
  }
  return batches;
}

function measureRequests(ids: readonly string[]): ContestPathRequest[] {
  const byCounty = new Map<string, string[]>();
  for (const id of ids) {
    const countyCode = id.slice(12);
    byCounty.set(countyCode, [...(byCounty.get(countyCode) ?? []), id]);
  }
  return [...byCounty].map(([countyCode, wanted]) => ({
    kind: 'path',
    path: measurePath(countyCode),
    answersFor: wanted[0] ?? measureRaceId(1, countyCode),
    wanted,
  }));
}

/** The requests that answer for every id (deduplicated) and every named contest path. */
export function planRequests(
  ids: readonly string[],
  idsPerQuery: number,
  contestPaths: readonly string[] = [],
): PlannedRequest[] {
  const unique = [...new Set(ids)];
  const measures = unique.filter((id) => id.startsWith(MEASURE_CONTEST_CODE));
  const others = unique.filter((id) => !id.startsWith(MEASURE_CONTEST_CODE));
  const named = contestPaths.map((path): ContestPathRequest => ({
    kind: 'path',
    path,
    answersFor: raceIdOfPath(path),
    wanted: null,
  }));
  return [...queryBatches(others, idsPerQuery), ...measureRequests(measures), ...named];
}

const PATH_PATTERN = /^\/returns\/([a-z-]+)(?:\/district\/(\d+))?(?:\/county\/([a-z-]+))?\/?$/;

/**
 * The race id a contest path answers for: `/returns/governor/county/lake` is `02000000000017`;
 * `/returns/ballot-measures` stands for its scope's propositions (read as Prop 1's id).
 */
export function raceIdOfPath(path: string): string {
  const match = PATH_PATTERN.exec(path);
  const contest = match?.[1] === undefined ? undefined : contestBySlug(match[1]);
  if (!match || !contest) throw new ContestPathError(`Contest path "${path}" is not one the SOS API serves`);

  const county = match[3] === undefined ? null : countyBySlug(match[3]);
  if (county === undefined) throw new ContestPathError(`Contest path "${path}" names no California county`);
  if (contest.code === MEASURE_CONTEST_CODE) return measureRaceId(1, county?.code ?? TOTAL_COUNTY_CODE);
  try {
    return buildRaceId({ contest, district: Number(match[2] ?? 0), measure: 0, county });
  } catch (error) {
    throw new ContestPathError(`Contest path "${path}" names no race`, { cause: error });
  }
}
