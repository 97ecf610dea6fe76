import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeError, ReturnsWallError } from '../../shared/errors.js';
import { OperatorCommandSchema } from '../../shared/ipc.js';
import { parseWith } from '../../shared/validate.js';

describe('describeError', () => {
  it('puts an error and its causes on one line', () => {
    const error = new ReturnsWallError('Polling the feed failed', { cause: new Error('socket hang up') });
    expect(describeError(error)).toBe('ReturnsWallError: Polling the feed failed <- Error: socket hang up');
  });

  it('names the bad field of a validation error once, without the schema library dump', () => {
    let caught: unknown;
    try {
      parseWith(z.object({ votes: z.number() }), { votes: 'many' }, 'payload');
    } catch (error) {
      caught = error;
    }
    const line = describeError(caught);
    expect(line).toMatch(/^ValidationError: Invalid payload: votes: /);
    expect(line).not.toContain('\n');
  });
});

describe('operator commands', () => {
  it('refuse keys the contract does not define', () => {
    expect(OperatorCommandSchema.safeParse({ type: 'quit' }).success).toBe(true);
    expect(OperatorCommandSchema.safeParse({ type: 'quit', now: true }).success).toBe(false);
  });
});
