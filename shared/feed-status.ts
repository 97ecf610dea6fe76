/**
 * The feed's health as the screen and the log see it.
 */
import { z } from 'zod';
import { IsoTimeSchema } from './model.js';

export const FeedHealthSchema = z.enum(['starting', 'online', 'degraded', 'offline']);

/** `live` only when polling the real SOS host; anything else gets the REHEARSAL watermark. */
export const FeedSourceSchema = z.enum(['live', 'rehearsal', 'replay', 'cache']);

export const SetAsideSchema = z.object({
  id: z.string(),
  /** Why it is not polled: "not on this ballot (404)", "breaks its batch (HTTP 500)", ... */
  reason: z.string(),
  since: IsoTimeSchema,
});

export const FeedStatusSchema = z.object({
  health: FeedHealthSchema,
  source: FeedSourceSchema,
  apiBase: z.string(),
  lastSuccessAt: IsoTimeSchema.nullable(),
  lastError: z.object({ at: IsoTimeSchema, message: z.string(), cause: z.string().nullable() }).nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  nextPollAt: IsoTimeSchema.nullable(),
  /** The newest `ReportingTime` seen, in ISO-8601. */
  newestLoadAt: IsoTimeSchema.nullable(),
  /** When the cache the wall started from was written, or null when it started empty. */
  cacheWrittenAt: IsoTimeSchema.nullable(),
  setAside: z.array(SetAsideSchema),
  /**
   * When every race not in `lagging` was last confirmed: the last successful poll, or, before
   * this run's first one, the newest confirmation in the cache the wall started from. Null
   * when nothing has been confirmed.
   */
  confirmedAt: IsoTimeSchema.nullable(),
  /**
   * Races last confirmed at another time than `confirmedAt` (or never), with that time. Only
   * the exceptions are listed, so a status stays small however many races there are.
   */
  lagging: z.array(z.object({ id: z.string(), checkedAt: IsoTimeSchema.nullable() })),
});

export type FeedHealth = z.infer<typeof FeedHealthSchema>;
export type FeedSource = z.infer<typeof FeedSourceSchema>;
export type SetAside = z.infer<typeof SetAsideSchema>;
export type FeedStatus = z.infer<typeof FeedStatusSchema>;
