/**
 * California's 58 counties as the SOS API numbers them: 01-58 in alphabetical order.
 * These are not FIPS codes (FIPS numbers Alameda 001, Alpine 003, ...).
 */

export interface County {
  /** Two-digit SOS county code, `01`-`58`. */
  readonly code: string;
  readonly name: string;
  /** Lower-case, hyphenated name used in API paths: `contra-costa`. */
  readonly slug: string;
}

/** The code that stands for the statewide or districtwide total in a race id. */
export const TOTAL_COUNTY_CODE = '59';

// prettier-ignore
const COUNTY_NAMES = [
  'Alameda', 'Alpine', 'Amador', 'Butte', 'Calaveras', 'Colusa', 'Contra Costa', 'Del Norte',
  'El Dorado', 'Fresno', 'Glenn', 'Humboldt', 'Imperial', 'Inyo', 'Kern', 'Kings', 'Lake',
  'Lassen', 'Los Angeles', 'Madera', 'Marin', 'Mariposa', 'Mendocino', 'Merced', 'Modoc', 'Mono',
  'Monterey', 'Napa', 'Nevada', 'Orange', 'Placer', 'Plumas', 'Riverside', 'Sacramento',
  'San Benito', 'San Bernardino', 'San Diego', 'San Francisco', 'San Joaquin', 'San Luis Obispo',
  'San Mateo', 'Santa Barbara', 'Santa Clara', 'Santa Cruz', 'Shasta', 'Sierra', 'Siskiyou',
  'Solano', 'Sonoma', 'Stanislaus', 'Sutter', 'Tehama', 'Trinity', 'Tulare', 'Tuolumne', 'Ventura',
  'Yolo', 'Yuba',
] as const;

export function countySlug(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}

export const COUNTIES: readonly County[] = COUNTY_NAMES.map((name, index) => ({
  code: String(index + 1).padStart(2, '0'),
  name,
  slug: countySlug(name),
}));

const bySlug = new Map(COUNTIES.map((county) => [county.slug, county]));
const byCode = new Map(COUNTIES.map((county) => [county.code, county]));
const byName = new Map(COUNTIES.map((county) => [county.name.toLowerCase(), county]));

export function countyBySlug(slug: string): County | undefined {
  return bySlug.get(slug);
}

export function countyByCode(code: string): County | undefined {
  return byCode.get(code);
}

/** Case-insensitive lookup by the county's name as it appears in a race title. */
export function countyByName(name: string): County | undefined {
  return byName.get(name.trim().toLowerCase());
}
