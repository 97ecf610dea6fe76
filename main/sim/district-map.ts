/**
 * Plausible district maps without real boundaries: the counties are laid end to end along a
 * north-to-south walk, each as long as its vote, and the walk is cut into equal pieces. A
 * district is a run of neighbouring counties; a big county is split across several districts.
 */
import type { County } from '../../shared/counties.js';

export interface MapCounty {
  readonly county: County;
  readonly ballots: number;
  readonly precincts: number;
}

/** A county's part of a district. */
export interface DistrictPart {
  readonly county: County;
  /** The fraction of the county's voters who live in the district. */
  readonly share: number;
  readonly precincts: number;
}

interface Span {
  readonly item: MapCounty;
  readonly start: number;
  readonly end: number;
}

function spans(counties: readonly MapCounty[]): Span[] {
  const total = counties.reduce((sum, item) => sum + item.ballots, 0);
  let position = 0;
  return counties.map((item) => {
    const start = position;
    position += item.ballots / total;
    return { item, start, end: position };
  });
}

function partOf(span: Span, from: number, to: number): DistrictPart | null {
  const length = span.end - span.start;
  const startShare = Math.max(0, (from - span.start) / length);
  const endShare = Math.min(1, (to - span.start) / length);
  if (endShare <= startShare) return null;

  // Rounding the cumulative edges makes a county's parts add up to its own precinct count.
  const precincts = Math.round(span.item.precincts * endShare) - Math.round(span.item.precincts * startShare);
  if (precincts === 0) return null;
  return { county: span.item.county, share: endShare - startShare, precincts };
}

/** Cuts the walk into `count` districts; element k-1 holds district k's county parts. */
export function cutDistricts(counties: readonly MapCounty[], count: number): DistrictPart[][] {
  const laid = spans(counties);
  const districts: DistrictPart[][] = [];
  for (let index = 0; index < count; index++) {
    const from = index / count;
    const to = (index + 1) / count;
    const parts = laid
      .filter((span) => span.end > from && span.start < to)
      .map((span) => partOf(span, from, to))
      .filter((part): part is DistrictPart => part !== null);
    districts.push(parts);
  }
  return districts;
}
