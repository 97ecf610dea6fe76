/**
 * The wall's messages while the kiosk is still starting (config checked, cache loaded, feed
 * opened). Browser mode listens at once, so a TV's browser loads the page in parallel with
 * that start; a browser that subscribes before the kiosk is ready gets the kiosk's snapshot
 * the moment it is, then every message after it.
 */
import type { SnapshotMessage } from '../../shared/ipc.js';
import type { WallListener, WallMessageSource } from '../kiosk/wall-hub.js';

interface Waiting {
  off: (() => void) | null;
}

export class StartingSource implements WallMessageSource {
  #source: WallMessageSource | null = null;
  readonly #waiting = new Map<WallListener, Waiting>();

  /** Null until the kiosk is ready: a subscriber is then sent the snapshot as a message. */
  snapshot(): SnapshotMessage | null {
    return this.#source?.snapshot() ?? null;
  }

  subscribe(listener: WallListener): () => void {
    if (this.#source) return this.#source.subscribe(listener);
    const waiting: Waiting = { off: null };
    this.#waiting.set(listener, waiting);
    return () => {
      this.#waiting.delete(listener);
      waiting.off?.();
    };
  }

  /** The kiosk's hub is up: every waiting subscriber moves onto it, snapshot first. */
  ready(source: WallMessageSource): void {
    this.#source = source;
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const [listener, entry] of waiting) {
      entry.off = source.subscribe(listener);
      const snapshot = source.snapshot();
      if (snapshot) listener(snapshot);
    }
  }

  /** Subscribers still waiting for the kiosk (a soak checks none are left behind). */
  waitingCount(): number {
    return this.#waiting.size;
  }
}
