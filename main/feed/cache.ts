/**
 * The offline cache: the latest normalized races and the raw bodies behind them, in the app's
 * data folder, one file per feed source (rehearsal numbers must never come back as live ones).
 * Written atomically (temp file, fsync, rename, fsync of the folder) so a crash leaves the old
 * file or the new one, never half of one; versioned and validated on load. A file that cannot
 * be read is moved aside with a warning and the feed starts empty.
 */
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { describeError } from '../../shared/errors.js';
import { FeedSourceSchema, type FeedSource } from '../../shared/feed-status.js';
import { IsoTimeSchema, RaceSchema } from '../../shared/model.js';
import { formatIssues } from '../../shared/validate.js';
import { createLogger } from '../logging/logger.js';
import { CacheError } from './errors.js';

const log = createLogger('Cache');

export const CACHE_FORMAT = 1;

export const CachedRaceSchema = z.object({
  race: RaceSchema,
  /** The newest `ReportingTime` seen for the race. */
  seenAt: IsoTimeSchema,
  /** When a poll last confirmed the race's numbers (wall clock), or null. */
  checkedAt: IsoTimeSchema.nullable(),
});

export const CacheFileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  writtenAt: IsoTimeSchema,
  source: FeedSourceSchema,
  apiBase: z.string(),
  races: z.array(CachedRaceSchema),
  /** The bodies the races were read from, by API path. */
  raw: z.array(z.object({ path: z.string(), at: IsoTimeSchema, body: z.string() })),
});

export type CachedRace = z.infer<typeof CachedRaceSchema>;
export type CacheFile = z.infer<typeof CacheFileSchema>;

