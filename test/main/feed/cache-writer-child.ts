/**
 * Child process for the cache crash test: writes ever-changing caches to the folder it is
 * given, as fast as it can, printing a line before and after each write, until killed.
 */
import { writeCache, type CacheFile } from '../../../main/feed/cache.js';
import { syntheticCache } from './cache-fixtures.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: cache-writer-child.ts CACHE_PATH');

for (let round = 1; ; round++) {
  const snapshot: CacheFile = syntheticCache(2000, round);
  process.stdout.write(`writing ${round}\n`);
  await writeCache(path, snapshot);
  process.stdout.write(`wrote ${round}\n`);
}
