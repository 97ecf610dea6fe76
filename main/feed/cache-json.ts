/**
 * The cache's JSON, made faster than `JSON.stringify` of a whole snapshot by reusing what did
 * not change since the last write: each race's JSON (races are immutable and replaced whenever
 * their content changes, so a cycle that changed 50 of 5,000 races stringifies 50), the JSON of
 * the raw bodies, and the stamps most races share.
 */
import type { CachedRace, CacheFile, RawBody } from './cache.js';

// TODO: a write where every race is new (the first of a night) still stringifies all of them:
// 5,000 races take 45-65 ms of CPU on this 2-core machine (half JSON.stringify, a fifth the GC of
// keeping their JSON), over the 50 ms target, though now in pieces of ~3 ms between event-loop
// turns. After a restart most races come from the cache file: its text could seed this memo
// (entries written one per line, each race's JSON cut out of its line), so only races new since
// the restart would be stringified.
const raceJson = new WeakMap<object, string>();

function jsonOfRace(race: CachedRace['race']): string {
  let text = raceJson.get(race);
  if (text === undefined) {
    text = JSON.stringify(race);
    raceJson.set(race, text);
  }
  return text;
}

// Nearly every race was confirmed by the same cycle and shares its `checkedAt`, and most share
// a `seenAt`: the last stamp's JSON is kept, which spares two calls to JSON.stringify per race.
let lastStamp: string | null = null;
let lastStampJson = 'null';

function jsonOfStamp(stamp: string | null): string {
  if (stamp !== lastStamp) {
    lastStamp = stamp;
    lastStampJson = JSON.stringify(stamp);
  }
  return lastStampJson;
}

function jsonOfEntry(entry: CachedRace): string {
  const seenAt = jsonOfStamp(entry.seenAt);
  return `{"race":${jsonOfRace(entry.race)},"seenAt":${seenAt},"checkedAt":${jsonOfStamp(entry.checkedAt)}}`;
}

// The raw bodies stay the same strings from write to write until their path answers anew, and
// escaping them costs as much as stringifying 2,000 races: their JSON is kept for the bodies of
// the last write and made only for new ones.
let bodyJson = new Map<string, string>();

/** `JSON.stringify(raw)`, escaping only the bodies the last call did not have. */
export function serializeRaw(raw: readonly RawBody[]): string {
  const kept = new Map<string, string>();
  const entries = raw.map((entry) => {
    const body = bodyJson.get(entry.body) ?? kept.get(entry.body) ?? JSON.stringify(entry.body);
    kept.set(entry.body, body);
    return `{"path":${JSON.stringify(entry.path)},"at":${JSON.stringify(entry.at)},"body":${body}}`;
  });
  bodyJson = kept;
  return `[${entries.join(',')}]`;
}

/** Races per piece of a cache's text: about 2 ms of JSON when none of them was written before. */
export const RACES_PER_PIECE = 500;

/**
 * The cache file's text in pieces that join to exactly what `JSON.stringify(snapshot)` gives:
 * the envelope, then the races `RACES_PER_PIECE` at a time, made as each piece is asked for.
 */
export function* cachePieces(snapshot: CacheFile): Generator<string> {
  const head = JSON.stringify({
    format: snapshot.format,
    writtenAt: snapshot.writtenAt,
    source: snapshot.source,
    apiBase: snapshot.apiBase,
  });
  yield `${head.slice(0, -1)},"races":[`;
  for (let start = 0; start < snapshot.races.length; start += RACES_PER_PIECE) {
    const piece = snapshot.races
      .slice(start, start + RACES_PER_PIECE)
      .map(jsonOfEntry)
      .join(',');
    yield start === 0 ? piece : `,${piece}`;
  }
  const rawFile = snapshot.rawFile === undefined ? '' : `,"rawFile":${JSON.stringify(snapshot.rawFile)}`;
  // An empty list leaves the bodies' JSON kept for the raw file's next write.
  const raw = snapshot.raw.length === 0 ? '[]' : serializeRaw(snapshot.raw);
  yield `],"raw":${raw}${rawFile}}`;
}

/** The cache file's text in one string: exactly what `JSON.stringify(snapshot)` gives. */
export function serializeCache(snapshot: CacheFile): string {
  return [...cachePieces(snapshot)].join('');
}
