import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RawBallotMeasuresSchema,
  RawCandidateContestSchema,
  RawCountyResponseSchema,
  RawQueryResponseSchema,
  RawStatusSchema,
} from '../../../shared/api-schema.js';
import { formatReportingTime } from '../../../shared/pacific-time.js';
import { type RehearsalFeed, SimClockError, startRehearsalFeed } from '../../../main/sim/index.js';
import { ValidationError } from '../../../shared/errors.js';
import { get, getJson, queryOf, rawGet } from './http-helpers.js';

let feed: RehearsalFeed;

beforeEach(async () => {
  feed = await startRehearsalFeed({ seed: 1, speed: 0, at: '22:30' });
});

afterEach(async () => {
  await feed.close();
});

function contest(slug: string, district = 0) {
  const found = feed.ballot.contests.find((item) => item.contest.slug === slug && item.district === district);
  if (!found) throw new Error(`No ${slug} ${district} on the test ballot`);
  return found;
}

function lastLoad(): Date {
  return feed.loadTimes[feed.loadTimes.length - 1] ?? new Date(0);
}

describe('the rehearsal feed serves contests like the SOS API', () => {
  it('answers a statewide office with exactly the API keys, every value a string but incumbent', async () => {
    const body = await getJson(feed.url, '/returns/governor');
    const parsed = RawCandidateContestSchema.parse(body);

    expect(Object.keys(parsed)).toEqual(['raceTitle', 'Reporting', 'ReportingTime', 'candidates']);
    expect(parsed.raceTitle).toBe('Governor - Statewide Results');
    for (const candidate of parsed.candidates) {
      expect(Object.keys(candidate)).toEqual(['Name', 'Party', 'Votes', 'Percent', 'incumbent']);
      expect(typeof candidate.incumbent).toBe('boolean');
    }
  });

  it('writes candidate votes with commas and measure votes without', async () => {
    const governor = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/governor'));
    const measures = RawBallotMeasuresSchema.parse(await getJson(feed.url, '/returns/ballot-measures'));

    expect(governor.candidates.every((candidate) => /^\d{1,3}(,\d{3})+$/.test(candidate.Votes))).toBe(true);
    for (const measure of measures['ballot-measures']) {
      expect(measure.yesVotes).toMatch(/^\d{4,}$/);
      expect(measure.Number).toMatch(/^\d{2,}$/);
    }
  });

  it('computes one-decimal percents from the votes, summing to 100', async () => {
    const governor = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/governor'));
    const votes = governor.candidates.map((candidate) => Number(candidate.Votes.replaceAll(',', '')));
    const total = votes.reduce((sum, value) => sum + value, 0);

    governor.candidates.forEach((candidate, index) => {
      expect(candidate.Percent).toBe((((votes[index] ?? 0) / total) * 100).toFixed(1));
    });
    const sum = governor.candidates.reduce((acc, candidate) => acc + Number(candidate.Percent), 0);
    expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.3);
  });

  it('drops a trailing .0 from Reporting on the query endpoint only', async () => {
    feed.setClock(lastLoad());
    const [queried] = RawQueryResponseSchema.parse(
      await getJson(feed.url, queryOf([contest('governor').raceId])),
    );
    const direct = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/governor'));
    const measures = RawBallotMeasuresSchema.parse(await getJson(feed.url, '/returns/ballot-measures'));
    const total = feed.ballot.precinctsTotal.toLocaleString('en-US');

    expect(queried?.Reporting).toBe(`100% (${total} of ${total}) precincts reporting`);
    expect(direct.Reporting).toBe(`100.0% (${total} of ${total}) precincts reporting`);
    expect(measures.Reporting).toBe(`100.0% (${total} of ${total}) precincts reporting`);
  });

  it('shows zeros with "0.0" percents before polls close', async () => {
    feed.setClock('19:58');
    const [assembly] = RawQueryResponseSchema.parse(
      await getJson(feed.url, queryOf([contest('state-assembly', 1).raceId])),
    );
    const parsed = RawCandidateContestSchema.parse(assembly);

    expect(parsed.Reporting).toMatch(/^0% \(0 of [\d,]+\) precincts reporting$/);
    expect(parsed.candidates.every((c) => c.Votes === '0' && c.Percent === '0.0')).toBe(true);
  });

  it('counts votes while no precinct reports in the first load', async () => {
    feed.setClock(feed.loadTimes[1] ?? new Date(0));
    const governor = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/governor'));

    expect(governor.Reporting).toMatch(/^0\.0% \(0 of /);
    expect(governor.candidates.some((candidate) => candidate.Votes !== '0')).toBe(true);
  });

  it('stamps every endpoint with the same Pacific ReportingTime of the load', async () => {
    const expected = formatReportingTime(feed.loadTimes[feed.loadIndex()] ?? new Date(0));
    const bodies = await Promise.all(
      [
        '/returns/governor',
        '/returns/ballot-measures',
        '/returns/status',
        queryOf([contest('us-rep', 3).raceId]),
      ].map((path) => getJson(feed.url, path)),
    );
    const stamps = bodies.map(
      (body) =>
        (Array.isArray(body) ? (body[0] as { ReportingTime: string }) : (body as { ReportingTime: string }))
          .ReportingTime,
    );

    expect(expected).toMatch(/^November 3, 2026, 10:\d\d p\.m\.$/);
    expect(stamps).toEqual([expected, expected, expected, expected]);
  });

  it('titles districts, counties and ballot measures the way the API does', async () => {
    const house = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/us-rep/district/1'));
    const lake = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/governor/county/lake'));
    const measures = RawBallotMeasuresSchema.parse(
      await getJson(feed.url, '/returns/ballot-measures/county/lake'),
    );

    expect(house.raceTitle).toBe('U.S. House of Representatives District 1 - Districtwide Results');
    expect(lake.raceTitle).toBe('Governor - Lake County Results');
    expect(measures.raceTitle).toBe('Ballot Measures - Lake County Results');
    expect(measures['ballot-measures']).toHaveLength(feed.ballot.propositions.length);
  });

  it('answers a district county form with [county, districtwide] inside and districtwide alone outside', async () => {
    const district = contest('state-assembly', 12);
    const inside = district.parts[0]?.county.slug ?? '';
    const outside = feed.ballot.counties.find((c) => !district.parts.some((p) => p.county === c.county))
      ?.county.slug;
    const both = RawCountyResponseSchema.parse(
      await getJson(feed.url, `/returns/state-assembly/district/12/county/${inside}`),
    );
    const alone = RawCountyResponseSchema.parse(
      await getJson(feed.url, `/returns/state-assembly/district/12/county/${outside ?? ''}`),
    );

    expect(Array.isArray(both) && both.map((item) => item.raceTitle)).toEqual([
      district.parts[0]?.title,
      district.title,
    ]);
    expect(Array.isArray(alone)).toBe(false);
    expect(!Array.isArray(alone) && alone.raceTitle).toBe(district.title);
  });

  it('answers a proposition id in a query with a ballot-measures object holding just that one', async () => {
    const proposition = feed.ballot.propositions[0];
    const lakePart = proposition?.parts.find((part) => part.county.slug === 'lake');
    const body = RawQueryResponseSchema.parse(
      await getJson(feed.url, queryOf([proposition?.raceId ?? '', lakePart?.raceId ?? ''])),
    );
    const [statewide, lake] = body.map((item) => RawBallotMeasuresSchema.parse(item));

    expect(statewide?.raceTitle).toBe(`Proposition ${proposition?.number ?? 0} - Statewide Results`);
    expect(lake?.raceTitle).toBe(`Proposition ${proposition?.number ?? 0} - Lake County Results`);
    expect(statewide?.['ballot-measures'].map((m) => Number(m.Number))).toEqual([proposition?.number]);
    expect(statewide?.Reporting).toMatch(/\.\d% /);
  });

  it('serves per-county status for all 58 counties', async () => {
    const status = RawStatusSchema.parse(await getJson(feed.url, '/returns/status'));

    expect(status.counties).toHaveLength(58);
    expect(status.counties?.[0]?.County).toBe('Alameda');
  });

  it('lets tests read the numbers it serves', async () => {
    const id = contest('us-rep', 27).raceId;
    const served = RawCandidateContestSchema.parse(await getJson(feed.url, '/returns/us-rep/district/27'));
    const truth = feed.resultsFor(id);

    expect(served.candidates.map((c) => Number(c.Votes.replaceAll(',', '')))).toEqual(
      truth.candidates.map((c) => c.votes),
    );
    expect(served.raceTitle).toBe(truth.title);
    expect(() => feed.resultsFor('01000000000059')).toThrow(/not on the rehearsal ballot/);
  });
});

