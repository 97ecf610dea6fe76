/**
 * Benchmark figures, one JSON line each on stdout:
 * `{"bench": "<name>", "value": <n>, "unit": "<unit>", "floor": <n or null>}`.
 * Benchmarks print; they never assert a time.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  readonly bench: string;
  readonly value: number;
  readonly unit: string;
  /** The best the design allows (a request count, a wall time), or null when there is none. */
  readonly floor: number | null;
}

export function report(bench: string, value: number, unit: string, floor: number | null = null): void {
  const figure: Figure = { bench, value: Math.round(value * 100) / 100, unit, floor };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** Runs `task` and returns how long it took, in milliseconds. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The nearest-rank percentile (`p` in 0-100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
