import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../../shared/counties.js';
import { cutDistricts, type MapCounty } from '../../../main/sim/district-map.js';

function mapCounty(index: number, ballots: number, precincts: number): MapCounty {
  const county = COUNTIES[index];
  if (!county) throw new Error(`No county at ${index}`);
  return { county, ballots, precincts };
}

const counties = [mapCounty(0, 100, 10), mapCounty(1, 700, 70), mapCounty(2, 200, 20)];

describe('cutDistricts', () => {
  it('cuts the walk into equal runs of neighbouring counties', () => {
    const districts = cutDistricts(counties, 4);

    expect(districts.map((parts) => parts.map((part) => part.county.code))).toEqual([
      ['01', '02'],
      ['02'],
      ['02'],
      ['02', '03'],
    ]);
  });

  it("splits a county's precincts across its districts without losing any", () => {
    const districts = cutDistricts(counties, 4);
    const precincts = (code: string) =>
      districts
        .flat()
        .filter((part) => part.county.code === code)
        .reduce((sum, part) => sum + part.precincts, 0);

    expect(counties.map((item) => precincts(item.county.code))).toEqual([10, 70, 20]);
  });

  it("gives each part its share of the county's voters", () => {
    const [firstDistrict] = cutDistricts(counties, 4);

    expect(firstDistrict?.[0]?.share).toBeCloseTo(1);
    expect(firstDistrict?.[1]?.share).toBeCloseTo(150 / 700);
  });
});
