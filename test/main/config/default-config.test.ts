import { describe, expect, it } from 'vitest';
import { defaultBoards, defaultConfig, withDefaultBoards } from '../../../main/config/default-config.js';
import { WallConfigSchema } from '../../../shared/config.js';

const ballot = {
  statewideRaceIds: ['02000000000059', '03000000000059'],
  propositions: [{ raceId: '19000000000159' }, { raceId: '19000000000259' }],
};

describe('the default rotation', () => {
  it('shows the statewide offices, then the propositions, then key districts', () => {
    const races = defaultBoards(ballot).map((board) => board.race);
    expect(races.slice(0, 4)).toEqual([
      '02000000000059',
      '03000000000059',
      '19000000000159',
      '19000000000259',
    ]);
    expect(races.slice(4).length).toBeGreaterThan(0);
    expect(races.slice(4).every((race) => race.startsWith('11'))).toBe(true);
  });

  it('builds boards the config schema accepts', () => {
    const config = WallConfigSchema.parse({ boards: defaultBoards(ballot) });
    expect(config.boards.length).toBe(defaultBoards(ballot).length);
  });

  it('leaves a config that lists its own boards alone', () => {
    const config = { ...defaultConfig(), boards: [{ race: '10000000000059' }] };
    expect(withDefaultBoards(config, ballot).boards).toEqual([{ race: '10000000000059' }]);
  });

  it('fills an empty rotation from the ballot', () => {
    expect(withDefaultBoards(defaultConfig(), ballot).boards).toEqual(defaultBoards(ballot));
  });
});

describe('the default rotation without a ballot', () => {
  it('asks for every statewide office the API knows, then the key districts', () => {
    const races = defaultBoards(null).map((board) => board.race);
    expect(races).toContain('02000000000059');
    expect(races).toContain('16000000000059');
    expect(races.filter((race) => race.startsWith('19'))).toEqual([]);
  });
});