/** `<dataDir>/feed-cache/<source>.json`. */
export function cachePath(dataDir: string, source: FeedSource): string {
  return join(dataDir, 'feed-cache', `${source}.json`);
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** Moves a file that cannot be used out of the way, keeping it for a post-mortem. */
async function moveAside(path: string, why: string): Promise<void> {
  const aside = `${path}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
  try {
    await rename(path, aside);
    log.warn(`The cache ${path} cannot be used (${why}); moved it to ${aside} and starting empty.`);
  } catch (error) {
    log.warn(
      `The cache ${path} cannot be used (${why}) nor moved aside (${describeError(error)}); starting empty.`,
    );
  }
}

/** Reads the cache; null when there is none or it cannot be used (never throws). */
export async function loadCache(path: string): Promise<CacheFile | null> {
  await removeStaleTemps(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!isMissing(error))
      log.warn(`The cache ${path} cannot be read (${describeError(error)}); starting empty.`);
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    await moveAside(path, `not JSON: ${describeError(error)}`);
    return null;
  }
  const parsed = CacheFileSchema.safeParse(value);
  if (!parsed.success) {
    await moveAside(path, formatIssues(parsed.error).slice(0, 3).join('; '));
    return null;
  }
  return parsed.data;
}

/**
 * A temp file left by a process killed mid-write is junk: the rename never happened.
 * TODO: this also removes the temp file of a write still under way in another process (or in
 * this one, when a cache is loaded while its writer runs), whose rename then fails and is
 * logged. Only the kiosk's single-instance lock keeps two writers apart; skipping temps whose
 * pid (the name carries it) is still alive would make loading safe beside a writer.
 */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  await Promise.all(stale.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
}

let tempCounter = 0;

/** Writes text to `path` atomically and durably. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${tempCounter++}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const file = await open(temp, 'w');
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new CacheError(`Writing the cache ${path} failed`, { cause: error });
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; there rename is enough. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Races are immutable and replaced whenever their content changes, so each one's JSON is
// made once and reused by every later write: a cycle that changed 50 of 5,000 races
// stringifies 50.
// TODO: a write where every race is new (the first of a night, 5,000 races) still stringifies
// all of them in one go, 60-120 ms on a busy 2-core machine, blocking the event loop that long.
// Serializing in slices across event-loop turns would keep each block under ~10 ms.
const raceJson = new WeakMap<object, string>();

function jsonOfRace(race: CachedRace['race']): string {
  let text = raceJson.get(race);
  if (text === undefined) {
    text = JSON.stringify(race);
    raceJson.set(race, text);
  }
  return text;
}

// The raw bodies stay the same strings from write to write until their path answers anew, and
// escaping them is a third of a write (~2.5 MB for 500 bodies): their JSON is kept for the
// bodies of the last write and made only for the new ones.
let bodyJson = new Map<string, string>();

function jsonOfRaw(raw: CacheFile['raw']): string {
  const kept = new Map<string, string>();
  const entries = raw.map((entry) => {
    const body = bodyJson.get(entry.body) ?? kept.get(entry.body) ?? JSON.stringify(entry.body);
    kept.set(entry.body, body);
    return `{"path":${JSON.stringify(entry.path)},"at":${JSON.stringify(entry.at)},"body":${body}}`;
  });
  bodyJson = kept;
  return `[${entries.join(',')}]`;
}

/** The cache file's text: what `JSON.stringify(snapshot)` gives, made faster by reusing race and body JSON. */
export function serializeCache(snapshot: CacheFile): string {
  const races = snapshot.races.map(
    (entry) =>
      `{"race":${jsonOfRace(entry.race)},"seenAt":${JSON.stringify(entry.seenAt)},"checkedAt":${JSON.stringify(entry.checkedAt)}}`,
  );
  const head = JSON.stringify({
    format: snapshot.format,
    writtenAt: snapshot.writtenAt,
    source: snapshot.source,
    apiBase: snapshot.apiBase,
  });
  return `${head.slice(0, -1)},"races":[${races.join(',')}],"raw":${jsonOfRaw(snapshot.raw)}}`;
}

/** Everything but the races: what a writer whose races were checked on the way in must still check. */
const CacheEnvelopeSchema = CacheFileSchema.extend({ races: z.array(z.unknown()) });

/**
 * Validates a snapshot and writes it; an invalid snapshot throws and leaves the file as it was.
 * `racesChecked` skips re-validating races already checked one by one (the feed checks each
 * race as it enters its book), which keeps a 5,000-race write within budget.
 */
export async function writeCache(path: string, snapshot: CacheFile, racesChecked = false): Promise<void> {
  const checked = (racesChecked ? CacheEnvelopeSchema : CacheFileSchema).safeParse(snapshot);
  if (!checked.success) {
    throw new CacheError(
      `Refusing to write an invalid cache to ${path}: ${formatIssues(checked.error).slice(0, 3).join('; ')}`,
    );
  }
  await writeFileAtomic(path, serializeCache(snapshot));
}

/**
 * Serializes cache writes: one at a time, and while one runs only the latest snapshot waits,
 * so a slow disk never queues up stale snapshots. Failures are logged, never thrown.
 */
export class CacheWriter {
  #pending: (() => CacheFile) | null = null;
  #running: Promise<void> | null = null;
  #failing = false;

  constructor(
    readonly path: string,
    /** True when every race in a snapshot was validated before it got there. */
    readonly racesChecked = false,
  ) {}

  /** Schedules a write of the snapshot `build` returns when its turn comes. */
  save(build: () => CacheFile): void {
    this.#pending = build;
    this.#running ??= this.#drain();
  }

  /** Resolves once every scheduled write has finished. */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const build = this.#pending;
      this.#pending = null;
      await this.#writeOnce(build);
    }
    this.#running = null;
  }

  async #writeOnce(build: () => CacheFile): Promise<void> {
    try {
      await writeCache(this.path, build(), this.racesChecked);
      if (this.#failing) log.info(`Writing the cache ${this.path} works again.`);
      this.#failing = false;
    } catch (error) {
      if (!this.#failing) log.error(`Cache not saved: ${describeError(error)}.`);
      this.#failing = true;
    }
  }
}
