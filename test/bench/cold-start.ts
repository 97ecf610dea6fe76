/**
 * Cold start: `returns-wall serve` started as a process, its cache warm with 5,000 races, the
 * API unreachable (a closed port), and a Chromium page opened at its address as soon as it
 * prints it. Timed from just before the process is spawned to the first frame that paints a
 * board with numbers. Also: the size of the first snapshot message, the server's resident
 * memory and the page's JavaScript heap once the board is up. Median of several runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chooseCli } from '../../main/bin/source-stamp.mjs';
import { cachePath, type CacheFile, writeCache } from '../../main/feed/cache.js';
import type { WallConfigInput } from '../../shared/config.js';
import type { Race } from '../../shared/model.js';
import { metricsSession, openPage, pageHeapBytes } from './chromium.js';
import { WATCH_FIRST_BOARD } from './page-probes.js';
import { median, report } from './report.js';
import { warmRaces } from './warm-races.js';

const RUNS = 5;
const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = new URL('../../main/bin/returns-wall.mjs', import.meta.url).pathname;

/** The figure is the installed command's: tsc's output, never the sources through tsx. */
function requireCompiledCli(): void {
  const choice = chooseCli(ROOT);
  if (!choice.compiled)
    throw new Error(`Cold start needs the compiled CLI (${choice.reason}): run \`npm run build:main\``);
}

/** An address nothing listens on: a port the system handed out and took back. */
async function closedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port for the closed address');
  return `http://127.0.0.1:${address.port}`;
}

interface Folder {
  readonly root: string;
  readonly configPath: string;
}

async function warmFolder(races: readonly Race[], apiBase: string): Promise<Folder> {
  const root = mkdtempSync(join(tmpdir(), 'returns-wall-bench-'));
  const configPath = join(root, 'returns-wall.json');
  const config: WallConfigInput = {
    source: 'rehearsal',
    apiBase,
    pollSeconds: 30,
    requests: { retries: 0, timeoutSeconds: 2 },
    boards: races.map((race) => ({ race: race.id })),
  };
  writeFileSync(configPath, JSON.stringify(config));
  const now = new Date().toISOString();
  const cache: CacheFile = {
    format: 1,
    writtenAt: now,
    source: 'rehearsal',
    apiBase,
    races: races.map((race) => ({ race, seenAt: race.updatedAt, checkedAt: now })),
    raw: [],
  };
  await writeCache(cachePath(join(root, 'data', 'rehearsal-cache'), 'rehearsal'), cache);
  return { root, configPath };
}

/** Resolves with the address `serve` prints once it listens. */
function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /is on (http:\/\/\S+?)\/? /.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code ?? 'a signal'} before listening`)));
  });
}

/** The first `data:` frame of `/events`: the snapshot, as the browser receives it. */
function firstFrameBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(`${url}/events`, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const start = text.indexOf('data: ');
        const end = start < 0 ? -1 : text.indexOf('\n\n', start);
        if (end < 0) return;
        resolve(Buffer.byteLength(text.slice(start + 'data: '.length, end)));
        request.destroy();
      });
    });
    request.on('error', reject);
  });
}

function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) * 1024;
}

interface Run {
  readonly listening: number;
  readonly painted: number;
  readonly snapshotBytes: number;
  readonly serverRss: number;
  readonly pageHeap: number;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function oneRun(browser: Browser, folder: Folder): Promise<Run> {
  const page = await openPage(browser);
  await page.addInitScript(WATCH_FIRST_BOARD);
  const args = [
    'serve',
    '--config',
    folder.configPath,
    '--data-dir',
    join(folder.root, 'data'),
    '--port',
    '0',
  ];
  const startedAt = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, HOME: folder.root, XDG_STATE_HOME: folder.root, XDG_DATA_HOME: folder.root },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await addressOf(child);
    const listening = Date.now() - startedAt;
    await page.goto(url);
    await page.waitForFunction(boardPainted, undefined, { timeout: 30_000, polling: 20 });
    const paintedAt = (await page.evaluate('window.__boardPaintedAt')) as number;
    const session = await metricsSession(page);
    return {
      listening,
      painted: paintedAt - startedAt,
      snapshotBytes: await firstFrameBytes(url),
      serverRss: child.pid === undefined ? Number.NaN : residentBytes(child.pid),
      pageHeap: await pageHeapBytes(session),
    };
  } finally {
    await page.context().close();
    await stopChild(child);
  }
}

function boardPainted(): boolean {
  return (globalThis as unknown as { __boardPaintedAt: number | null }).__boardPaintedAt !== null;
}

export async function benchColdStart(browser: Browser): Promise<void> {
  requireCompiledCli();
  const races = await warmRaces();
  const folder = await warmFolder(races, await closedAddress());
  const runs: Run[] = [];
  try {
    for (let run = 0; run < RUNS; run++) runs.push(await oneRun(browser, folder));
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
  const mib = 1024 * 1024;
  report('cold-start-5000-listening', median(runs.map((run) => run.listening)), 'ms', null);
  report('cold-start-5000-first-board', median(runs.map((run) => run.painted)), 'ms', 1000);
  report(
    'cold-start-5000-listening-to-board',
    median(runs.map((run) => run.painted - run.listening)),
    'ms',
    null,
  );
  report('cold-start-5000-snapshot', median(runs.map((run) => run.snapshotBytes)) / 1024, 'KiB', null);
  report('cold-start-5000-server-rss', median(runs.map((run) => run.serverRss)) / mib, 'MiB', null);
  report('cold-start-5000-page-heap', median(runs.map((run) => run.pageHeap)) / mib, 'MiB', null);
}
