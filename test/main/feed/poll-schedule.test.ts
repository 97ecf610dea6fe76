import { describe, expect, it } from 'vitest';
import { nextPollDelay } from '../../../main/feed/poll-schedule.js';

describe('nextPollDelay', () => {
  it('starts the next cycle one interval after the last one started', () => {
    expect(nextPollDelay(30_000, 1_000, 1_000 + 4_000)).toBe(26_000);
  });

  it('waits the whole interval when the cycle took no time', () => {
    expect(nextPollDelay(30_000, 5_000, 5_000)).toBe(30_000);
  });

  it('still pauses a quarter interval after a cycle that overran its interval', () => {
    expect(nextPollDelay(1_000, 0, 2_500)).toBe(250);
    expect(nextPollDelay(1_000, 0, 800)).toBe(250);
  });

  it('treats a clock that went backwards as no time elapsed', () => {
    expect(nextPollDelay(10_000, 5_000, 4_000)).toBe(10_000);
  });
});
