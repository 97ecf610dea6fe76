/**
 * Every message from the main process is checked against the IPC contract on receipt; an
 * invalid one is dropped (the wall keeps its last good state) and described for the log.
 */
import { type WallMessage, WallMessageSchema } from '../../../shared/ipc.js';
import { formatIssues } from '../../../shared/validate.js';

export type ParsedMessage = { ok: true; message: WallMessage } | { ok: false; problem: string };

const MAX_PROBLEM_LENGTH = 1500;

// TODO: a 5,000-race snapshot takes ~180 ms to check here in Chromium (~40 ms in Node): the
// page's CSP forbids eval, which turns off zod's compiled object checks. That is a fifth of a
// cold start's page time. Checking each race when a board first needs it (keeping the
// envelope checked on receipt) or a hand-written Race check would remove most of it.
export function parseWallMessage(value: unknown): ParsedMessage {
  const result = WallMessageSchema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };

  const issues = formatIssues(result.error).slice(0, 5).join('; ');
  return { ok: false, problem: `Dropped an invalid wall message: ${issues}.`.slice(0, MAX_PROBLEM_LENGTH) };
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
