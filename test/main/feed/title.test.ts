import { describe, expect, it } from 'vitest';
import { parseRaceId } from '../../../shared/race-id.js';
import { contestOfOffice, parseTitle, titleMisfit } from '../../../main/feed/title.js';

describe('parsing titles loosely', () => {
  it('reads office, district and scope', () => {
    expect(parseTitle('U.S. House of Representatives District 12 - Districtwide Results')).toEqual({
      office: 'U.S. House of Representatives',
      district: 12,
      scope: 'districtwide',
      county: null,
    });
    expect(parseTitle('Governor - San Luis Obispo County Results')).toEqual({
      office: 'Governor',
      district: null,
      scope: 'county',
      county: 'San Luis Obispo',
    });
  });

  it('keeps a title without a separator whole and leaves its scope unknown', () => {
    expect(parseTitle('Special Recall Election')).toEqual({
      office: 'Special Recall Election',
      district: null,
      scope: null,
      county: null,
    });
  });

  it('knows offices by their other spellings', () => {
    expect(contestOfOffice('United States Senator')?.code).toBe('10');
    expect(contestOfOffice('U.S. Senate')?.code).toBe('10');
    expect(contestOfOffice('Member of the State Assembly')?.code).toBe('13');
    expect(contestOfOffice('Dogcatcher')).toBeUndefined();
  });
});

describe('fitting a title to a race id', () => {
  it('accepts the title of the race asked for', () => {
    const title = parseTitle('State Senate District 3 - Districtwide Results');

    expect(titleMisfit(title, parseRaceId('12000003000059'))).toBeNull();
  });

  it('says what does not fit', () => {
    const senate = parseRaceId('12000003000059');

    expect(titleMisfit(parseTitle('State Assembly District 3 - Districtwide Results'), senate)).toContain(
      'State Assembly',
    );
    expect(titleMisfit(parseTitle('State Senate District 3 - Marin County Results'), senate)).toContain(
      'Marin',
    );
  });
});
