// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { WallMessageSchema } from '../../../shared/ipc.js';
import { RaceSchema } from '../../../shared/model.js';
import { parseWallMessage, parseWallMessageText } from '../../../renderer/src/transport/parse-message.js';
import { checkRace, type UncheckedRace } from '../../../renderer/src/transport/unchecked-race.js';
import { candidateRace, feedStatus, measureRace, snapshot } from '../fixtures.js';

const SENT_AT = '2026-11-03T21:25:00-08:00';

/** Messages whose envelope breaks the contract in one way each; their races are all good. */
const BAD_ENVELOPES: Record<string, unknown> = {
  'unknown type': { type: 'reload' },
  'races not an array': { ...snapshot(), races: 'none' },
  'a snapshot without status': { ...snapshot(), status: undefined },
  'a bad sentAt': { ...snapshot(), sentAt: 'nine o-clock' },
  'a bad config': { ...snapshot(), config: { ...snapshot().config, defaultDwellSeconds: -1 } },
  'an empty update': { type: 'update', sentAt: SENT_AT, races: [] },
  'a bad status': { type: 'status', status: { ...feedStatus(), health: 'on fire' } },
  'a race without an id': { type: 'update', sentAt: SENT_AT, races: [{ ...candidateRace(), id: undefined }] },
  'a race with a bad id': { type: 'update', sentAt: SENT_AT, races: [{ ...candidateRace(), id: '2' }] },
  'a race that is not an object': { type: 'update', sentAt: SENT_AT, races: ['02000000000059'] },
};

function receivedRace(race: unknown): UncheckedRace {
  const parsed = parseWallMessage({ type: 'update', sentAt: SENT_AT, races: [race] });
  if (!parsed.ok || parsed.message.type !== 'update') throw new Error('the race did not pass receipt');
  return parsed.message.races[0]!;
}

describe('wall message validation on receipt', () => {
  it('accepts every message type of the contract, as sent', () => {
    const messages = [
      snapshot(),
      { type: 'update', sentAt: SENT_AT, races: [candidateRace()] },
      { type: 'status', status: feedStatus({ health: 'degraded' }) },
      { type: 'config', config: { staleAfterSeconds: 60, defaultDwellSeconds: 10, boards: [] } },
    ];
    for (const message of messages) {
      expect(parseWallMessage(message)).toEqual({ ok: true, message });
    }
  });

  it('refuses every envelope the shared contract refuses, naming the bad field', () => {
    for (const [name, message] of Object.entries(BAD_ENVELOPES)) {
      expect(WallMessageSchema.safeParse(message).success, name).toBe(false);
      expect(parseWallMessage(message), name).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/^Dropped an invalid wall message: /),
      });
    }
  });

  it('leaves the rest of each race for when the wall needs it', () => {
    const parsed = parseWallMessage({
      type: 'update',
      sentAt: SENT_AT,
      races: [{ ...candidateRace(), totalVotes: '1,234' }],
    });
    expect(parsed.ok).toBe(true);
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
    const parsed = parseWallMessage({ type: 'update', sentAt: SENT_AT, races });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.length).toBeLessThanOrEqual(1500);
  });
});

describe('checking a received race', () => {
  it('gives the race the shared contract gives, for candidate races and measures', () => {
    for (const race of [candidateRace(), measureRace()]) {
      expect(checkRace(receivedRace(race))).toEqual({ ok: true, race: RaceSchema.parse(race) });
    }
  });

  it('refuses what the shared contract refuses, naming the bad field', () => {
    const broken = [
      { ...candidateRace(), totalVotes: '1,234' },
      { ...candidateRace(), kind: 'poll' },
      { ...candidateRace(), updatedAt: '9:19 p.m.' },
      {
        ...measureRace(),
        measure: { ...measureRace().measure, yes: { votes: -1, percent: 50, delta: null } },
      },
    ];
    for (const race of broken) {
      expect(RaceSchema.safeParse(race).success).toBe(false);
      const check = checkRace(receivedRace(race));
      expect(check).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/^Dropped an invalid race \d{14}: /),
      });
    }
    expect(checkRace(receivedRace(broken[0]))).toMatchObject({
      problem: expect.stringContaining('totalVotes'),
    });
  });

  it('checks each received race once, giving the same race every time', () => {
    const race = receivedRace(candidateRace());
    const first = checkRace(race);
    expect(checkRace(race)).toBe(first);
  });
});
