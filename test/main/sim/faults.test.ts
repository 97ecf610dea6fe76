import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isBallotMeasures,
  RawCandidateContestSchema,
  RawQueryResponseSchema,
} from '../../../shared/api-schema.js';
import { ValidationError } from '../../../shared/errors.js';
import { formatReportingTime } from '../../../shared/pacific-time.js';
import { type FaultRule, type RehearsalFeed, startRehearsalFeed } from '../../../main/sim/index.js';
import { get, queryOf } from './http-helpers.js';

let feed: RehearsalFeed;

beforeEach(async () => {
  feed = await startRehearsalFeed({ seed: 3, speed: 0, at: '23:15' });
});

afterEach(async () => {
  await feed.close();
});

function withFaults(...rules: FaultRule[]): void {
  feed.setFaults(rules);
}

const threeIds = () => feed.ballot.statewideRaceIds.slice(0, 3);

async function untilHeld(count: number): Promise<void> {
  while (feed.stats().held < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('status faults', () => {
  it.each([403, 404, 429, 500, 502, 503] as const)('answers HTTP %i when asked', async (status) => {
    withFaults({ kind: 'status', status });

    expect((await get(feed.url, '/returns/governor')).status).toBe(status);
  });

  it('sends Retry-After with a 503 when the rule gives one', async () => {
    withFaults({ kind: 'status', status: 503, retryAfterSeconds: 120 });

    expect((await get(feed.url, '/returns/governor')).headers.get('retry-after')).toBe('120');
  });
});

describe('delivery faults', () => {
  it('holds a request while latency runs, and close() ends the wait', async () => {
    withFaults({ kind: 'latency', ms: 600_000 });
    const pending = fetch(`${feed.url}/returns/governor`);
    await untilHeld(1);

    await feed.close();
    await expect(pending).rejects.toThrow();
  });

  it('answers normally after a short latency', async () => {
    withFaults({ kind: 'latency', ms: 1 });

    const fetched = await get(feed.url, '/returns/governor');
    expect(RawCandidateContestSchema.safeParse(JSON.parse(fetched.text)).success).toBe(true);
  });

  it('never answers a hung request, and close() drops its socket', async () => {
    withFaults({ kind: 'hang' });
    const pending = fetch(`${feed.url}/returns/governor`);
    await untilHeld(1);

    expect(feed.stats().answered).toBe(0);
    await feed.close();
    await expect(pending).rejects.toThrow();
  });

  it('cuts a body short', async () => {
    const whole = (await get(feed.url, '/returns/governor')).text;
    withFaults({ kind: 'truncate' });
    const cut = await get(feed.url, '/returns/governor');

    expect(cut.status).toBe(200);
    expect(whole.startsWith(cut.text) && cut.text.length < whole.length).toBe(true);
    expect(() => JSON.parse(cut.text) as unknown).toThrow(SyntaxError);
  });

  it('sends an HTML error page with status 200', async () => {
    withFaults({ kind: 'html' });
    const fetched = await get(feed.url, '/returns/governor');

    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toMatch(/^text\/html/);
    expect(fetched.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('resets the connection mid-body', async () => {
    withFaults({ kind: 'reset' });

    await expect(get(feed.url, '/returns/governor')).rejects.toThrow();
  });

  it('pads a body to 20 MB that still parses', async () => {
    withFaults({ kind: 'huge-body' });
    const fetched = await get(feed.url, '/returns/governor');

    expect(Buffer.byteLength(fetched.text)).toBeGreaterThanOrEqual(20_000_000);
    expect(RawCandidateContestSchema.safeParse(JSON.parse(fetched.text)).success).toBe(true);
  });
});

describe('stale loads', () => {
  it('serves an older load, so ReportingTime goes backwards', async () => {
    const now = feed.loadIndex();
    withFaults({ kind: 'stale', loadsBack: 2 });
    const body = RawCandidateContestSchema.parse(JSON.parse((await get(feed.url, '/returns/governor')).text));

    expect(body.ReportingTime).toBe(formatReportingTime(feed.loadTimes[now - 2] ?? new Date(0)));
  });
});

describe('payload faults', () => {
  async function query(ids: readonly string[]): Promise<unknown> {
    return JSON.parse((await get(feed.url, queryOf(ids))).text);
  }

  it('answers an empty array', async () => {
    withFaults({ kind: 'empty-array' });

    expect(await query(threeIds())).toEqual([]);
  });

  it('answers fewer objects than ids', async () => {
    withFaults({ kind: 'drop-objects' });

    expect(await query(threeIds())).toHaveLength(2);
  });

  it('answers objects out of order', async () => {
    withFaults({ kind: 'shuffle' });
    const titles = RawQueryResponseSchema.parse(await query(threeIds())).map((item) => item.raceTitle);

    expect(titles).toEqual(
      threeIds()
        .map((id) => feed.resultsFor(id).title)
        .reverse(),
    );
  });

  it('leaves out a field', async () => {
    withFaults({ kind: 'missing-field', field: 'Votes' });
    const [first] = (await query(threeIds())) as { candidates: Record<string, unknown>[] }[];

    expect(first?.candidates[0]).not.toHaveProperty('Votes');
    expect(first?.candidates[1]).toHaveProperty('Votes');
  });

  it('sends a number where a string belongs', async () => {
    withFaults({ kind: 'number-for-string' });
    const [first] = (await query(threeIds())) as { candidates: { Votes: unknown }[] }[];

    expect(typeof first?.candidates[0]?.Votes).toBe('number');
  });

  it('sends negative votes', async () => {
    withFaults({ kind: 'negative-votes' });
    const [first] = (await query(threeIds())) as { candidates: { Votes: string }[] }[];

    expect(first?.candidates[0]?.Votes).toMatch(/^-[\d,]+$/);
  });

  it('sends votes that are not a number', async () => {
    withFaults({ kind: 'non-numeric-votes' });
    const [first] = (await query(threeIds())) as { candidates: { Votes: string }[] }[];

    expect(first?.candidates[0]?.Votes).toBe('n/a');
  });

  it('sends percents that disagree with the votes, still as one-decimal strings', async () => {
    const [clean] = (await query(threeIds())) as { candidates: { Percent: string }[] }[];
    withFaults({ kind: 'bad-percents' });
    const [skewed] = (await query(threeIds())) as { candidates: { Percent: string }[] }[];

    const before = Number(clean?.candidates[0]?.Percent);
    expect(skewed?.candidates[0]?.Percent).toMatch(/^\d{1,3}\.\d$/);
    expect(Math.abs(Number(skewed?.candidates[0]?.Percent) - before)).toBeCloseTo(20, 5);
  });

  it('sends fields the API never sends, on the object and its first entry', async () => {
    withFaults({ kind: 'extra-fields' });
    const [first] = (await query(threeIds())) as { winnerCalled?: string; candidates: object[] }[];

    expect(first?.winnerCalled).toBe('unknown');
    expect(first?.candidates[0]).toHaveProperty('ballotDesignation');
  });

  it('sends 10,000 candidates in one race', async () => {
    withFaults({ kind: 'many-candidates' });
    const body = RawCandidateContestSchema.parse(JSON.parse((await get(feed.url, '/returns/governor')).text));

    expect(body.candidates).toHaveLength(10_000);
  });

  it('sends names with HTML, right-to-left text and emoji', async () => {
    withFaults({ kind: 'hostile-names' });
    const body = RawQueryResponseSchema.parse(await query(threeIds()));
    const names = body.flatMap((item) => (isBallotMeasures(item) ? [] : item.candidates.map((c) => c.Name)));

    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names.some((name) => /[\u0590-\u06ff]/.test(name))).toBe(true);
    expect(names.some((name) => /\p{Extended_Pictographic}/u.test(name))).toBe(true);
  });
});

describe('fault rules', () => {
  it('target only the paths they name', async () => {
    withFaults({ kind: 'status', status: 503, paths: ['/returns/governor'] });

    expect((await get(feed.url, '/returns/governor')).status).toBe(503);
    expect((await get(feed.url, '/returns/controller')).status).toBe(200);
  });

  it('target only replies that hold the ids they name', async () => {
    const [governor = '', lieutenant = ''] = feed.ballot.statewideRaceIds;
    withFaults({ kind: 'status', status: 500, ids: [governor] });

    expect((await get(feed.url, queryOf([lieutenant, governor]))).status).toBe(500);
    expect((await get(feed.url, queryOf([lieutenant]))).status).toBe(200);
    expect((await get(feed.url, '/returns/governor')).status).toBe(500);
  });

  it('fire at their rate: never at 0, sometimes at 0.5', async () => {
    withFaults({ kind: 'status', status: 500, rate: 0 });
    const never = await Promise.all(Array.from({ length: 10 }, () => get(feed.url, '/returns/governor')));
    withFaults({ kind: 'status', status: 500, rate: 0.5 });
    const half = await Promise.all(Array.from({ length: 40 }, () => get(feed.url, '/returns/governor')));

    expect(never.every((fetched) => fetched.status === 200)).toBe(true);
    expect(new Set(half.map((fetched) => fetched.status))).toEqual(new Set([200, 500]));
  });

  it('are checked when set, naming the bad field', () => {
    expect(() => feed.setFaults([{ kind: 'status', status: 418 } as unknown as FaultRule])).toThrow(
      ValidationError,
    );
    expect(() => feed.setFaults([{ kind: 'explode' } as unknown as FaultRule])).toThrow(/kind/);
  });

  it('can be given at start', async () => {
    await feed.close();
    feed = await startRehearsalFeed({ speed: 0, faults: [{ kind: 'status', status: 429 }] });

    expect((await get(feed.url, '/returns/governor')).status).toBe(429);
  });
});
