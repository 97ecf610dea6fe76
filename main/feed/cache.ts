/**
 * The offline cache: the latest normalized races and the raw bodies behind them, in the app's
 * data folder, one file per feed source (rehearsal numbers must never come back as live ones).
 * The raw bodies (40 % of the bytes) live in a file of their own beside it, written only when
 * they change, and named in the cache's `rawFile`; caches written before that keep them inline
 * in `raw` and still load. Every file is fsynced and the cache itself renamed into place, so a
 * crash leaves the old cache or the new one, never half of one; versioned and validated on
 * load. A file that cannot be read is moved aside with a warning and the feed starts empty.
 */
import { mkdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { describeError } from '../../shared/errors.js';
import { FeedSourceSchema, type FeedSource } from '../../shared/feed-status.js';
import { IsoTimeSchema, RaceSchema } from '../../shared/model.js';
import { formatIssues } from '../../shared/validate.js';
import { createLogger } from '../logging/logger.js';
import { cachePieces, serializeRaw } from './cache-json.js';
import { removeLeftovers, uniqueName, writeFileAtomic, writeNewFile } from './durable-file.js';
import { CacheError } from './errors.js';

export { serializeCache } from './cache-json.js';

const log = createLogger('Cache');

/**
 * Still 1 with the raw bodies moved out: `rawFile` is optional and `raw` still there (empty), so
 * a version before the move reads a newer cache too, only without its raw bodies.
 */
export const CACHE_FORMAT = 1;

export const CachedRaceSchema = z.object({
  race: RaceSchema,
  /** The newest `ReportingTime` seen for the race. */
  seenAt: IsoTimeSchema,
  /** When a poll last confirmed the race's numbers (wall clock), or null. */
  checkedAt: IsoTimeSchema.nullable(),
});

export const RawBodySchema = z.object({ path: z.string(), at: IsoTimeSchema, body: z.string() });

/** `<cache stem>.raw-<pid>-<n>.json`, in the cache's folder. */
const RAW_FILE = /^([\w-]+)\.raw-(\d+)-\d+\.json$/;

export const CacheFileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  writtenAt: IsoTimeSchema,
  source: FeedSourceSchema,
  apiBase: z.string(),
  races: z.array(CachedRaceSchema),
  /** The bodies the races were read from, by API path (empty on disk when `rawFile` holds them). */
  raw: z.array(RawBodySchema),
  /** The file beside the cache that holds `raw`, when they are kept apart. */
  rawFile: z.string().regex(RAW_FILE).optional(),
});

export type CachedRace = z.infer<typeof CachedRaceSchema>;
export type RawBody = z.infer<typeof RawBodySchema>;
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

/** Reads and checks the cache file itself; null when there is none or it cannot be used. */
async function readCacheFile(path: string): Promise<CacheFile | null> {
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

/** The raw bodies from their own file; none (with a warning) when it is missing or broken: the races stand without them. */
async function readRawFile(path: string): Promise<RawBody[]> {
  try {
    const parsed = z.array(RawBodySchema).safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return parsed.data;
    log.warn(
      `The raw bodies in ${path} are invalid (${formatIssues(parsed.error)[0]}); keeping the races without them.`,
    );
  } catch (error) {
    log.warn(
      `The raw bodies in ${path} cannot be read (${describeError(error)}); keeping the races without them.`,
    );
  }
  return [];
}

/** The stem raw files of this cache carry: `live` for `live.json`. */
function stemOf(path: string): string {
  return basename(path, '.json');
}

/**
 * A writer's leftovers beside the cache: temp files of the cache (a rename that never happened)
 * and raw files the cache does not name (`keep`). Returns the writer's pid, or null for any other file.
 */
function leftoverOf(path: string, keep: string | undefined): (name: string) => number | null {
  const tempPrefix = `${basename(path)}.`;
  return (name) => {
    const temp = name.startsWith(tempPrefix) ? /\.(\d+)\.\d+\.tmp$/.exec(name) : null;
    if (temp) return Number(temp[1]);
    const raw = name === keep ? null : RAW_FILE.exec(name);
    return raw?.[1] === stemOf(path) ? Number(raw[2]) : null;
  };
}

/**
 * Reads the cache; null when there is none or it cannot be used (never throws). Leftovers of
 * writers that died are removed; those of a writer still running are left alone.
 */
export async function loadCache(path: string): Promise<CacheFile | null> {
  const file = await readCacheFile(path);
  await removeLeftovers(dirname(path), leftoverOf(path, file?.rawFile));
  if (file?.rawFile === undefined) return file;
  const { rawFile, ...rest } = file;
  return { ...rest, raw: await readRawFile(join(dirname(path), rawFile)) };
}

/** What the cache at a path was last written with, in this process: its raw file (if any) and bodies. */
interface RawWritten {
  readonly name: string | undefined;
  readonly raw: readonly RawBody[];
}

const rawWritten = new Map<string, RawWritten>();

function sameRaw(a: readonly RawBody[], b: readonly RawBody[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, index) => {
      const other = b[index];
      return entry.path === other?.path && entry.at === other.at && entry.body === other.body;
    })
  );
}

/** A new raw file for `raw`, written and fsynced in the background; `done` resolves to an error or null. */
function startRawFile(path: string, raw: readonly RawBody[]): { name: string; done: Promise<unknown> } {
  const name = uniqueName(`${stemOf(path)}.raw-`, '-', '.json');
  const text = serializeRaw(raw);
  const done = mkdir(dirname(path), { recursive: true })
    .then(() => writeNewFile(join(dirname(path), name), text))
    .then(
      () => null,
      (error: unknown) => error,
    );
  return { name, done };
}

/** Once a new cache is in place, the raw file the previous one named is junk. */
async function retireRawFile(path: string, previous: RawWritten | undefined, current: RawWritten) {
  rawWritten.set(path, current);
  if (previous === undefined) {
    // This process's first write: the raw file of the cache it started from goes too.
    await removeLeftovers(dirname(path), leftoverOf(path, current.name));
  } else if (previous.name !== undefined && previous.name !== current.name) {
    await unlink(join(dirname(path), previous.name)).catch(() => undefined);
  }
}

/**
 * Writes the cache and, when its raw bodies changed, a new raw file first. The raw file is
 * written while the cache's own JSON is made, and is named only by the cache renamed after it,
 * so a crash at any moment leaves a cache whose raw file is complete.
 */
async function writeCacheFiles(path: string, snapshot: CacheFile): Promise<void> {
  const previous = rawWritten.get(path);
  const kept = previous !== undefined && sameRaw(previous.raw, snapshot.raw);
  const started = kept || snapshot.raw.length === 0 ? null : startRawFile(path, snapshot.raw);
  const rawFile = kept ? previous.name : started?.name;
  const pieces = cachePieces({ ...snapshot, raw: rawFile === undefined ? snapshot.raw : [], rawFile });
  try {
    await writeFileAtomic(path, pieces, async () => {
      const rawError = await started?.done;
      if (rawError) throw new CacheError(`Writing the raw bodies of ${path} failed`, { cause: rawError });
    });
  } catch (error) {
    if (started) await unlink(join(dirname(path), started.name)).catch(() => undefined);
    throw error;
  }
  if (!kept) await retireRawFile(path, previous, { name: rawFile, raw: snapshot.raw });
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
  await writeCacheFiles(path, snapshot);
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
