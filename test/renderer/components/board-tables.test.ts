/**
 * Boards are re-created at every board change, and Chromium keeps a media-query set in the
 * document's style engine for every <thead> or <tfoot> ever inserted (SOAK.md, "The page's
 * memory"): the boards' tables keep their column headings in a <tbody> instead.
 */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Race } from '../../../shared/model.js';
import Board from '../../../renderer/src/components/Board.svelte';
import { NOW, candidateRace, measureRace } from '../fixtures.js';

function renderBoard(race: Race) {
  return render(Board, {
    raceId: race.id,
    race,
    freshness: { ageSeconds: 30, basis: 'poll', stale: false, cached: false },
    index: 0,
    count: 2,
    pinned: false,
    paused: false,
    now: NOW,
  });
}

describe.each([
  ['a contest board', candidateRace()],
  ['a proposition board', measureRace()],
])('%s', (_kind, race) => {
  it('draws its table without a <thead> or <tfoot>, which Chromium would keep one set of media queries for', () => {
    const { container } = renderBoard(race);
    expect(container.querySelector('table')).not.toBeNull();
    expect(container.querySelectorAll('thead, tfoot')).toHaveLength(0);
  });

  it('still names its columns: the first row holds column headers', () => {
    renderBoard(race);
    const [headings] = within(screen.getByRole('table')).getAllByRole('row');
    expect(within(headings!).getAllByRole('columnheader').length).toBeGreaterThanOrEqual(3);
  });
});
