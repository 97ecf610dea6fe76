/**
 * A FeedSource held in memory, for the transports' unit tests: the races and status are
 * whatever the test sets, and `emit` plays the feed's events; and kiosk dependencies that
 * record what the kiosk asked of them. The end-to-end tests run the real feed engine instead.
 */
import type { WallConfig } from '../../../shared/config.js';
import type { FeedStatus } from '../../../shared/feed-status.js';
import type { CandidateRace, Race } from '../../../shared/model.js';
import type { FeedEvents, FeedSource } from '../../../main/feed/feed-source.js';
import type { FeedEngine, FeedOpenOptions, KioskDependencies } from '../../../main/kiosk/kiosk.js';

export function testStatus(overrides: Partial<FeedStatus> = {}): FeedStatus {
  return {
    health: 'online',
    source: 'rehearsal',
    apiBase: 'http://127.0.0.1:1',
    lastSuccessAt: '2026-11-03T20:10:00-08:00',
    lastError: null,
    consecutiveFailures: 0,
    nextPollAt: null,
    newestLoadAt: '2026-11-03T20:10:00-08:00',
    cacheWrittenAt: null,
    setAside: [],
    confirmedAt: null,
    lagging: [],
    ...overrides,
  };
}

export function testRace(id: string, votes: readonly [number, number], name = 'Ada Quill'): CandidateRace {
  const total = votes[0] + votes[1];
  const percent = (value: number) => (total === 0 ? 0 : Math.round((value / total) * 1000) / 10);
  return {
    id,
    kind: 'candidates',
    title: 'Governor - Statewide Results',
    office: 'Governor',
    district: null,
    scope: 'statewide',
    county: null,
    reporting: { percent: 10, precincts: 2000, precinctsTotal: 20000 },
    updatedAt: '2026-11-03T20:10:00-08:00',
    totalVotes: total,
    deltaSince: null,
    candidates: [
      {
        name,
        party: 'Dem',
        votes: votes[0],
        percent: percent(votes[0]),
        incumbent: false,
        ballotOrder: 0,
        delta: null,
      },
      {
        name: 'Bo Reyes',
        party: 'Rep',
        votes: votes[1],
        percent: percent(votes[1]),
        incumbent: false,
        ballotOrder: 1,
        delta: null,
      },
    ],
    margin: null,
  };
}

export class MemoryFeed implements FeedSource {
  private readonly listeners: { [E in keyof FeedEvents]: Set<FeedEvents[E]> } = {
    races: new Set(),
    status: new Set(),
  };

  constructor(
    public current: Race[] = [],
    public currentStatus: FeedStatus = testStatus(),
  ) {}

  races(): readonly Race[] {
    return this.current;
  }

  status(): FeedStatus {
    return this.currentStatus;
  }

  on<E extends keyof FeedEvents>(event: E, listener: FeedEvents[E]): () => void {
    const set = this.listeners[event] as Set<FeedEvents[E]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  listenerCount(): number {
    return this.listeners.races.size + this.listeners.status.size;
  }

  emitRaces(races: Race[]): void {
    this.current = [...this.current.filter((race) => !races.some((r) => r.id === race.id)), ...races];
    for (const listener of this.listeners.races) listener(races);
  }

  emitStatus(status: FeedStatus): void {
    this.currentStatus = status;
    for (const listener of this.listeners.status) listener(status);
  }
}

/** The feed engine's lifecycle, recorded, over an in-memory feed. */
export class RecordingEngine extends MemoryFeed implements FeedEngine {
  started = false;
  stopped = false;
  configs: WallConfig[] = [];

  start(): void {
    this.started = true;
  }
  async pollOnce(): Promise<void> {}
  updateConfig(config: WallConfig): void {
    this.configs.push(config);
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
}

export class RecordingDependencies implements KioskDependencies {
  opened: FeedOpenOptions[] = [];
  engine = new RecordingEngine();
  rehearsalClosed = false;
  speeds: number[] = [];

  async startRehearsal() {
    return {
      url: 'http://127.0.0.1:9/',
      ballot: { statewideRaceIds: ['02000000000059'], propositions: [{ raceId: '19000000000159' }] },
      setSpeed: (speed: number) => this.speeds.push(speed),
      close: async () => {
        this.rehearsalClosed = true;
      },
    };
  }

  async openFeed(options: FeedOpenOptions) {
    this.opened.push(options);
    return this.engine;
  }
}
