// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshnessOf } from '../../../renderer/src/lib/freshness.js';
import { GOVERNOR_ID, feedStatus } from '../fixtures.js';

const NOW = Date.parse('2026-11-03T21:30:00-08:00');
const base = { raceId: GOVERNOR_ID, connected: true, staleAfterSeconds: 120, now: NOW };

describe('freshness', () => {
  it('measures age from the last successful poll for a race that is not lagging', () => {
    const result = freshnessOf({
      ...base,
      status: feedStatus({ lastSuccessAt: '2026-11-03T21:29:00-08:00' }),
    });
    expect(result).toEqual({ ageSeconds: 60, basis: 'poll', stale: false, cached: false });
  });

  it('is stale once the age passes the threshold', () => {
    const status = feedStatus({ lastSuccessAt: '2026-11-03T21:27:59-08:00' });
    expect(freshnessOf({ ...base, status }).stale).toBe(true);
  });

  it('measures a lagging race from its own check time', () => {
    const status = feedStatus({
      lastSuccessAt: '2026-11-03T21:29:50-08:00',
      lagging: [{ id: GOVERNOR_ID, checkedAt: '2026-11-03T21:20:00-08:00' }],
    });
    const result = freshnessOf({ ...base, status });
    expect(result.basis).toBe('lagging');
    expect(result.ageSeconds).toBe(600);
    expect(result.stale).toBe(true);
  });

  it('falls back to the cache time, and says the numbers are cached, before any poll succeeds', () => {
    const status = feedStatus({ lastSuccessAt: null, cacheWrittenAt: '2026-11-03T21:18:00-08:00' });
    const result = freshnessOf({ ...base, status });
    expect(result).toEqual({ ageSeconds: 720, basis: 'cache', stale: true, cached: true });
  });

  it("measures an unlisted race from the cache's last confirmation before any poll succeeds", () => {
    const status = feedStatus({
      lastSuccessAt: null,
      confirmedAt: '2026-11-03T21:17:50-08:00',
      cacheWrittenAt: '2026-11-03T21:18:00-08:00',
    });
    expect(freshnessOf({ ...base, status })).toEqual({
      ageSeconds: 730,
      basis: 'cache',
      stale: true,
      cached: true,
    });
  });

  it('says a lagging race is cached when it was last confirmed before the cache it started from', () => {
    const status = feedStatus({
      lastSuccessAt: null,
      cacheWrittenAt: '2026-11-03T21:18:00-08:00',
      lagging: [{ id: GOVERNOR_ID, checkedAt: '2026-11-03T21:17:30-08:00' }],
    });
    expect(freshnessOf({ ...base, status })).toEqual({
      ageSeconds: 750,
      basis: 'lagging',
      stale: true,
      cached: true,
    });
  });

  it('does not call a race cached when this run confirmed it after the cache was written', () => {
    const status = feedStatus({
      lastSuccessAt: '2026-11-03T21:29:50-08:00',
      cacheWrittenAt: '2026-11-03T21:18:00-08:00',
      lagging: [{ id: GOVERNOR_ID, checkedAt: '2026-11-03T21:25:00-08:00' }],
    });
    expect(freshnessOf({ ...base, status }).cached).toBe(false);
  });

  it('is stale when nothing vouches for the numbers', () => {
    const result = freshnessOf({ ...base, status: feedStatus({ lastSuccessAt: null }) });
    expect(result).toMatchObject({ ageSeconds: null, basis: 'unknown', stale: true });
  });

  it('is stale when the confirmation time cannot be read', () => {
    const status = { ...feedStatus(), lastSuccessAt: 'yesterday-ish', confirmedAt: 'yesterday-ish' };
    expect(freshnessOf({ ...base, status })).toMatchObject({ ageSeconds: null, stale: true });
  });

  it('is stale when the feed is offline, however recent the data', () => {
    const status = feedStatus({ health: 'offline', lastSuccessAt: '2026-11-03T21:29:59-08:00' });
    expect(freshnessOf({ ...base, status }).stale).toBe(true);
  });

  it('is stale when the transport is disconnected', () => {
    const status = feedStatus({ lastSuccessAt: '2026-11-03T21:29:59-08:00' });
    expect(freshnessOf({ ...base, connected: false, status }).stale).toBe(true);
  });

  it('stays fresh while the feed is only degraded', () => {
    const status = feedStatus({ health: 'degraded', lastSuccessAt: '2026-11-03T21:29:59-08:00' });
    expect(freshnessOf({ ...base, status }).stale).toBe(false);
  });
});
