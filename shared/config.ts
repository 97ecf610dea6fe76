/**
 * `returns-wall.json`: what to poll, how often, and which boards to rotate. Strict, so a
 * misspelt key is an error that names it rather than a setting silently ignored.
 * `npm run schema` writes the JSON Schema generated from this file to
 * `shared/returns-wall.schema.json` so an editor can check a config as it is typed.
 */
import { z } from 'zod';
import { isRaceId } from './race-id.js';

export const LIVE_API_BASE = 'https://api.sos.ca.gov';

export const RaceIdSchema = z
  .string()
  .regex(/^\d{14}$/, 'expected a 14-digit SOS race id like "02000000000059"')
  .refine(isRaceId, { message: 'not a race id the SOS API knows (contest, district or county code)' });

export const BoardSchema = z.strictObject({
  race: RaceIdSchema,
  dwellSeconds: z.number().min(1).max(3600).optional(),
});

export const RequestsSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(16).default(4),
  timeoutSeconds: z.number().min(0.1).max(120).default(10),
  retries: z.number().int().min(0).max(6).default(2),
  /** Ids per query request. The API refuses 11 or more, so 10 is the ceiling. */
  idsPerQuery: z.number().int().min(1).max(10).default(10),
});

export const RehearsalSchema = z.strictObject({
  seed: z.number().int().default(1),
  /** How many simulated seconds pass per real second. */
  speed: z.number().positive().max(100_000).default(18),
  /** Where in the night to start: `19:58` (election day, Pacific) or an ISO-8601 time. */
  at: z.string().default('19:58'),
});

export const DisplaysSchema = z.union([
  z.enum(['primary', 'all']),
  z.array(z.number().int().nonnegative()).min(1),
]);

export const WallConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** `rehearsal` runs the local imitation of the API in-process unless `apiBase` is set. */
  source: z.enum(['live', 'rehearsal']).default('rehearsal'),
  /** Where to poll. Defaults to the SOS host for `live`, the in-process feed for `rehearsal`. */
  apiBase: z.url({ protocol: /^https?$/ }).optional(),
  pollSeconds: z.number().min(1).max(3600).default(30),
  /** A board is marked STALE when its numbers were last confirmed longer ago than this. */
  staleAfterSeconds: z.number().min(5).max(86_400).default(120),
  defaultDwellSeconds: z.number().min(1).max(3600).default(12),
  boards: z.array(BoardSchema).default([]),
  requests: RequestsSchema.default(RequestsSchema.parse({})),
  rehearsal: RehearsalSchema.default(RehearsalSchema.parse({})),
  /** Which displays get a kiosk window (Electron only). */
  displays: DisplaysSchema.default('primary'),
  /** Append every response to this JSON Lines file, for `returns-wall sim --replay`. */
  record: z.string().min(1).optional(),
});

export type Board = z.infer<typeof BoardSchema>;
export type WallConfig = z.infer<typeof WallConfigSchema>;
export type WallConfigInput = z.input<typeof WallConfigSchema>;

/** The part of the config the renderer needs. */
export const DisplayConfigSchema = WallConfigSchema.pick({
  staleAfterSeconds: true,
  defaultDwellSeconds: true,
  boards: true,
});
export type DisplayConfig = z.infer<typeof DisplayConfigSchema>;

export function toDisplayConfig(config: WallConfig): DisplayConfig {
  return {
    staleAfterSeconds: config.staleAfterSeconds,
    defaultDwellSeconds: config.defaultDwellSeconds,
    boards: config.boards,
  };
}
