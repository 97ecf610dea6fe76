/**
 * Race ids: 14 digits, `CC DDDDDD MMMM NN` (contest, district, measure number, county).
 * County 59 is the statewide or districtwide total. `11000001000059` is U.S. House
 * district 1; `19000000005059` is Proposition 50, statewide.
 */
import { ReturnsWallError } from './errors.js';
import { type Contest, contestByCode, MEASURE_CONTEST_CODE } from './contests.js';
import { type County, countyByCode, TOTAL_COUNTY_CODE } from './counties.js';

export class RaceIdError extends ReturnsWallError {
  constructor(
    readonly raceId: string,
    reason: string,
  ) {
    super(`Race id "${raceId}" is not valid: ${reason}`);
  }
}

export interface RaceIdParts {
  readonly contest: Contest;
  /** District number; 0 for statewide contests and measures. */
  readonly district: number;
  /** Proposition number; 0 for candidate contests. */
  readonly measure: number;
  /** The county, or null for the statewide or districtwide total (code 59). */
  readonly county: County | null;
}

const RACE_ID_PATTERN = /^(\d{2})(\d{6})(\d{4})(\d{2})$/;

export function isRaceId(value: string): boolean {
  try {
    parseRaceId(value);
    return true;
  } catch {
    return false;
  }
}

export function parseRaceId(id: string): RaceIdParts {
  const match = RACE_ID_PATTERN.exec(id);
  if (!match) throw new RaceIdError(id, 'expected 14 digits');
  const [, contestCode = '', districtDigits = '', measureDigits = '', countyCode = ''] = match;

  const contest = contestByCode(contestCode);
  if (!contest) throw new RaceIdError(id, `unknown contest code ${contestCode}`);

  const county = countyCode === TOTAL_COUNTY_CODE ? null : countyByCode(countyCode);
  if (county === undefined) throw new RaceIdError(id, `unknown county code ${countyCode}`);

  const district = Number(districtDigits);
  const measure = Number(measureDigits);
  checkDistrict(id, contest, district);
  if (contest.code === MEASURE_CONTEST_CODE ? measure === 0 : measure !== 0) {
    throw new RaceIdError(id, `measure digits ${measureDigits} do not fit contest ${contest.label}`);
  }
  return { contest, district, measure, county };
}

function checkDistrict(id: string, contest: Contest, district: number): void {
  if (contest.kind === 'district') {
    if (district < 1 || district > (contest.districts ?? 0)) {
      throw new RaceIdError(id, `${contest.label} has no district ${district}`);
    }
  } else if (district !== 0) {
    throw new RaceIdError(id, `${contest.label} is not a district contest`);
  }
}

export function buildRaceId(parts: RaceIdParts): string {
  const id =
    parts.contest.code +
    String(parts.district).padStart(6, '0') +
    String(parts.measure).padStart(4, '0') +
    (parts.county?.code ?? TOTAL_COUNTY_CODE);
  parseRaceId(id);
  return id;
}

/** The race id of a proposition: `19000000` + its 4-digit number + the county code (59 for the total). */
export function measureRaceId(number: number, countyCode: string = TOTAL_COUNTY_CODE): string {
  return `${MEASURE_CONTEST_CODE}000000${String(number).padStart(4, '0')}${countyCode}`;
}

/**
 * The per-contest API path that answers for a race:
 * `/returns/governor`, `/returns/us-rep/district/1/county/lake`, `/returns/ballot-measures`.
 * Measures share one path per scope, so every proposition maps to the same path.
 */
export function apiPathForRace(parts: RaceIdParts): string {
  let path = `/returns/${parts.contest.slug}`;
  if (parts.contest.kind === 'district') path += `/district/${parts.district}`;
  if (parts.county) path += `/county/${parts.county.slug}`;
  return path;
}

/** The API answers HTTP 500 to a query for 11 or more ids. */
export const MAX_IDS_PER_QUERY = 10;

/**
 * The query endpoint's path for 1 to 10 ids, percent-encoded. More than 10 throws, so no
 * caller can build a request the API is known to refuse.
 */
export function queryPath(ids: readonly string[]): string {
  if (ids.length === 0 || ids.length > MAX_IDS_PER_QUERY) {
    throw new RangeError(`A query takes 1 to ${MAX_IDS_PER_QUERY} ids, not ${ids.length}`);
  }
  return `/returns/query?r=${encodeURIComponent(JSON.stringify(ids))}`;
}
