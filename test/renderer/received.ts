/**
 * Test messages as the transport delivers them: built by the fixtures (or broken by a test),
 * then passed through the renderer's own receipt check (parse-message.ts).
 */
import { parseWallMessage, type ReceivedMessage } from '../../renderer/src/transport/parse-message.js';

export function received(message: unknown): ReceivedMessage {
  const parsed = parseWallMessage(message);
  if (!parsed.ok) throw new Error(`A test message failed the receipt check: ${parsed.problem}`);
  return parsed.message;
}
