/**
 * Counters for `npm run bench`, kept only when the page is opened with `?bench`: how many
 * times each board component took a new race. Without the flag every count is one check of
 * an unset global, and nothing is kept.
 */
export interface BenchCounters {
  /** Component name to the number of times it ran its update. */
  readonly updates: Record<string, number>;
}

declare global {
  interface Window {
    __returnsWallBench?: BenchCounters;
  }
}

/** Turns the counters on when the page's address carries `?bench`. */
export function enableBenchProbe(win: Window): void {
  if (new URLSearchParams(win.location.search).has('bench')) win.__returnsWallBench = { updates: {} };
}

export function countUpdate(component: string): void {
  const counters = typeof window === 'undefined' ? undefined : window.__returnsWallBench;
  if (!counters) return;

  counters.updates[component] = (counters.updates[component] ?? 0) + 1;
}
