// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseWallMessage, parseWallMessageText } from '../../../renderer/src/transport/parse-message.js';
import { candidateRace, feedStatus, snapshot } from '../fixtures.js';

describe('wall message validation', () => {
  it('accepts every message type of the contract', () => {
    const messages = [
      snapshot(),
      { type: 'update', sentAt: '2026-11-03T21:25:00-08:00', races: [candidateRace()] },
      { type: 'status', status: feedStatus({ health: 'degraded' }) },
      { type: 'config', config: { staleAfterSeconds: 60, defaultDwellSeconds: 10, boards: [] } },
    ];
    for (const message of messages) {
      expect(parseWallMessage(message)).toEqual({ ok: true, message });
    }
  });

  it('refuses a message of unknown type', () => {
    expect(parseWallMessage({ type: 'reload' })).toMatchObject({ ok: false });
  });

  it('refuses a race with votes as strings, naming the bad field', () => {
    const race = { ...candidateRace(), totalVotes: '1,234' };
    const parsed = parseWallMessage({ type: 'update', sentAt: '2026-11-03T21:25:00-08:00', races: [race] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain('races.0.totalVotes');
  });

  it('refuses text that is not JSON', () => {
    const parsed = parseWallMessageText('{"type": "snap');
    expect(parsed).toMatchObject({ ok: false, problem: expect.stringContaining('not JSON') });
  });

  it('reads a valid message from JSON text', () => {
    const message = { type: 'status', status: feedStatus() };
    expect(parseWallMessageText(JSON.stringify(message))).toEqual({ ok: true, message });
  });

  it('keeps the problem short however large the message', () => {
    const races = Array.from({ length: 500 }, () => ({ ...candidateRace(), id: 'x'.repeat(400) }));
    const parsed = parseWallMessage({ type: 'update', sentAt: '2026-11-03T21:25:00-08:00', races });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.length).toBeLessThanOrEqual(1500);
  });
});
