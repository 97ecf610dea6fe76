/**
 * The one contract between the main process and the renderer, whatever carries it
 * (Electron IPC, or Server-Sent Events in browser mode). Channel names, payload schemas
 * and the types inferred from them. Both sides validate what they receive.
 */
import { z } from 'zod';
import { DisplayConfigSchema } from './config.js';
import { FeedStatusSchema } from './feed-status.js';
import { IsoTimeSchema, RaceSchema } from './model.js';

/** Main to renderer. */
export const WallChannel = {
  snapshot: 'wall:snapshot',
  update: 'wall:update',
  status: 'feed:status',
  config: 'wall:config',
} as const;

/** Renderer to main. */
export const OperatorChannel = {
  command: 'operator:command',
} as const;

/** Every race the wall knows, the feed status and the display config: sent when a window (re)loads. */
export const SnapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  sentAt: IsoTimeSchema,
  races: z.array(RaceSchema),
  status: FeedStatusSchema,
  config: DisplayConfigSchema,
});

/** Only the races whose content changed since the last message. */
export const UpdateMessageSchema = z.object({
  type: z.literal('update'),
  sentAt: IsoTimeSchema,
  races: z.array(RaceSchema).min(1),
});

export const StatusMessageSchema = z.object({
  type: z.literal('status'),
  status: FeedStatusSchema,
});

/** The config file changed and was valid. */
export const ConfigMessageSchema = z.object({
  type: z.literal('config'),
  config: DisplayConfigSchema,
});

export const WallMessageSchema = z.discriminatedUnion('type', [
  SnapshotMessageSchema,
  UpdateMessageSchema,
  StatusMessageSchema,
  ConfigMessageSchema,
]);

/**
 * What the operator's keys ask of the main process; rotation itself lives in the renderer.
 * Strict: a command with keys it does not define is refused, not trimmed.
 */
export const OperatorCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('quit') }),
  z.strictObject({ type: z.literal('toggle-fullscreen') }),
  z.strictObject({
    type: z.literal('log'),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string().max(2000),
  }),
]);

export type SnapshotMessage = z.infer<typeof SnapshotMessageSchema>;
export type UpdateMessage = z.infer<typeof UpdateMessageSchema>;
export type StatusMessage = z.infer<typeof StatusMessageSchema>;
export type ConfigMessage = z.infer<typeof ConfigMessageSchema>;
export type WallMessage = z.infer<typeof WallMessageSchema>;
export type OperatorCommand = z.infer<typeof OperatorCommandSchema>;

/** The API the preload exposes as `window.returnsWall`, and browser mode imitates. */
export interface ReturnsWallBridge {
  /** Calls `listener` with every validated message; returns a function that unsubscribes. */
  subscribe(listener: (message: WallMessage) => void): () => void;
  send(command: OperatorCommand): void;
}
