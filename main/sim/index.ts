/**
 * The rehearsal feed: a local HTTP server that behaves like api.sos.ca.gov through a whole
 * simulated election night (or a recording of a real one), with faults on demand. The demo
 * default, the test double, and what a newsroom rehearses against.
 */
import { z } from 'zod';
import { ReturnsWallError } from '../../shared/errors.js';
import { parseWith } from '../../shared/validate.js';
import { type Ballot, buildBallot } from './ballot.js';
import { parseAt, SimClock } from './clock.js';
import { type FaultRule, FaultRuleSchema, parseFaultRules } from './faults.js';
import { loadIndexAt, MINUTE_MS, planNight } from './night.js';
import { Random } from './random.js';
import { loadReplay, type Replay } from './replay.js';
import { NightResults, type RaceResults } from './results.js';
import { RouteTable } from './routes.js';
import { FeedServer, type Responder } from './server.js';

export {
  type Ballot,
  type BallotCandidate,
  type BallotContest,
  type BallotCounty,
  type BallotProposition,
  buildBallot,
  type CountyPart,
  ELECTION_DAY,
  type Party,
} from './ballot.js';
export { SimClockError } from './clock.js';
export type { FaultKind, FaultRule } from './faults.js';
export { FAULT_KINDS, FaultRuleSchema, parseFaultRules } from './faults.js';
export { ReplayError } from './replay.js';
export type { CandidateNumbers, MeasureNumbers, RaceResults } from './results.js';

export class RehearsalFeedError extends ReturnsWallError {}

export interface RehearsalOptions {
  /** Same seed, same ballot and same night. Default 1. */
  seed?: number;
  /** Simulated seconds per real second; 0 pauses. Default 1. */
  speed?: number;
  /**
   * Where the clock starts: `19:58` (election day, Pacific), `01:30` (the small hours after) or
   * ISO-8601. Default `19:58`, or the first line of a replay.
   */
  at?: string;
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** A JSON Lines recording to serve instead of the model. */
  replay?: string;
  faults?: FaultRule[];
}

export interface RehearsalFeed {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly ballot: Ballot;
  /** Instants of the model's loads, ascending; load 0 is the zeros before polls close. */
  readonly loadTimes: readonly Date[];
  /** The simulated clock. */
  now(): Date;
  /** Jumps the simulated clock (`19:58`, `01:30`, ISO-8601 or a Date). */
  setClock(at: string | Date): void;
  /** Simulated seconds per real second; 0 pauses. */
  setSpeed(speed: number): void;
  /** Replaces the fault rules. */
  setFaults(rules: FaultRule[]): void;
  /** The index of the load served now (into `loadTimes`). */
  loadIndex(): number;
  /** The numbers served now for a race (before any fault); throws for an id not on the ballot. */
  resultsFor(raceId: string): RaceResults;
  /** Requests answered so far, and requests held right now by a latency or hang fault. */
  stats(): { answered: number; held: number };
  /** Stops the server, drops held sockets, clears timers. */
  close(): Promise<void>;
}

const OptionsSchema = z.strictObject({
  seed: z.number().int().optional(),
  speed: z.number().min(0).optional(),
  at: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  replay: z.string().min(1).optional(),
  faults: z.array(FaultRuleSchema).optional(),
});

/** In replay, an older load is the recording as it stood this long before. */
const REPLAY_LOAD_SPACING_MS = 10 * MINUTE_MS;

function modelResponder(results: NightResults, routes: RouteTable, clock: SimClock): Responder {
  return (pathname, search, loadsBack) => {
    const load = loadIndexAt(results.schedule, clock.now());
    return routes.resolve(pathname, search, Math.max(0, load - loadsBack));
  };
}

function replayResponder(replay: Replay, clock: SimClock): Responder {
  return (pathname, search, loadsBack) =>
    replay.answer(pathname, search, clock.now() - loadsBack * REPLAY_LOAD_SPACING_MS);
}

interface Running {
  readonly url: string;
  readonly results: NightResults;
  readonly clock: SimClock;
  readonly replay: Replay | null;
  readonly server: FeedServer;
  readonly faults: { rules: FaultRule[] };
}

function handleFor({ url, results, clock, replay, server, faults }: Running): RehearsalFeed {
  const ballot = results.ballot;
  const loadIndex = () => loadIndexAt(results.schedule, clock.now());
  return {
    url,
    ballot,
    loadTimes: results.schedule.loads.map((at) => new Date(at)),
    now: () => new Date(clock.now()),
    setClock: (at) => clock.set(parseAt(at, ballot.electionDay)),
    setSpeed: (speed) => clock.setSpeed(speed),
    setFaults: (rules) => {
      faults.rules = parseFaultRules(rules);
    },
    loadIndex,
    resultsFor: (raceId) => {
      if (replay)
        throw new RehearsalFeedError(
          `Results for ${raceId} are not known in replay: the recording is served`,
        );
      if (!results.find(raceId))
        throw new RehearsalFeedError(`Race ${raceId} is not on the rehearsal ballot`);
      return results.at(raceId, loadIndex());
    },
    stats: () => server.stats(),
    close: () => server.close(),
  };
}

/** Starts the feed; resolves once it listens. */
export async function startRehearsalFeed(options: RehearsalOptions = {}): Promise<RehearsalFeed> {
  const checked = parseWith(OptionsSchema, options, 'rehearsal feed options');
  const seed = checked.seed ?? 1;
  const ballot = buildBallot(seed);
  const results = new NightResults(ballot, planNight(ballot));
  const replay = checked.replay === undefined ? null : await loadReplay(checked.replay);

  const start =
    replay && checked.at === undefined ? replay.start : parseAt(checked.at ?? '19:58', ballot.electionDay);
  const clock = new SimClock(start, checked.speed ?? 1);
  const faults = { rules: parseFaultRules(checked.faults ?? []) };
  const respond = replay
    ? replayResponder(replay, clock)
    : modelResponder(results, new RouteTable(results), clock);

  const server = new FeedServer({ respond, faults: () => faults.rules, random: new Random(seed, 'faults') });
  const url = await server.listen(checked.host ?? '127.0.0.1', checked.port ?? 0);
  return handleFor({ url, results, clock, replay, server, faults });
}
