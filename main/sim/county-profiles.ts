/**
 * Rough facts about each county that shape a plausible night: how many ballots it casts in a
 * general election (thousands, approximate), how it leans (positive: towards Democrats, in
 * log-odds), and a north-to-south walk through the state that district maps are cut along.
 */
import { COUNTIES, type County } from '../../shared/counties.js';

export interface CountyProfile {
  readonly county: County;
  /** Approximate final ballots in a midterm general, in thousands. */
  readonly ballotsThousands: number;
  /** Partisan lean in log-odds: positive leans Democratic. */
  readonly lean: number;
}

// North to south, zig-zagging so that neighbours in the list are mostly neighbours on a map.
// prettier-ignore
const PROFILES: readonly (readonly [name: string, ballotsThousands: number, lean: number])[] = [
  ['Del Norte', 9, -0.6], ['Siskiyou', 20, -0.7], ['Modoc', 4, -1.2], ['Humboldt', 60, 0.5],
  ['Trinity', 6, -0.4], ['Shasta', 80, -1.0], ['Lassen', 11, -1.2], ['Tehama', 23, -1.0],
  ['Plumas', 10, -0.6], ['Mendocino', 38, 0.5], ['Glenn', 9, -0.9], ['Butte', 85, -0.2],
  ['Sierra', 2, -0.7], ['Lake', 27, 0.1], ['Colusa', 7, -0.7], ['Nevada', 60, 0.1],
  ['Yuba', 22, -0.6], ['Sutter', 30, -0.6], ['Placer', 200, -0.4], ['Sonoma', 230, 0.9],
  ['Napa', 60, 0.5], ['Yolo', 80, 0.6], ['Sacramento', 530, 0.4], ['El Dorado', 95, -0.4],
  ['Alpine', 1, 0.3], ['Amador', 22, -0.7], ['Marin', 135, 1.3], ['Solano', 160, 0.4],
  ['Contra Costa', 460, 0.7], ['San Francisco', 370, 1.6], ['San Joaquin', 210, 0.1],
  ['Calaveras', 27, -0.6], ['Tuolumne', 28, -0.6], ['Alameda', 560, 1.3], ['San Mateo', 290, 1.0],
  ['Santa Clara', 620, 0.9], ['Santa Cruz', 120, 1.1], ['Stanislaus', 150, -0.1],
  ['Mariposa', 9, -0.5], ['Mono', 6, 0.2], ['Merced', 60, 0.0], ['San Benito', 22, 0.2],
  ['Madera', 45, -0.6], ['Monterey', 120, 0.6], ['Fresno', 250, -0.05], ['Inyo', 9, -0.3],
  ['Kings', 35, -0.6], ['Tulare', 100, -0.6], ['San Luis Obispo', 130, 0.1], ['Kern', 220, -0.5],
  ['Santa Barbara', 160, 0.4], ['Ventura', 330, 0.3], ['Los Angeles', 2900, 0.8],
  ['San Bernardino', 620, 0.0], ['Orange', 1150, 0.0], ['Riverside', 720, -0.05],
  ['San Diego', 1150, 0.3], ['Imperial', 45, 0.3],
];

function profileFor([name, ballotsThousands, lean]: (typeof PROFILES)[number]): CountyProfile {
  const county = COUNTIES.find((candidate) => candidate.name === name);
  if (!county) throw new Error(`County profile names an unknown county: ${name}`);
  return { county, ballotsThousands, lean };
}

/** Every county, in the north-to-south order district maps are cut along. */
export const COUNTY_PROFILES: readonly CountyProfile[] = PROFILES.map(profileFor);

/** The four counties that count into the small hours. */
export const SLOW_COUNTY_NAMES: ReadonlySet<string> = new Set([
  'Los Angeles',
  'Riverside',
  'San Bernardino',
  'San Diego',
]);
