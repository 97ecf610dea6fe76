import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceLogSinks } from '../../main/logging/logger.js';
import { type RehearsalFeed, startRehearsalFeed } from '../../main/sim/index.js';
import { SoakServer } from './server-process.js';

let folder: string;
let sim: RehearsalFeed;
let server: SoakServer | null;
let restoreLogs: () => void;

beforeEach(async () => {
  restoreLogs = replaceLogSinks();
  folder = mkdtempSync(join(tmpdir(), 'returns-wall-soak-test-'));
  sim = await startRehearsalFeed({ seed: 1, speed: 60, at: '21:00', port: 0 });
  server = null;
});

afterEach(async () => {
  server?.kill();
  await sim.close();
  rmSync(folder, { recursive: true, force: true });
  restoreLogs();
});

/** A config polling the rehearsal feed every second, and a stand-in for the built renderer. */
function files() {
  const configPath = join(folder, 'returns-wall.json');
  const boards = sim.ballot.statewideRaceIds.slice(0, 2).map((race) => ({ race }));
  writeFileSync(
    configPath,
    JSON.stringify({ source: 'rehearsal', apiBase: sim.url, pollSeconds: 1, boards }),
  );
  const rendererDir = join(folder, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Wall</title>');
  return { configPath, dataDir: join(folder, 'data'), logPath: join(folder, 'wall.log'), rendererDir };
}

/** Opens `/events` and resolves once the first bytes arrive; returns a function that hangs up. */
function openStream(url: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('events', url), (response) => {
      response.once('data', () => resolve(() => req.destroy()));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the soak server child', () => {
  it('reports its memory after GC and its counts over IPC', async () => {
    server = await SoakServer.start(files());
    const hangUp = await openStream(server.url);

    const stats = await server.measure(3);
    hangUp();

    expect(stats.samples).toHaveLength(3);
    for (const sample of stats.samples) expect(sample.heapUsedBytes).toBeGreaterThan(0);
    expect(stats.sseClients).toBe(1);
    expect(stats.hubListeners).toBe(1);
    // The hub's two, and the child's own poll counter.
    expect(stats.feedListeners).toBe(3);
    expect(stats.resources.TCPServerWrap).toBeGreaterThanOrEqual(1);
    expect(stats.errors).toBe(0);
  });

  it('counts every cycle when it drives the feed, and still exits by itself once stopped', async () => {
    server = await SoakServer.start({ ...files(), pollIntervalMs: 5 });
    const first = await server.measure(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const later = await server.measure(1);
    const report = await server.stop();

    // The feed's own timer makes one a second; driven, one every 5 ms or back to back.
    expect(later.polls - first.polls).toBeGreaterThan(10);
    expect(later.failedPolls).toBe(0);
    expect(later.errors).toBe(0);
    expect(report.remaining).toEqual([]);
    expect(report.exitedByItself).toBe(true);
  });

  it('exits by itself once stopped, with nothing of browser mode left', async () => {
    server = await SoakServer.start(files());

    const report = await server.stop();

    expect(report.remaining).toEqual([]);
    expect(report.exitedByItself).toBe(true);
  });
});
