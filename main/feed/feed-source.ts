/**
 * What the kiosk (Electron or browser mode) needs from the feed: the current races and
 * status, and a stream of changes. The feed engine implements it; the transports consume it.
 */
import type { FeedStatus } from '../../shared/feed-status.js';
import type { Race } from '../../shared/model.js';

export interface FeedEvents {
  /** Races whose content changed in a poll (never empty). */
  races: (races: readonly Race[]) => void;
  status: (status: FeedStatus) => void;
}

export interface FeedSource {
  /** Every race currently known, newest content. */
  races(): readonly Race[];
  status(): FeedStatus;
  /** Subscribes to an event; returns a function that unsubscribes. */
  on<E extends keyof FeedEvents>(event: E, listener: FeedEvents[E]): () => void;
}
