/**
 * The kiosk's real feed: the rehearsal feed (main/sim) in-process when asked for, and the
 * feed engine (main/feed) polling, caching and normalising.
 */
import { ResultsFeed } from '../feed/results-feed.js';
import { startRehearsalFeed } from '../sim/index.js';
import type { KioskDependencies } from './kiosk.js';

export const realKioskDependencies: KioskDependencies = {
  async startRehearsal(settings) {
    return startRehearsalFeed({ seed: settings.seed, speed: settings.speed, at: settings.at, port: 0 });
  },
  async openFeed(options) {
    return ResultsFeed.open(options);
  },
};
