/**
 * The bundled default: what `npm start` and `returns-wall serve` run with no config at all.
 * The rehearsal night in-process, from just before 8 p.m., at a speed that plays the night
 * in about half an hour, polled often enough that the numbers visibly move.
 */
import { type Board, type WallConfig, type WallConfigInput, WallConfigSchema } from '../../shared/config.js';
import { buildRaceId } from '../../shared/race-id.js';
import { CONTESTS, contestByCode } from '../../shared/contests.js';

export const DEFAULT_CONFIG_INPUT: WallConfigInput = {
  source: 'rehearsal',
  pollSeconds: 5,
  staleAfterSeconds: 60,
  defaultDwellSeconds: 10,
  rehearsal: { seed: 1, speed: 18, at: '19:58' },
};

/** What the default rotation needs to know about the ballot the rehearsal feed plays. */
export interface BallotOutline {
  readonly statewideRaceIds: readonly string[];
  readonly propositions: readonly { readonly raceId: string }[];
}

/** Closely watched U.S. House districts, shown after the statewide races and propositions. */
const KEY_HOUSE_DISTRICTS = [13, 22, 27, 45] as const;

export function defaultConfig(): WallConfig {
  return WallConfigSchema.parse(DEFAULT_CONFIG_INPUT);
}

function houseDistrictId(district: number): string {
  const contest = contestByCode('11');
  if (!contest) throw new Error('The contest table has lost U.S. House (code 11)');
  return buildRaceId({ contest, district, measure: 0, county: null });
}

/** Every statewide office the API knows; the feed sets aside the ones not on this ballot. */
function allStatewideIds(): string[] {
  return CONTESTS.filter((contest) => contest.kind === 'statewide').map((contest) =>
    buildRaceId({ contest, district: 0, measure: 0, county: null }),
  );
}

/**
 * Statewide offices, then propositions, then a few key districts: the rotation a newcomer
 * sees. Without a ballot (live, no boards configured) the propositions are unknown.
 */
export function defaultBoards(ballot: BallotOutline | null): Board[] {
  const statewide = ballot?.statewideRaceIds ?? allStatewideIds();
  const propositions = ballot?.propositions.map((proposition) => proposition.raceId) ?? [];
  const districts = KEY_HOUSE_DISTRICTS.map(houseDistrictId);
  const unique = [...new Set([...statewide, ...propositions, ...districts])];
  return unique.map((race) => ({ race }));
}

/** The config with the default rotation filled in when it lists no boards. */
export function withDefaultBoards(config: WallConfig, ballot: BallotOutline | null): WallConfig {
  return config.boards.length > 0 ? config : { ...config, boards: defaultBoards(ballot) };
}
