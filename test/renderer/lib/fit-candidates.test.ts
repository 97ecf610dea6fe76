// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitCandidates } from '../../../renderer/src/lib/fit-candidates.js';
import { candidate, crowdedField } from '../fixtures.js';

describe('fitting candidates on a board', () => {
  it('shows every candidate when they fit', () => {
    const field = crowdedField(8);
    expect(fitCandidates(field, 8)).toEqual({ shown: field, others: null });
  });

  it('keeps the top ones and sums the rest into one row', () => {
    const field = crowdedField(60);
    const { shown, others } = fitCandidates(field, 8);
    const rest = field.slice(7);

    expect(shown).toEqual(field.slice(0, 7));
    expect(others?.count).toBe(53);
    expect(others?.votes).toBe(rest.reduce((sum, entry) => sum + entry.votes, 0));
    expect(others?.delta).toBe(530);
  });

  it('keeps the others percent on the scale and at one decimal', () => {
    const field = Array.from({ length: 5 }, (_, index) =>
      candidate({ name: `N${index}`, votes: 1, percent: 33.37, ballotOrder: index }),
    );
    expect(fitCandidates(field, 2).others?.percent).toBe(100);
  });

  it('has no others delta when no hidden candidate has one', () => {
    const field = crowdedField(10).map((entry) => ({ ...entry, delta: null }));
    expect(fitCandidates(field, 8).others?.delta).toBeNull();
  });
});
