/**
 * A board's title from its race id alone, for races the feed has not answered yet:
 * "Governor", "State Assembly District 12", "Proposition 50", "Governor - Lake County".
 */
import { parseRaceId } from '../../../shared/race-id.js';

export function titleFromRaceId(raceId: string): string {
  let parts;
  try {
    parts = parseRaceId(raceId);
  } catch {
    return `Race ${raceId}`;
  }

  let title = parts.contest.label;
  if (parts.contest.kind === 'measure') title = `Proposition ${parts.measure}`;
  if (parts.contest.kind === 'district') title += ` District ${parts.district}`;
  if (parts.county) title += ` - ${parts.county.name} County`;
  return title;
}
