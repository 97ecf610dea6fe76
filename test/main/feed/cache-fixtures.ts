/** Valid caches of any size, for the cache tests and the benchmarks. */
import type { CacheFile } from '../../../main/feed/cache.js';
import type { Race } from '../../../shared/model.js';

function syntheticRace(index: number, round: number): Race {
  const votes = [1000 * round + index, 900 * round + index, 100 * round];
  const total = votes.reduce((sum, value) => sum + value, 0);
  return {
    id: `13${String((index % 80) + 1).padStart(6, '0')}0000${String((index % 58) + 1).padStart(2, '0')}`,
    title: `State Assembly District ${(index % 80) + 1} - Districtwide Results`,
    office: 'State Assembly',
    district: (index % 80) + 1,
    scope: 'districtwide',
    county: null,
    reporting: { percent: 42.5, precincts: 425, precinctsTotal: 1000 },
    updatedAt: '2026-11-03T21:05:00-08:00',
    totalVotes: total,
    deltaSince: '2026-11-03T20:55:00-08:00',
    kind: 'candidates',
    candidates: votes.map((value, order) => ({
      name: `Candidate ${order} of race ${index}`,
      party: ['Dem', 'Rep', 'NPP'][order] ?? 'NPP',
      votes: value,
      percent: Math.round((value / total) * 1000) / 10,
      incumbent: order === 0,
      ballotOrder: order,
      delta: 120,
    })),
    margin: { votes: votes[0]! - votes[1]!, percent: 1 },
  };
}

export function syntheticCache(races: number, round = 1): CacheFile {
  const entries = Array.from({ length: races }, (_, index) => ({
    race: syntheticRace(index, round),
    seenAt: '2026-11-03T21:05:00-08:00',
    checkedAt: '2026-11-04T05:05:30.000Z',
  }));
  return {
    format: 1,
    writtenAt: new Date().toISOString(),
    source: 'rehearsal',
    apiBase: 'http://127.0.0.1:8787',
    races: entries,
    raw: Array.from({ length: Math.ceil(races / 10) }, (_, index) => ({
      path: `/returns/query?r=batch-${index}`,
      at: '2026-11-04T05:05:30.000Z',
      body: JSON.stringify(entries.slice(index * 10, index * 10 + 10).map((entry) => entry.race.title)),
    })),
  };
}
