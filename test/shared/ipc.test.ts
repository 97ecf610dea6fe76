import { describe, expect, it } from 'vitest';
import { OperatorCommandSchema, WallMessageSchema } from '../../shared/ipc.js';
import { candidate, candidateRace, feedStatus, snapshot } from '../renderer/fixtures.js';

describe('the wall messages (main to renderer)', () => {
  it('accept a snapshot, an update and a status as sent', () => {
    const race = candidateRace();
    for (const message of [
      snapshot(),
      { type: 'update', sentAt: '2026-11-04T05:20:00.000Z', races: [race] },
      { type: 'status', status: feedStatus() },
    ]) {
      expect(WallMessageSchema.safeParse(message).success).toBe(true);
    }
  });

  it.each([
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['an update with no race', { type: 'update', sentAt: '2026-11-04T05:20:00.000Z', races: [] }],
    ['a status with an unknown health', { type: 'status', status: { ...feedStatus(), health: 'fine' } }],
    [
      'a race with negative votes',
      {
        type: 'update',
        sentAt: '2026-11-04T05:20:00.000Z',
        races: [candidateRace({ candidates: [candidate({ name: 'A', votes: -1 })] })],
      },
    ],
    ['a snapshot with a time that is not one', { ...snapshot(), sentAt: 'now' }],
    ['no object at all', 'snapshot'],
  ])('refuse %s', (_label, message) => {
    expect(WallMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('the operator commands (renderer to main)', () => {
  it('accept quit, full screen and a bounded log line', () => {
    for (const command of [
      { type: 'quit' },
      { type: 'toggle-fullscreen' },
      { type: 'log', level: 'warn', message: 'A board could not be drawn.' },
    ]) {
      expect(OperatorCommandSchema.safeParse(command).success).toBe(true);
    }
  });

  it.each([
    ['an unknown command', { type: 'open-url', url: 'https://example.com' }],
    ['a known command with extra keys', { type: 'quit', force: true }],
    ['a log line at an unknown level', { type: 'log', level: 'fatal', message: 'x' }],
    ['a log line longer than 2,000 characters', { type: 'log', level: 'info', message: 'x'.repeat(2001) }],
  ])('refuse %s', (_label, command) => {
    expect(OperatorCommandSchema.safeParse(command).success).toBe(false);
  });
});
