/**
 * What the wall knows: the races, the feed status and the display config, built from the
 * validated messages the transport delivers. Replaced, never mutated in place, so each
 * message costs one reactive update however many races it carries.
 */
import type { DisplayConfig } from '../../../shared/config.js';
import type { FeedStatus } from '../../../shared/feed-status.js';
import type { WallMessage } from '../../../shared/ipc.js';
import type { Race } from '../../../shared/model.js';

export class WallState {
  races = $state.raw<Readonly<Record<string, Race>>>({});
  status = $state.raw<FeedStatus | null>(null);
  config = $state.raw<DisplayConfig | null>(null);
  /** False until the transport is up, and whenever it drops. */
  connected = $state(false);
  hasSnapshot = $state(false);
  droppedMessages = $state(0);
  lastDropped = $state<string | null>(null);

  /** Replaced only when a race is added or dropped, so an update to known races rebuilds no board list. */
  raceIds = $state.raw<readonly string[]>([]);

  apply(message: WallMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.races = indexRaces(message.races);
        this.raceIds = Object.keys(this.races);
        this.status = message.status;
        this.config = message.config;
        this.hasSnapshot = true;
        break;
      case 'update':
        this.#merge(message.races);
        break;
      case 'status':
        this.status = message.status;
        break;
      case 'config':
        this.config = message.config;
        break;
    }
  }

  #merge(races: readonly Race[]): void {
    const added = races.some((race) => !Object.hasOwn(this.races, race.id));
    this.races = { ...this.races, ...indexRaces(races) };
    if (added) this.raceIds = Object.keys(this.races);
  }

  setConnected(connected: boolean): void {
    this.connected = connected;
  }

  noteDropped(problem: string): void {
    this.droppedMessages += 1;
    this.lastDropped = problem;
  }
}

function indexRaces(races: readonly Race[]): Record<string, Race> {
  return Object.fromEntries(races.map((race) => [race.id, race]));
}
