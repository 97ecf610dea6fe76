import { describe, expect, it } from 'vitest';
import { contestBySlug } from '../../shared/contests.js';
import { COUNTIES, countyBySlug } from '../../shared/counties.js';
import {
  apiPathForRace,
  buildRaceId,
  measureRaceId,
  parseRaceId,
  queryPath,
  RaceIdError,
} from '../../shared/race-id.js';

describe('counties', () => {
  it('numbers the 58 counties alphabetically from 01, not by FIPS', () => {
    expect(COUNTIES).toHaveLength(58);
    expect(COUNTIES[0]).toEqual({ code: '01', name: 'Alameda', slug: 'alameda' });
    expect(countyBySlug('lake')?.code).toBe('17');
    expect(countyBySlug('los-angeles')?.code).toBe('19');
    expect(countyBySlug('marin')?.code).toBe('21');
    expect(COUNTIES[57]?.name).toBe('Yuba');
  });

  it('slugs multi-word names with hyphens', () => {
    expect(countyBySlug('san-luis-obispo')?.name).toBe('San Luis Obispo');
    expect(countyBySlug('contra-costa')?.code).toBe('07');
  });
});

describe('race ids', () => {
  it('parses a districtwide U.S. House id', () => {
    const parts = parseRaceId('11000001000059');
    expect(parts.contest.slug).toBe('us-rep');
    expect(parts.district).toBe(1);
    expect(parts.county).toBeNull();
  });

  it('parses a proposition id and a county id', () => {
    expect(parseRaceId('19000000005059').measure).toBe(50);
    expect(parseRaceId('02000000000017').county?.name).toBe('Lake');
  });

  it('round-trips through buildRaceId', () => {
    for (const id of ['02000000000059', '13000080000019', '19000000003221', '09000004000001']) {
      expect(buildRaceId(parseRaceId(id))).toBe(id);
    }
  });

  it('builds the measure id from the proposition number', () => {
    expect(measureRaceId(2)).toBe('19000000000259');
    expect(measureRaceId(50, '19')).toBe('19000000005019');
  });

  it.each([
    ['1100000100005', 'expected 14 digits'],
    ['99000000000059', 'unknown contest code 99'],
    ['02000000000060', 'unknown county code 60'],
    ['11000053000059', 'has no district 53'],
    ['02000001000059', 'is not a district contest'],
    ['19000000000059', 'do not fit contest'],
    ['02000000000159', 'do not fit contest'],
  ])('refuses %s (%s)', (id, reason) => {
    expect(() => parseRaceId(id)).toThrow(RaceIdError);
    expect(() => parseRaceId(id)).toThrow(reason);
  });
});

describe('API paths', () => {
  it('maps races to their per-contest paths', () => {
    expect(apiPathForRace(parseRaceId('02000000000059'))).toBe('/returns/governor');
    expect(apiPathForRace(parseRaceId('02000000000017'))).toBe('/returns/governor/county/lake');
    expect(apiPathForRace(parseRaceId('11000001000059'))).toBe('/returns/us-rep/district/1');
    expect(apiPathForRace(parseRaceId('13000005000007'))).toBe(
      '/returns/state-assembly/district/5/county/contra-costa',
    );
    expect(apiPathForRace(parseRaceId('19000000005059'))).toBe('/returns/ballot-measures');
    expect(contestBySlug('ballot-measures')?.code).toBe('19');
  });

  it('percent-encodes the query array', () => {
    expect(queryPath(['13000001000059'])).toBe('/returns/query?r=%5B%2213000001000059%22%5D');
  });

  it('makes a query for 11 ids impossible to build', () => {
    const ids = Array.from({ length: 11 }, (_, index) => measureRaceId(index + 1));
    expect(() => queryPath(ids)).toThrow(RangeError);
    expect(() => queryPath(ids.slice(0, 10))).not.toThrow();
    expect(() => queryPath([])).toThrow(RangeError);
  });
});
