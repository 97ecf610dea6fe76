// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { titleFromRaceId } from '../../../renderer/src/lib/race-title.js';

describe('race titles from ids', () => {
  it('names statewide offices, districts, propositions and county breakdowns', () => {
    expect(titleFromRaceId('02000000000059')).toBe('Governor');
    expect(titleFromRaceId('13000012000059')).toBe('State Assembly District 12');
    expect(titleFromRaceId('19000000005059')).toBe('Proposition 50');
    expect(titleFromRaceId('02000000000017')).toBe('Governor - Lake County');
  });

  it('still gives a title for an id it cannot parse', () => {
    expect(titleFromRaceId('99000000000059')).toBe('Race 99000000000059');
  });
});
