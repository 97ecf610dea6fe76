/**
 * How old a race's numbers are, and whether the board must say STALE. A race's numbers were
 * last confirmed at its `lagging[].checkedAt` when listed there, else at the status's
 * `confirmedAt` (the last successful poll, or the cache's newest confirmation), else when the
 * cache the wall started from was written.
 */
import type { FeedStatus } from '../../../shared/feed-status.js';

export type FreshnessBasis = 'lagging' | 'poll' | 'cache' | 'unknown';

export interface Freshness {
  /** Seconds since the numbers were last confirmed, or null when nothing vouches for them. */
  readonly ageSeconds: number | null;
  readonly basis: FreshnessBasis;
  readonly stale: boolean;
  /** True when the numbers shown come from the on-disk cache rather than a poll. */
  readonly cached: boolean;
}

export interface FreshnessInput {
  readonly raceId: string;
  readonly status: FeedStatus;
  readonly connected: boolean;
  readonly staleAfterSeconds: number;
  readonly now: number;
}

/** The feed is failing when the main process says it is offline or the transport is down. */
export function isFeedFailing(status: FeedStatus, connected: boolean): boolean {
  return !connected || status.health === 'offline';
}

export function freshnessOf(input: FreshnessInput): Freshness {
  const { at, basis } = confirmedAt(input.raceId, input.status);
  const confirmedMs = at === null ? Number.NaN : Date.parse(at);
  // An unreadable time vouches for nothing, so it reads as stale rather than fresh.
  const ageSeconds = Number.isFinite(confirmedMs) ? Math.max(0, (input.now - confirmedMs) / 1000) : null;
  const tooOld = ageSeconds === null || ageSeconds > input.staleAfterSeconds;
  const stale = tooOld || isFeedFailing(input.status, input.connected);
  const cached = basis === 'cache' || input.status.source === 'cache' || fromCache(at, input.status);
  return { ageSeconds, basis, stale, cached };
}

/** A confirmation no later than the cache the wall started from was made in an earlier run. */
function fromCache(at: string | null, status: FeedStatus): boolean {
  if (at === null || status.cacheWrittenAt === null) return false;
  return Date.parse(at) <= Date.parse(status.cacheWrittenAt);
}

function confirmedAt(raceId: string, status: FeedStatus): { at: string | null; basis: FreshnessBasis } {
  const lagging = status.lagging.find((entry) => entry.id === raceId);
  if (lagging?.checkedAt) return { at: lagging.checkedAt, basis: 'lagging' };

  // Unlisted, a race is as fresh as the baseline: this run's last successful poll, or before
  // it the cache's. Listed but never confirmed, only the cache can vouch for it.
  if (!lagging && status.confirmedAt) {
    return { at: status.confirmedAt, basis: status.confirmedAt === status.lastSuccessAt ? 'poll' : 'cache' };
  }
  if (status.cacheWrittenAt) return { at: status.cacheWrittenAt, basis: 'cache' };
  return { at: null, basis: 'unknown' };
}