describe('the query endpoint', () => {
  const ids = () => feed.ballot.allRaceIds().slice(0, 11);

  it('answers up to 10 ids in request order, percent-encoded', async () => {
    const asked = ids().slice(0, 10).reverse();
    const body = RawQueryResponseSchema.parse(await getJson(feed.url, queryOf(asked)));

    expect(body.map((item) => item.raceTitle)).toEqual(asked.map((id) => feed.resultsFor(id).title));
  });

  it('answers ids sent raw, with quotes, brackets and a space', async () => {
    const asked = [contest('treasurer').raceId, contest('governor').raceId];
    const raw = await rawGet(feed.url, `/returns/query?r=["${asked[0] ?? ''}",%20"${asked[1] ?? ''}"]`);
    const body = RawQueryResponseSchema.parse(JSON.parse(raw.text));

    expect(raw.status).toBe(200);
    expect(body.map((item) => item.raceTitle)).toEqual([
      'Treasurer - Statewide Results',
      'Governor - Statewide Results',
    ]);
  });

  it('answers 11 ids with HTTP 500', async () => {
    expect((await get(feed.url, queryOf(ids()))).status).toBe(500);
  });

  it('answers a missing or malformed r with HTTP 500 and an unknown id with 404', async () => {
    expect((await get(feed.url, '/returns/query')).status).toBe(500);
    expect((await get(feed.url, '/returns/query?r=governor')).status).toBe(500);
    expect((await get(feed.url, queryOf(['01000000000059']))).status).toBe(404);
  });
});

