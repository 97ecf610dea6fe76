/**
 * `returns-wall fetch`: polls once and prints the normalized races as one JSON array on
 * stdout (logs go to stderr). Exit code 0 when every id answered; otherwise 1, with one line
 * on stderr saying which ids failed and why.
 */
import { tmpdir } from 'node:os';
import { LIVE_API_BASE, RaceIdSchema, WallConfigSchema } from '../../../shared/config.js';
import type { Race } from '../../../shared/model.js';
import { ContestPathError, raceIdOfPath } from '../../feed/plan.js';
import { type PollReport, ResultsFeed } from '../../feed/results-feed.js';
import { type Command, numberFlag, parseFlags, UsageError } from '../command.js';

/** A race as `fetch` prints it: the fields a script needs, numbers as numbers. */
export function printableRace(race: Race): Record<string, unknown> {
  const head = {
    id: race.id,
    title: race.title,
    scope: race.scope,
    kind: race.kind,
    reporting: race.reporting,
    updatedAt: race.updatedAt,
    totalVotes: race.totalVotes,
  };
  if (race.kind === 'measure') {
    const { number, name, yes, no } = race.measure;
    return {
      ...head,
      measure: {
        number,
        name,
        yes: { votes: yes.votes, percent: yes.percent },
        no: { votes: no.votes, percent: no.percent },
      },
    };
  }
  const candidates = race.candidates.map(({ name, party, votes, percent, incumbent }) => ({
    name,
    party,
    votes,
    percent,
    incumbent,
  }));
  return { ...head, candidates };
}

function checkedIds(values: readonly string[]): string[] {
  return values.map((value) => {
    const result = RaceIdSchema.safeParse(value);
    if (!result.success)
      throw new UsageError(`--race "${value}": ${result.error.issues[0]?.message ?? 'invalid'}`);
    return value;
  });
}

function checkedPaths(values: readonly string[]): string[] {
  for (const path of values) {
    try {
      raceIdOfPath(path);
    } catch (error) {
      if (error instanceof ContestPathError)
        throw new UsageError(`--path: ${error.message}`, { cause: error });
      throw error;
    }
  }
  return [...values];
}

/** Ids asked for that got no race, with why; the same for contest paths that gave none. */
function unanswered(
  ids: readonly string[],
  paths: readonly string[],
  races: readonly Race[],
  report: PollReport,
): string[] {
  const shown = new Set(races.map((race) => race.id));
  const why = new Map<string, string>();
  for (const entry of report.setAside) why.set(entry.id, entry.reason);
  for (const failure of report.failures) why.set(failure.id, failure.reason);

  const missing = ids.filter((id) => !shown.has(id)).map((id) => `${id} (${why.get(id) ?? 'no answer'})`);
  for (const path of paths) {
    const pathFailure = report.failures.find((failure) => failure.path === path);
    const aside = report.setAside.find((entry) => entry.id === raceIdOfPath(path));
    if (pathFailure || aside)
      missing.push(`${path} (${pathFailure?.reason ?? aside?.reason ?? 'no answer'})`);
  }
  return missing;
}

function ordered(ids: readonly string[], races: readonly Race[]): Race[] {
  const rank = new Map(ids.map((id, index) => [id, index]));
  return [...races].sort(
    (a, b) => (rank.get(a.id) ?? ids.length) - (rank.get(b.id) ?? ids.length) || a.id.localeCompare(b.id),
  );
}

interface FetchRequest {
  readonly apiBase: string;
  readonly ids: string[];
  readonly paths: string[];
  readonly timeoutSeconds: number;
}

function readFlags(argv: readonly string[]): FetchRequest {
  const flags = parseFlags(argv, {
    'api-base': { type: 'string' },
    race: { type: 'string', multiple: true },
    path: { type: 'string', multiple: true },
    timeout: { type: 'string' },
  });
  const ids = checkedIds(flags.race ?? []);
  const paths = checkedPaths(flags.path ?? []);
  if (ids.length === 0 && paths.length === 0) throw new UsageError('Name at least one --race or --path');
  const apiBase = flags['api-base'] ?? LIVE_API_BASE;
  if (!/^https?:\/\//.test(apiBase))
    throw new UsageError(`--api-base must be an http(s) URL, not "${apiBase}"`);
  return { apiBase, ids, paths, timeoutSeconds: numberFlag('timeout', flags.timeout, 10, 0.1, 120) };
}

export const fetchCommand: Command = {
  name: 'fetch',
  usage:
    'returns-wall fetch --api-base URL --race ID [--race ID ...] [--path /returns/ballot-measures ...] [--timeout SECONDS]',
  async run(argv) {
    const { apiBase, ids, paths, timeoutSeconds } = readFlags(argv);
    const config = WallConfigSchema.parse({
      source: apiBase === LIVE_API_BASE ? 'live' : 'rehearsal',
      requests: { timeoutSeconds },
      boards: ids.map((race) => ({ race })),
    });
    // One poll, nothing kept: no cache is read or written, so what prints is what answered now.
    const feed = await ResultsFeed.open({
      config,
      apiBase,
      dataDir: tmpdir(),
      source: config.source,
      contestPaths: paths,
      cache: false,
    });
    try {
      const report = await feed.pollOnce();
      const races = ordered(ids, feed.races());
      process.stdout.write(`${JSON.stringify(races.map(printableRace), null, 2)}\n`);

      const missing = unanswered(ids, paths, races, report);
      if (missing.length === 0) return 0;
      process.stderr.write(`fetch: no usable answer for ${missing.join('; ')}\n`);
      return 1;
    } finally {
      await feed.stop();
    }
  },
};
