import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RehearsalFeed, startRehearsalFeed } from '../../../../main/sim/index.js';

const BIN = fileURLToPath(new URL('../../../../main/bin/returns-wall.mjs', import.meta.url));

let sim: RehearsalFeed;

beforeAll(async () => {
  sim = await startRehearsalFeed({ seed: 1, speed: 0, at: '22:30', port: 0 });
});

afterAll(async () => {
  await sim.close();
});

function fetchCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'fetch', '--api-base', sim.url, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('returns-wall fetch', () => {
  it('prints the races asked for as one JSON array, numbers as numbers', async () => {
    const [governor = '', controller = ''] = sim.ballot.statewideRaceIds;
    const proposition = sim.ballot.propositions[0]?.raceId ?? '';

    const { code, stdout } = await fetchCli([
      '--race',
      governor,
      '--race',
      proposition,
      '--race',
      controller,
    ]);

    expect(code).toBe(0);
    const races = JSON.parse(stdout) as Record<string, unknown>[];
    expect(races.map((race) => race.id)).toEqual([governor, proposition, controller]);
    expect(Object.keys(races[0] ?? {})).toEqual([
      'id',
      'title',
      'scope',
      'kind',
      'reporting',
      'updatedAt',
      'totalVotes',
      'candidates',
    ]);
    expect(races[1]).toMatchObject({ kind: 'measure', measure: { yes: { votes: expect.any(Number) } } });
    expect(typeof races[0]?.totalVotes).toBe('number');
  });

  it('prints every proposition of a ballot-measures path', async () => {
    const { code, stdout } = await fetchCli(['--path', '/returns/ballot-measures']);

    expect(code).toBe(0);
    expect((JSON.parse(stdout) as unknown[]).length).toBe(sim.ballot.propositions.length);
  });

  it('exits non-zero with one line naming the id that failed and why', async () => {
    const missing = '10000000000059';
    const onBallot = sim.ballot.allRaceIds().includes(missing);

    const { code, stdout, stderr } = await fetchCli([
      '--race',
      sim.ballot.statewideRaceIds[0] ?? '',
      '--race',
      missing,
    ]);

    expect(onBallot).toBe(false);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as unknown[]).length).toBe(1);
    expect(stderr.split('\n').filter((line) => line.startsWith('fetch:'))).toEqual([
      `fetch: no usable answer for ${missing} (not on this ballot (HTTP 404))`,
    ]);
  });

  it('refuses an id that is not a race id, with usage', async () => {
    const { code, stderr } = await fetchCli(['--race', '99']);

    expect(code).toBe(2);
    expect(stderr).toContain('Usage: returns-wall fetch');
  });
});
