/**
 * When the next poll cycle starts. Cycles start one interval apart (start to start), so a new
 * load waits half an interval for the next cycle on average, not half an interval plus a whole
 * cycle. A cycle that overran its interval still leaves a quarter interval's pause before the
 * next, so a slow API is never polled back to back.
 */
export function nextPollDelay(intervalMs: number, cycleStartedAt: number, now: number): number {
  const elapsed = Math.max(0, now - cycleStartedAt);
  return Math.max(intervalMs - elapsed, intervalMs / 4);
}
