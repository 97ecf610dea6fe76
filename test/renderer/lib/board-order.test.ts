// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { boardsFor, sortRaceIds } from '../../../renderer/src/lib/board-order.js';
import { displayConfig } from '../fixtures.js';

describe('board order', () => {
  it('follows the config, with per-board dwell times and the default elsewhere', () => {
    const config = displayConfig({
      defaultDwellSeconds: 15,
      boards: [{ race: '13000012000059', dwellSeconds: 30 }, { race: '02000000000059' }],
    });
    expect(boardsFor(config, ['05000000000059'])).toEqual([
      { raceId: '13000012000059', dwellMs: 30_000 },
      { raceId: '02000000000059', dwellMs: 15_000 },
    ]);
  });

  it('rotates through every known race when the config lists no boards', () => {
    const boards = boardsFor(displayConfig({ defaultDwellSeconds: 8 }), ['19000000000759', '02000000000059']);
    expect(boards).toEqual([
      { raceId: '02000000000059', dwellMs: 8_000 },
      { raceId: '19000000000759', dwellMs: 8_000 },
    ]);
  });

  it('puts statewide offices first, then propositions, then districts, then county breakdowns', () => {
    const shuffled = [
      '13000002000059', // Assembly 2
      '02000000000017', // Governor, Lake County
      '19000000001259', // Prop 12
      '11000040000059', // U.S. House 40
      '10000000000059', // U.S. Senate
      '19000000000359', // Prop 3
      '02000000000059', // Governor
      '13000001000059', // Assembly 1
    ];
    expect(sortRaceIds(shuffled)).toEqual([
      '02000000000059',
      '10000000000059',
      '19000000000359',
      '19000000001259',
      '11000040000059',
      '13000001000059',
      '13000002000059',
      '02000000000017',
    ]);
  });

  it('puts ids it cannot parse last rather than dropping them', () => {
    expect(sortRaceIds(['99000000000059', '02000000000059'])).toEqual(['02000000000059', '99000000000059']);
  });
});
