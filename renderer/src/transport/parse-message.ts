/**
 * Every message from the main process is checked against the IPC contract on receipt; an
 * invalid one is dropped (the wall keeps its last good state) and described for the log. The
 * races inside snapshots and updates are checked on receipt only for their ids, and in full
 * when the wall first needs each one (unchecked-race.ts).
 */
import { z } from 'zod';
import {
  ConfigMessageSchema,
  SnapshotMessageSchema,
  StatusMessageSchema,
  UpdateMessageSchema,
} from '../../../shared/ipc.js';
import { describeInvalid } from './problem.js';
import { UncheckedRaceSchema } from './unchecked-race.js';

/** The contract's messages (shared/ipc.ts), their races left for `checkRace`. */
const ReceivedMessageSchema = z.discriminatedUnion('type', [
  SnapshotMessageSchema.extend({ races: z.array(UncheckedRaceSchema) }),
  UpdateMessageSchema.extend({ races: z.array(UncheckedRaceSchema).min(1) }),
  StatusMessageSchema,
  ConfigMessageSchema,
]);

export type ReceivedMessage = z.output<typeof ReceivedMessageSchema>;

export type ParsedMessage = { ok: true; message: ReceivedMessage } | { ok: false; problem: string };

export function parseWallMessage(value: unknown): ParsedMessage {
  const result = ReceivedMessageSchema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, problem: describeInvalid('Dropped an invalid wall message', result.error) };
}

/** For transports that carry text (SSE): JSON first, then the contract. */
export function parseWallMessageText(text: string): ParsedMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `Dropped a wall message that is not JSON: ${text.slice(0, 200)}.` };
  }
  return parseWallMessage(value);
}
