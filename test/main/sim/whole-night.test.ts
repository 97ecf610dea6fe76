import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RawBallotMeasuresSchema,
  RawCandidateContestSchema,
  RawCountyResponseSchema,
  RawQueryResponseSchema,
  RawStatusSchema,
} from '../../../shared/api-schema.js';
import { formatReportingTime } from '../../../shared/pacific-time.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../../main/sim/index.js';
import { get, queryOf } from './http-helpers.js';

let feed: RehearsalFeed;

beforeAll(async () => {
  feed = await startRehearsalFeed({ seed: 5, speed: 0, at: '16:00' });
});

afterAll(async () => {
  await feed.close();
});

function votesOf(body: { candidates: { Votes: string }[] }): number[] {
  return body.candidates.map((candidate) => Number(candidate.Votes.replaceAll(',', '')));
}

/** Every kind of endpoint, with the schema its answer must pass. */
function endpoints(load: number): [string, { parse(value: unknown): unknown }][] {
  const ids = feed.ballot.allRaceIds();
  const batch = Array.from({ length: 10 }, (_, index) => ids[(load * 10 + index * 37) % ids.length] ?? '');
  const house = feed.ballot.contests.find(
    (item) => item.contest.slug === 'us-rep' && item.district === 1 + (load % 52),
  );
  const slug = house?.parts[0]?.county.slug ?? 'lake';
  return [
    [queryOf(batch), RawQueryResponseSchema],
    ['/returns/attorney-general', RawCandidateContestSchema],
    [`/returns/attorney-general/county/${slug}`, RawCandidateContestSchema],
    [`/returns/us-rep/district/${house?.district ?? 1}`, RawCandidateContestSchema],
    [`/returns/us-rep/district/${house?.district ?? 1}/county/${slug}`, RawCountyResponseSchema],
    ['/returns/ballot-measures', RawBallotMeasuresSchema],
    [`/returns/ballot-measures/county/${slug}`, RawBallotMeasuresSchema],
    ['/returns/status', RawStatusSchema],
  ];
}

describe('a whole simulated night', () => {
  it('serves every endpoint kind at every load, valid, stamped with the load, never losing votes', async () => {
    let previous: number[] = [];
    const problems: string[] = [];

    for (const [load, at] of feed.loadTimes.entries()) {
      feed.setClock(at);
      const stamp = formatReportingTime(at);
      const answers = await Promise.all(
        endpoints(load).map(async ([path, schema]) => ({ path, schema, fetched: await get(feed.url, path) })),
      );
      for (const { path, schema, fetched } of answers) {
        const body: unknown = JSON.parse(fetched.text);
        schema.parse(body);
        const first = (Array.isArray(body) ? body[0] : body) as { ReportingTime: string };
        if (fetched.status !== 200 || first.ReportingTime !== stamp) problems.push(`${path} at load ${load}`);
      }
      const governor = RawCandidateContestSchema.parse(
        JSON.parse((await get(feed.url, '/returns/governor')).text),
      );
      if (votesOf(governor).some((votes, index) => votes < (previous[index] ?? 0)))
        problems.push(`votes fell at ${load}`);
      previous = votesOf(governor);
    }

    expect(feed.loadTimes.length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
