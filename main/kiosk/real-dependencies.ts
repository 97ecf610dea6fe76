/**
 * The kiosk's real feed: the rehearsal feed (main/sim) in-process when asked for, and the
 * feed engine (main/feed) polling, caching and normalising. The rehearsal feed is imported
 * only when a wall plays it, so a wall on the live API does not load it at start.
 */
import { ResultsFeed } from '../feed/results-feed.js';
import type { KioskDependencies } from './kiosk.js';

export const realKioskDependencies: KioskDependencies = {
  async startRehearsal(settings) {
    const { startRehearsalFeed } = await import('../sim/index.js');
    return startRehearsalFeed({ seed: settings.seed, speed: settings.speed, at: settings.at, port: 0 });
  },
  async openFeed(options) {
    return ResultsFeed.open(options);
  },
};