describe('paths the API does not answer', () => {
  it.each([
    '/returns/us-senate',
    '/returns/president',
    '/returns/state-senate/district/2',
    '/returns/us-rep/district/53',
    '/returns/us-rep/district/01',
    '/returns/governor/county/atlantis',
    '/returns/governor/district/1',
    '/returns/us-rep/district/1/county/atlantis',
    '/returns/ballot-measures/county',
    '/returns/governor/',
    '/returns',
    '/',
    '/favicon.ico',
  ])('answers %s with 404', async (path) => {
    expect((await get(feed.url, path)).status).toBe(404);
  });
});

describe('options', () => {
  it('are checked at the entry, naming the bad field', async () => {
    await expect(startRehearsalFeed({ port: 70_000 })).rejects.toThrow(/port/);
    await expect(startRehearsalFeed({ speed: -1 })).rejects.toThrow(ValidationError);
    await expect(startRehearsalFeed({ at: 'soon' })).rejects.toThrow(SimClockError);
  });

  it('rejects a bad clock or speed at run time', () => {
    expect(() => feed.setClock('25:61')).toThrow(SimClockError);
    expect(() => feed.setSpeed(Number.NaN)).toThrow(SimClockError);
  });
});

describe('methods', () => {
  it('answers HEAD like GET without a body, and refuses POST', async () => {
    const head = await fetch(`${feed.url}/returns/governor`, { method: 'HEAD' });
    const post = await fetch(`${feed.url}/returns/governor`, { method: 'POST' });

    expect([head.status, await head.text()]).toEqual([200, '']);
    expect(post.status).toBe(405);
  });
});

describe('CSV', () => {
  it('serves ?f=csv on per-contest paths, one row per candidate', async () => {
    const fetched = await get(feed.url, '/returns/controller?f=csv');
    const lines = fetched.text.trimEnd().split('\r\n');

    expect(fetched.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(lines[0]).toBe('raceTitle,Reporting,ReportingTime,Name,Party,Votes,Percent,incumbent');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^Controller - Statewide Results,.*,Malia M\. Cohen,Dem,"?[\d,]+"?,\d+\.\d,true$/,
    );
  });

  it('serves ballot measures as CSV, one row per proposition', async () => {
    const fetched = await get(feed.url, '/returns/ballot-measures?f=csv');

    expect(fetched.text.trimEnd().split('\r\n')).toHaveLength(feed.ballot.propositions.length + 1);
  });

  it('keeps answering JSON on the query endpoint, which has no CSV', async () => {
    const fetched = await get(feed.url, `${queryOf([contest('governor').raceId])}&f=csv`);

    expect(() => RawQueryResponseSchema.parse(JSON.parse(fetched.text))).not.toThrow();
  });
});
