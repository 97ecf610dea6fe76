/**
 * Child process for the cache crash test: writes ever-changing caches to the path it is given,
 * round after round from `START_ROUND` (`RACES` races each), as fast as it can, printing `writing N` before and
 * `wrote N` after each write, until killed. Run bundled (plain node starts in ~50 ms, which is
 * what makes 200 kills affordable).
 */
import { writeCache, type CacheFile } from '../../../main/feed/cache.js';
import { syntheticCache } from './cache-fixtures.js';

const [path, start = '1', races = '2000'] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: cache-writer-child CACHE_PATH [START_ROUND] [RACES]');

for (let round = Number(start); ; round++) {
  const snapshot: CacheFile = syntheticCache(Number(races), round);
  process.stdout.write(`writing ${round}\n`);
  await writeCache(path, snapshot);
  process.stdout.write(`wrote ${round}\n`);
}
