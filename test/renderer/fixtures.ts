/**
 * Invented races, statuses and configs for the renderer's tests. Names are made up; the
 * shapes follow `shared/model.ts`, and every builder's output passes the shared schemas.
 */
import type { DisplayConfig } from '../../shared/config.js';
import type { FeedStatus } from '../../shared/feed-status.js';
import type { SnapshotMessage } from '../../shared/ipc.js';
import type { Candidate, CandidateRace, MeasureRace } from '../../shared/model.js';

export const GOVERNOR_ID = '02000000000059';
export const CONTROLLER_ID = '05000000000059';
export const ASSEMBLY_12_ID = '13000012000059';
export const PROP_7_ID = '19000000000759';
export const HOUSE_3_ID = '11000003000059';

/** 9:19 p.m. PST on an invented election night. */
export const LOAD_AT = '2026-11-03T21:19:00-08:00';
export const PREVIOUS_LOAD_AT = '2026-11-03T21:05:00-08:00';
export const NOW = Date.parse('2026-11-03T21:20:00-08:00');

export function candidate(overrides: Partial<Candidate> & Pick<Candidate, 'name'>): Candidate {
  return { party: 'NPP', votes: 0, percent: 0, incumbent: false, ballotOrder: 0, delta: null, ...overrides };
}

const GOVERNOR_FIELD: Candidate[] = [
  candidate({ name: 'Rosalind Achterberg', party: 'Dem', votes: 1_386_966, percent: 46.2, delta: 12_480 }),
  candidate({
    name: 'Tobias Quennell',
    party: 'Rep',
    votes: 1_102_340,
    percent: 36.7,
    ballotOrder: 1,
    delta: 9_870,
  }),
  candidate({
    name: 'Marisol "Mari" Okonkwo-Bell',
    party: 'Grn',
    votes: 512_004,
    percent: 17.1,
    ballotOrder: 2,
    incumbent: true,
    delta: 0,
  }),
];

export function candidateRace(overrides: Partial<CandidateRace> = {}): CandidateRace {
  const candidates = overrides.candidates ?? GOVERNOR_FIELD;
  const totalVotes = candidates.reduce((sum, entry) => sum + entry.votes, 0);
  return {
    id: GOVERNOR_ID,
    title: 'Governor - Statewide Results',
    office: 'Governor',
    district: null,
    scope: 'statewide',
    county: null,
    reporting: { percent: 77.1, precincts: 15_260, precinctsTotal: 19_788 },
    updatedAt: LOAD_AT,
    totalVotes,
    deltaSince: PREVIOUS_LOAD_AT,
    kind: 'candidates',
    candidates,
    margin: null,
    ...overrides,
  };
}

export function measureRace(overrides: Partial<MeasureRace> = {}): MeasureRace {
  return {
    id: PROP_7_ID,
    title: 'Ballot Measures - Statewide Results',
    office: 'Ballot Measures',
    district: null,
    scope: 'statewide',
    county: null,
    reporting: { percent: 22.9, precincts: 5_692, precinctsTotal: 24_811 },
    updatedAt: LOAD_AT,
    totalVotes: 6_518_226,
    deltaSince: PREVIOUS_LOAD_AT,
    kind: 'measure',
    measure: {
      number: 7,
      name: 'Lighthouse Restoration Bonds',
      yes: { votes: 3_364_063, percent: 51.6, delta: 40_112 },
      no: { votes: 3_154_163, percent: 48.4, delta: 38_950 },
    },
    ...overrides,
  };
}

/** `count` invented candidates with votes falling from the top, sorted as the model sorts them. */
export function crowdedField(count: number): Candidate[] {
  const votes = Array.from({ length: count }, (_, index) => (count - index) * 1_000 + 7);
  const total = votes.reduce((sum, value) => sum + value, 0);
  return votes.map((value, index) =>
    candidate({
      name: `Hopeful Number ${index + 1}`,
      party: index % 2 === 0 ? 'Dem' : 'Rep',
      votes: value,
      percent: Math.round((value / total) * 1000) / 10,
      ballotOrder: index,
      delta: 10,
    }),
  );
}

/** A status; unless given, `confirmedAt` follows `lastSuccessAt`, as after a successful poll. */
export function feedStatus(overrides: Partial<FeedStatus> = {}): FeedStatus {
  const lastSuccessAt =
    overrides.lastSuccessAt === undefined ? '2026-11-03T21:19:30-08:00' : overrides.lastSuccessAt;
  return {
    health: 'online',
    source: 'live',
    apiBase: 'https://api.sos.ca.gov',
    lastSuccessAt,
    lastError: null,
    consecutiveFailures: 0,
    nextPollAt: '2026-11-03T21:20:30-08:00',
    newestLoadAt: LOAD_AT,
    cacheWrittenAt: null,
    setAside: [],
    confirmedAt: lastSuccessAt,
    lagging: [],
    ...overrides,
  };
}

export function displayConfig(overrides: Partial<DisplayConfig> = {}): DisplayConfig {
  return { staleAfterSeconds: 120, defaultDwellSeconds: 12, boards: [], ...overrides };
}

export function snapshot(overrides: Partial<SnapshotMessage> = {}): SnapshotMessage {
  return {
    type: 'snapshot',
    sentAt: '2026-11-03T21:19:40-08:00',
    races: [candidateRace(), measureRace()],
    status: feedStatus(),
    config: displayConfig(),
    ...overrides,
  };
}
