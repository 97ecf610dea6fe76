/**
 * Which boards rotate: the config's list when it has one, else every race the wall knows,
 * statewide offices first, then propositions, then districts, then county breakdowns.
 */
import type { DisplayConfig } from '../../../shared/config.js';
import { type RaceIdParts, parseRaceId } from '../../../shared/race-id.js';
import type { RotationBoard } from './rotation.js';

export function boardsFor(config: DisplayConfig, raceIds: readonly string[]): RotationBoard[] {
  const defaultDwellMs = config.defaultDwellSeconds * 1000;
  if (config.boards.length > 0) {
    return config.boards.map((board) => ({
      raceId: board.race,
      dwellMs: (board.dwellSeconds ?? config.defaultDwellSeconds) * 1000,
    }));
  }

  return sortRaceIds(raceIds).map((raceId) => ({ raceId, dwellMs: defaultDwellMs }));
}

/** Race ids in on-air order; ids that do not parse go last, in id order. */
export function sortRaceIds(raceIds: readonly string[]): string[] {
  const keyed = raceIds.map((id) => ({ id, key: orderKey(id) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.id.localeCompare(b.id));
  return keyed.map((entry) => entry.id);
}

function orderKey(id: string): number[] {
  let parts: RaceIdParts;
  try {
    parts = parseRaceId(id);
  } catch {
    return [9];
  }

  const county = parts.county ? Number(parts.county.code) : 0;
  const contest = Number(parts.contest.code);
  return [groupOf(parts), county, contest, parts.measure, parts.district];
}

function groupOf(parts: RaceIdParts): number {
  if (parts.county) return 3;
  if (parts.contest.kind === 'statewide') return 0;
  if (parts.contest.kind === 'measure') return 1;
  return 2;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
