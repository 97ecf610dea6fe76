import type { Race } from '../../../shared/model.js';

/** "Statewide results", "Districtwide results", "Lake County results". */
export function scopeLabel(race: Race): string {
  if (race.scope === 'statewide') return 'Statewide results';
  if (race.scope === 'districtwide') return 'Districtwide results';
  return race.county ? `${race.county} County results` : 'County results';
}
