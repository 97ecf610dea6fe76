import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { RawCandidateContestSchema } from '../../../../shared/api-schema.js';
import { UsageError } from '../../../../main/cli/command.js';
import {
  FaultFileError,
  faultRulesFromFlags,
  rulesFromFile,
  simCommand,
} from '../../../../main/cli/commands/sim.js';

describe('faultRulesFromFlags', () => {
  it('turns the shortcut flags into fault rules', () => {
    expect(
      faultRulesFromFlags({ 'fault-500-rate': '0.1', 'latency-ms': '50', 'fault-stale-rate': '0.2' }),
    ).toEqual([
      { kind: 'status', status: 500, rate: 0.1 },
      { kind: 'stale', rate: 0.2 },
      { kind: 'latency', ms: 50 },
    ]);
  });

  it('adds no rule without flags', () => {
    expect(faultRulesFromFlags({})).toEqual([]);
  });

  it('refuses a rate above 1 as a usage error', () => {
    expect(() => faultRulesFromFlags({ 'fault-hang-rate': '1.5' })).toThrow(UsageError);
  });
});

describe('rulesFromFile', () => {
  it('reads a JSON array of rules, and names the file when it cannot', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'returns-wall-faults-'));
    onTestFinished(() => rm(directory, { recursive: true, force: true }));
    const good = join(directory, 'good.json');
    const bad = join(directory, 'bad.json');
    await writeFile(good, JSON.stringify([{ kind: 'hang', rate: 0.1 }]));
    await writeFile(bad, '{"kind": "hang"}');

    expect(await rulesFromFile(good)).toEqual([{ kind: 'hang', rate: 0.1 }]);
    expect(await rulesFromFile(undefined)).toEqual([]);
    await expect(rulesFromFile(bad)).rejects.toThrow(FaultFileError);
    await expect(rulesFromFile(join(directory, 'missing.json'))).rejects.toThrow(/missing\.json/);
  });
});

describe('returns-wall sim', () => {
  it('refuses a bad --at as a usage error', async () => {
    await expect(simCommand.run(['--at', 'midnight-ish'])).rejects.toThrow(UsageError);
  });

  it('prints its URL and a summary, serves the API, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['main/bin/returns-wall.mjs', 'sim', '--port', '0', '--speed', '0', '--at', '23:00'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const url = (await lines.next()).value as string;
    const summary = (await lines.next()).value as string;

    const response = await fetch(`${url}/returns/governor`);
    const body = RawCandidateContestSchema.parse(await response.json());
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(summary).toMatch(
      /^174 statewide or districtwide ids and 1,\d{3} county ids; election day November 3, 2026; clock at 11:00 p\.m\. PST/,
    );
    expect(body.ReportingTime).toMatch(/^November 3, 2026, 1[01]:\d\d p\.m\.$/);
    expect(code).toBe(0);
  });
});
