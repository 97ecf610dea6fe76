/**
 * 5,000 races as a night ends, for the benchmarks that need a wall that size: the rehearsal
 * ballot's races (1,578) as the feed engine normalizes them, then county-level copies of its
 * statewide and districtwide races (same numbers, a county's id and name) until there are 5,000.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsFeed } from '../../main/feed/results-feed.js';
import { startRehearsalFeed } from '../../main/sim/index.js';
import { WallConfigSchema } from '../../shared/config.js';
import { COUNTIES, TOTAL_COUNTY_CODE } from '../../shared/counties.js';
import type { Race } from '../../shared/model.js';

export const WALL_SIZE = 5000;

/** The rehearsal ballot's races at the given clock (`23:30`), through the real feed engine. */
async function ballotRaces(at: string): Promise<Race[]> {
  const sim = await startRehearsalFeed({ seed: 1, speed: 0, at, port: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'returns-wall-bench-'));
  const feed = await ResultsFeed.open({
    config: WallConfigSchema.parse({ source: 'rehearsal' }),
    apiBase: sim.url,
    dataDir,
    source: 'rehearsal',
    extraRaceIds: sim.ballot.allRaceIds(),
    cache: false,
  });
  try {
    await feed.pollOnce();
    return [...feed.races()];
  } finally {
    await feed.stop();
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function countyCopies(race: Race): Race[] {
  if (!race.id.endsWith(TOTAL_COUNTY_CODE)) return [];
  return COUNTIES.map((county) => ({
    ...race,
    id: `${race.id.slice(0, 12)}${county.code}`,
    scope: 'county' as const,
    county: county.name,
  }));
}

/** `WALL_SIZE` races with distinct ids, the ballot's own first (statewide ones leading). */
export async function warmRaces(at = '23:30'): Promise<Race[]> {
  const own = await ballotRaces(at);
  const byId = new Map(own.map((race) => [race.id, race]));
  for (const race of own) {
    for (const copy of countyCopies(race)) {
      if (byId.size >= WALL_SIZE) break;
      if (!byId.has(copy.id)) byId.set(copy.id, copy);
    }
  }
  return [...byId.values()].slice(0, WALL_SIZE);
}
