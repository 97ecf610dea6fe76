/**
 * The IPC messages between the soak and the server it forks (`server-child.ts`), checked
 * with zod on both sides: the child is another process, so its messages are outside input.
 */
import { z } from 'zod';

/** One reading of the server's memory, taken after forced garbage collection. */
export const MemorySampleSchema = z.object({
  rssBytes: z.number().nonnegative(),
  heapUsedBytes: z.number().nonnegative(),
});

export const ServerStatsSchema = z.object({
  samples: z.array(MemorySampleSchema).min(1),
  /** `process.getActiveResourcesInfo()` counted by kind: `Timeout`, `TCPSocketWrap`, ... */
  resources: z.record(z.string(), z.number().int().nonnegative()),
  sseClients: z.number().int().nonnegative(),
  hubListeners: z.number().int().nonnegative(),
  feedListeners: z.number().int().nonnegative(),
  /** Poll cycles finished so far, and how many of them failed outright. */
  polls: z.number().int().nonnegative(),
  failedPolls: z.number().int().nonnegative(),
  /** Milliseconds spent in poll cycles so far, each from its start to its end. */
  pollMs: z.number().nonnegative(),
  warnings: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** The last few error lines of the server's log, for the report. */
  lastErrors: z.array(z.string()),
});

export const ToChildSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('measure'), samples: z.number().int().min(1).max(50) }),
  z.object({ type: z.literal('stop') }),
]);

export const FromChildSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.url() }),
  z.object({ type: z.literal('stats'), stats: ServerStatsSchema }),
  /** Sent once browser mode has stopped: what is still alive apart from the IPC channel. */
  z.object({ type: z.literal('stopped'), remaining: z.array(z.string()) }),
]);

export type MemorySample = z.infer<typeof MemorySampleSchema>;
export type ServerStats = z.infer<typeof ServerStatsSchema>;
export type ToChild = z.infer<typeof ToChildSchema>;
export type FromChild = z.infer<typeof FromChildSchema>;

/** `['Timeout', 'Timeout', 'TCPSocketWrap']` as `{ Timeout: 2, TCPSocketWrap: 1 }`. */
export function countByKind(kinds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
