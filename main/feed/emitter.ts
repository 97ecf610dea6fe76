/**
 * The feed's two events, `races` and `status`. A listener that throws is logged and does not
 * stop the others or the feed.
 */
import { describeError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import type { FeedEvents } from './feed-source.js';

const log = createLogger('Feed');

export class FeedEmitter {
  readonly #listeners: { [E in keyof FeedEvents]: Set<FeedEvents[E]> } = {
    races: new Set(),
    status: new Set(),
  };

  on<E extends keyof FeedEvents>(event: E, listener: FeedEvents[E]): () => void {
    const listeners = this.#listeners[event] as Set<FeedEvents[E]>;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Listeners subscribed now, to every event together. */
  listenerCount(): number {
    return this.#listeners.races.size + this.#listeners.status.size;
  }

  emit<E extends keyof FeedEvents>(event: E, ...args: Parameters<FeedEvents[E]>): void {
    for (const listener of this.#listeners[event] as Set<(...values: Parameters<FeedEvents[E]>) => void>) {
      try {
        listener(...args);
      } catch (error) {
        log.error(`A ${event} listener failed: ${describeError(error)}.`);
      }
    }
  }
}
