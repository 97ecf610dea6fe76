import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordLine } from '../../../main/feed/recorder.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../../main/sim/index.js';
import { loadReplay, ReplayError } from '../../../main/sim/replay.js';
import { get, queryOf } from './http-helpers.js';

const FIRST = '2026-11-04T04:10:30.000Z';
const SECOND = '2026-11-04T04:21:05.000Z';
const [A, B, C] = ['13000001000059', '13000002000059', '13000003000059'];

function contest(title: string, votes: string): object {
  return {
    raceTitle: title,
    Reporting: '0% (0 of 500) precincts reporting',
    ReportingTime: 'November 3, 2026, 8:10 p.m.',
    candidates: [{ Name: 'Tester One', Party: 'Dem', Votes: votes, Percent: '100.0', incumbent: false }],
  };
}

function line(at: string, path: string, status: number, body: unknown): string {
  return JSON.stringify({ at, path, status, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const RECORDING = [
  line(FIRST, '/returns/governor', 200, contest('Governor - Statewide Results', '10')),
  line(FIRST, `/returns/query?r=${encodeURIComponent(JSON.stringify([A, B]))}`, 200, [
    contest('A1', '1'),
    contest('B1', '2'),
  ]),
  line(SECOND, '/returns/governor', 200, contest('Governor - Statewide Results', '20')),
  line(SECOND, `/returns/query?r=["${B}","${C}"]`, 200, [contest('B2', '3'), contest('C2', '4')]),
  line(SECOND, '/returns/controller', 503, 'Service Unavailable'),
].join('\n');

let directory: string;
let feed: RehearsalFeed | undefined;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'returns-wall-replay-'));
});

afterEach(async () => {
  await feed?.close();
  feed = undefined;
  await rm(directory, { recursive: true, force: true });
});

async function replaying(text: string): Promise<RehearsalFeed> {
  const file = join(directory, 'night.jsonl');
  await writeFile(file, text);
  feed = await startRehearsalFeed({ replay: file, speed: 0 });
  return feed;
}

async function titles(base: string, ids: string[]): Promise<string[]> {
  const body = JSON.parse((await get(base, queryOf(ids))).text) as { raceTitle: string }[];
  return body.map((item) => item.raceTitle);
}

describe('replay', () => {
  it('starts its clock at the first line', async () => {
    const replay = await replaying(RECORDING);

    expect(replay.now().toISOString()).toBe(FIRST);
  });

  it('answers a path from the latest line at or before the clock', async () => {
    const replay = await replaying(RECORDING);
    const before = JSON.parse((await get(replay.url, '/returns/governor')).text) as ReturnType<
      typeof contest
    >;
    replay.setClock(SECOND);
    const after = JSON.parse((await get(replay.url, '/returns/governor')).text) as ReturnType<typeof contest>;

    expect(before).toEqual(contest('Governor - Statewide Results', '10'));
    expect(after).toEqual(contest('Governor - Statewide Results', '20'));
  });

  it('answers a query id by id from the recorded query answers that held them', async () => {
    const replay = await replaying(RECORDING);

    expect(await titles(replay.url, [B, A])).toEqual(['B1', 'A1']);
    replay.setClock(SECOND);
    expect(await titles(replay.url, [C, A, B])).toEqual(['C2', 'A1', 'B2']);
  });

  it('serves recorded error statuses as they were', async () => {
    const replay = await replaying(RECORDING);
    replay.setClock(SECOND);

    const fetched = await get(replay.url, '/returns/controller');
    expect([fetched.status, fetched.text]).toEqual([503, 'Service Unavailable']);
  });

  it('answers 404 for a path or id nothing was recorded for yet', async () => {
    const replay = await replaying(RECORDING);

    expect((await get(replay.url, '/returns/controller')).status).toBe(404);
    expect((await get(replay.url, queryOf([C]))).status).toBe(404);
    expect((await get(replay.url, '/returns/treasurer')).status).toBe(404);
  });

  it('refuses a recording with a broken line, naming the line', async () => {
    const file = join(directory, 'broken.jsonl');
    await writeFile(file, `${RECORDING}\n{"at": "yesterday"}\n`);

    await expect(loadReplay(file)).rejects.toThrow(ReplayError);
    await expect(loadReplay(file)).rejects.toThrow(/line 6/);
  });
});

describe('replaying what the feed recorded', () => {
  it("serves the model feed's answers back, id by id, as the recorder wrote them", async () => {
    const model = await startRehearsalFeed({ seed: 4, speed: 0, at: '21:30' });
    const [governor = '', lieutenant = '', secretary = ''] = model.ballot.statewideRaceIds;
    const answers = await Promise.all(
      [queryOf([governor, lieutenant]), queryOf([secretary]), '/returns/ballot-measures'].map(
        async (path) => {
          const fetched = await get(model.url, path);
          const at = new Date().toISOString();
          return {
            path,
            status: fetched.status,
            text: fetched.text,
            at,
            notModified: false,
            retryAfterMs: null,
          };
        },
      ),
    );
    await model.close();

    const replay = await replaying(answers.map(recordLine).join(''));
    // The answers arrived over a few milliseconds; the replay clock starts at the first.
    replay.setClock(answers[2]?.at ?? '');
    const [secretaryAnswer, governorAnswer] = JSON.parse(
      (await get(replay.url, queryOf([secretary, governor]))).text,
    ) as unknown[];
    const recorded = JSON.parse(answers[0]?.text ?? '[]') as unknown[];

    expect(governorAnswer).toEqual(recorded[0]);
    expect(secretaryAnswer).toEqual((JSON.parse(answers[1]?.text ?? '[]') as unknown[])[0]);
    expect((await get(replay.url, '/returns/ballot-measures')).text).toBe(answers[2]?.text);
  });
});
