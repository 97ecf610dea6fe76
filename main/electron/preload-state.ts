/**
 * What the preload keeps between messages: the latest snapshot with every later message
 * folded in. The main process sends the snapshot when the page loads, possibly before the
 * renderer has subscribed; a subscriber that comes late gets this merged snapshot first,
 * so it never starts from nothing or misses a change. No Electron here, so it is testable.
 */
import type { SnapshotMessage, WallMessage } from '../../shared/ipc.js';

export function foldMessage(current: SnapshotMessage | null, message: WallMessage): SnapshotMessage | null {
  switch (message.type) {
    case 'snapshot':
      return message;
    case 'update': {
      if (current === null) return null;
      const changed = new Map(message.races.map((race) => [race.id, race]));
      const kept = current.races.map((race) => changed.get(race.id) ?? race);
      const known = new Set(current.races.map((race) => race.id));
      const added = message.races.filter((race) => !known.has(race.id));
      return { ...current, sentAt: message.sentAt, races: [...kept, ...added] };
    }
    case 'status':
      return current === null ? null : { ...current, status: message.status };
    case 'config':
      return current === null ? null : { ...current, config: message.config };
  }
}
