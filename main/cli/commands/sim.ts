import { readFile } from 'node:fs/promises';
import { ReturnsWallError } from '../../../shared/errors.js';
import { formatPacificClock, formatReportingTime, MONTHS } from '../../../shared/pacific-time.js';
import { createLogger } from '../../logging/logger.js';
import { type FaultRule, parseFaultRules, type RehearsalFeed, startRehearsalFeed } from '../../sim/index.js';
import { ELECTION_DAY } from '../../sim/ballot.js';
import { parseAt, SimClockError } from '../../sim/clock.js';
import { type Command, numberFlag, parseFlags, untilSignal, UsageError } from '../command.js';

const log = createLogger('Sim');

export class FaultFileError extends ReturnsWallError {}

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  at: { type: 'string' },
  replay: { type: 'string' },
  faults: { type: 'string' },
  'fault-500-rate': { type: 'string' },
  'latency-ms': { type: 'string' },
  'fault-hang-rate': { type: 'string' },
  'fault-truncate-rate': { type: 'string' },
  'fault-html-rate': { type: 'string' },
  'fault-stale-rate': { type: 'string' },
} as const;

type Flags = ReturnType<typeof parseFlags<typeof FLAGS>>;

/** The fault rules the shortcut flags ask for; a rate of 0 (the default) adds none. */
export function faultRulesFromFlags(flags: Flags): FaultRule[] {
  const rate = (name: keyof Flags) => numberFlag(name, flags[name], 0, 0, 1);
  const rules: FaultRule[] = [];
  const add = (rule: FaultRule) => (rule.rate === 0 ? undefined : rules.push(rule));

  add({ kind: 'status', status: 500, rate: rate('fault-500-rate') });
  add({ kind: 'hang', rate: rate('fault-hang-rate') });
  add({ kind: 'truncate', rate: rate('fault-truncate-rate') });
  add({ kind: 'html', rate: rate('fault-html-rate') });
  add({ kind: 'stale', rate: rate('fault-stale-rate') });
  const latency = numberFlag('latency-ms', flags['latency-ms'], 0, 0, 600_000);
  if (latency > 0) rules.push({ kind: 'latency', ms: Math.round(latency) });
  return rules;
}

/** The rules in a `--faults` file: a JSON array of fault rules (checked when the feed starts). */
export async function rulesFromFile(file: string | undefined): Promise<unknown[]> {
  if (file === undefined) return [];
  try {
    const rules: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(rules)) throw new Error('expected a JSON array of fault rules');
    return rules;
  } catch (error) {
    throw new FaultFileError(`Reading the fault rules in ${file} failed`, { cause: error });
  }
}

/** A bad `--at` is a usage error, printed with the usage line. */
function checkAt(at: string | undefined): void {
  if (at === undefined) return;
  try {
    parseAt(at, ELECTION_DAY);
  } catch (error) {
    if (error instanceof SimClockError) throw new UsageError(`--at: ${error.message}`, { cause: error });
    throw error;
  }
}

/** `2026-11-03` as `November 3, 2026`. */
function electionDayText(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return `${MONTHS[month - 1] ?? ''} ${date}, ${year}`;
}

function summary(feed: RehearsalFeed): string {
  const ids = feed.ballot.allRaceIds();
  const totals = ids.filter((id) => id.endsWith('59')).length;
  const counties = (ids.length - totals).toLocaleString('en-US');
  const clock = `${formatPacificClock(feed.now())}, load ${feed.loadIndex()} of ${feed.loadTimes.length - 1}`;
  return (
    `${totals} statewide or districtwide ids and ${counties} county ids; ` +
    `election day ${electionDayText(feed.ballot.electionDay)}; clock at ${clock}`
  );
}

/** Logs each new load as the simulated clock reaches it; returns a function that stops watching. */
function watchLoads(feed: RehearsalFeed): () => void {
  let last = feed.loadIndex();
  const timer = setInterval(() => {
    const load = feed.loadIndex();
    if (load === last) return;
    last = load;
    const stamp = formatReportingTime(feed.loadTimes[load] ?? feed.now());
    log.info(`Serving load ${load} of ${feed.loadTimes.length - 1} (${stamp}).`);
  }, 1000);
  return () => clearInterval(timer);
}

export const simCommand: Command = {
  name: 'sim',
  usage:
    'returns-wall sim [--port 8787] [--host 127.0.0.1] [--seed 1] [--speed 60] [--at 19:58] ' +
    '[--replay FILE] [--faults FILE] [--fault-500-rate R] [--latency-ms MS] [--fault-hang-rate R] ' +
    '[--fault-truncate-rate R] [--fault-html-rate R] [--fault-stale-rate R]',
  async run(argv) {
    const flags = parseFlags(argv, FLAGS);
    checkAt(flags.at);
    const faults = [...parseFaultRules(await rulesFromFile(flags.faults)), ...faultRulesFromFlags(flags)];
    const feed = await startRehearsalFeed({
      port: numberFlag('port', flags.port, 8787, 0, 65_535),
      host: flags.host ?? '127.0.0.1',
      seed: numberFlag('seed', flags.seed, 1, 0, 2 ** 31),
      speed: numberFlag('speed', flags.speed, 60, 0, 1_000_000),
      ...(flags.at === undefined ? {} : { at: flags.at }),
      ...(flags.replay === undefined ? {} : { replay: flags.replay }),
      faults,
    });

    process.stdout.write(`${feed.url}\n${flags.replay ? `Replaying ${flags.replay}` : summary(feed)}\n`);
    const stopWatching = watchLoads(feed);
    const signal = await untilSignal();
    stopWatching();
    await feed.close();
    log.info(`Stopped the rehearsal feed on ${signal}.`);
    return 0;
  },
};
