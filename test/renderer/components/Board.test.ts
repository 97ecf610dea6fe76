import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Race } from '../../../shared/model.js';
import Board from '../../../renderer/src/components/Board.svelte';
import type { Freshness } from '../../../renderer/src/lib/freshness.js';
import {
  ASSEMBLY_12_ID,
  GOVERNOR_ID,
  LOAD_AT,
  NOW,
  PROP_7_ID,
  candidate,
  candidateRace,
  crowdedField,
  feedStatus,
  measureRace,
} from '../fixtures.js';

const FRESH: Freshness = { ageSeconds: 30, basis: 'poll', stale: false, cached: false };

function boardProps(raceId: string) {
  return {
    raceId,
    race: undefined,
    freshness: FRESH,
    index: 0,
    count: 1,
    pinned: false,
    paused: false,
    now: NOW,
  };
}

function renderBoard(options: {
  raceId?: string;
  race?: Race;
  freshness?: Freshness;
  pinned?: boolean;
  paused?: boolean;
}) {
  return render(Board, {
    raceId: options.raceId ?? options.race?.id ?? GOVERNOR_ID,
    race: options.race,
    freshness: options.freshness ?? FRESH,
    index: 2,
    count: 24,
    pinned: options.pinned ?? false,
    paused: options.paused ?? false,
    now: NOW,
  });
}

/** The element's text with white space collapsed, as a viewer would read it. */
function text(element: HTMLElement | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function bodyRows(): HTMLElement[] {
  const [, ...rows] = within(screen.getByRole('table')).getAllByRole('row');
  return rows;
}

describe('a contest board', () => {
  it('is a region named after the race, marked with its index and id', () => {
    renderBoard({ race: candidateRace() });
    const region = screen.getByRole('region', { name: 'Governor' });
    expect(region.dataset.boardIndex).toBe('2');
    expect(region.dataset.raceId).toBe(GOVERNOR_ID);
  });

  it('lists one table row per candidate, by votes, with separators and percents', () => {
    renderBoard({ race: candidateRace() });
    const rows = bodyRows();
    expect(rows).toHaveLength(3);
    expect(text(within(rows[0]!).getByRole('rowheader'))).toContain('Rosalind Achterberg');
    expect(within(rows[0]!).getByText('1,386,966')).toBeTruthy();
    expect(within(rows[0]!).getByText('46.2%', { exact: false })).toBeTruthy();
    expect(within(rows[1]!).getByText('1,102,340')).toBeTruthy();
  });

  it('shows each party as text beside its colour', () => {
    renderBoard({ race: candidateRace() });
    expect(within(bodyRows()[1]!).getByText('Rep')).toBeTruthy();
    expect(within(bodyRows()[1]!).getByText('Republican')).toBeTruthy();
  });

  it('marks the incumbent, and only the incumbent', () => {
    renderBoard({ race: candidateRace() });
    const marked = bodyRows().filter((row) => within(row).queryByText('(incumbent)'));
    expect(marked).toHaveLength(1);
    expect(text(marked[0])).toContain('Marisol "Mari" Okonkwo-Bell');
  });

  it('emphasises the leader', () => {
    renderBoard({ race: candidateRace() });
    const leading = bodyRows().filter((row) => within(row).queryByText('(leading)'));
    expect(leading).toHaveLength(1);
    expect(text(leading[0])).toContain('Rosalind Achterberg');
    expect(leading[0]?.classList.contains('leading')).toBe(true);
  });

  it('names no leader before any votes are counted', () => {
    const zeros = candidateRace().candidates.map((entry) => ({
      ...entry,
      votes: 0,
      percent: 0,
      delta: null,
    }));
    renderBoard({ race: candidateRace({ candidates: zeros }) });
    expect(screen.queryByText('(leading)')).toBeNull();
  });

  it('shows precincts reporting as a percent and as counts, and the Pacific "as of" time', () => {
    renderBoard({ race: candidateRace() });
    expect(screen.getByText('77.1%')).toBeTruthy();
    expect(screen.getByText('(15,260 of 19,788 precincts)')).toBeTruthy();
    expect(screen.getByText('9:19 p.m. PST')).toBeTruthy();
    expect(screen.getByText('Statewide results')).toBeTruthy();
  });

  it('shows vote changes since the previous load', () => {
    renderBoard({ race: candidateRace() });
    expect(screen.getByRole('columnheader', { name: 'Since 9:05 p.m.' })).toBeTruthy();
    expect(within(bodyRows()[0]!).getByText('+12,480')).toBeTruthy();
  });

  it('flashes the changes when a new load arrives while the board is up, not when it opens', async () => {
    const view = renderBoard({ race: candidateRace() });
    expect(document.querySelector('tbody.flash')).toBeNull();

    await view.rerender({
      race: candidateRace({ updatedAt: '2026-11-03T21:31:00-08:00', deltaSince: LOAD_AT }),
    });
    expect(document.querySelector('tbody.flash')).not.toBeNull();
    const moved = [...document.querySelectorAll('td.delta.moved')].map((cell) => text(cell as HTMLElement));
    expect(moved).toEqual(['+12,480', '+9,870']);
  });

  it('keeps the rows across loads and re-creates only the change cells, so their flash replays', async () => {
    const view = renderBoard({ race: candidateRace() });
    const votesBefore = document.querySelector('td.votes');
    const deltaBefore = document.querySelector('td.delta');

    await view.rerender({
      race: candidateRace({ updatedAt: '2026-11-03T21:31:00-08:00', deltaSince: LOAD_AT }),
    });
    expect(document.querySelector('td.votes')).toBe(votesBefore);
    expect(document.querySelector('td.delta')).not.toBe(deltaBefore);
    expect(document.querySelector('td.delta')).not.toBeNull();
  });

  it('leaves the change column out when there is no previous load', () => {
    const race = candidateRace({ deltaSince: null });
    renderBoard({
      race: { ...race, candidates: race.candidates.map((entry) => ({ ...entry, delta: null })) },
    });
    expect(screen.queryByRole('columnheader', { name: /Since/ })).toBeNull();
  });

  it('fits a 60-candidate race: the top seven, then the others summed', () => {
    const field = crowdedField(60);
    renderBoard({ race: candidateRace({ candidates: field }) });
    const rows = bodyRows();
    const othersVotes = field.slice(7).reduce((sum, entry) => sum + entry.votes, 0);

    expect(rows).toHaveLength(8);
    expect(text(within(rows[7]!).getByRole('rowheader'))).toContain('53 others');
    expect(within(rows[7]!).getByText(othersVotes.toLocaleString('en-US'))).toBeTruthy();
  });

  it('shows a candidate name that looks like markup as plain text', () => {
    const name = '<img src=x onerror=alert(1)>';
    const { container } = renderBoard({
      race: candidateRace({ candidates: [candidate({ name, votes: 5, percent: 100 })] }),
    });
    expect(screen.getByText(name)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('titles a district board from its id and gives its scope', () => {
    renderBoard({ race: candidateRace({ id: ASSEMBLY_12_ID, scope: 'districtwide', district: 12 }) });
    expect(screen.getByRole('heading', { name: 'State Assembly District 12' })).toBeTruthy();
    expect(screen.getByText('Districtwide results')).toBeTruthy();
  });
});

describe('a proposition board', () => {
  it('shows yes and no with votes, percents and the 50% line', () => {
    renderBoard({ race: measureRace() });
    expect(screen.getByRole('region', { name: 'Proposition 7' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Yes 51\.6%, No 48\.4%/ })).toBeTruthy();
    expect(within(screen.getByTestId('majority-line')).getByText('50%')).toBeTruthy();

    const [, yes, no] = screen.getAllByRole('row');
    expect(text(yes)).toMatch(/Yes.*3,364,063.*51\.6%.*\+40,112/);
    expect(text(no)).toMatch(/No.*3,154,163.*48\.4%/);
    expect(screen.getByText('Lighthouse Restoration Bonds', { exact: false })).toBeTruthy();
  });
});

describe('board badges', () => {
  it('says STALE when the numbers are stale, with their age', () => {
    renderBoard({
      race: candidateRace(),
      freshness: { ageSeconds: 400, basis: 'poll', stale: true, cached: false },
    });
    expect(screen.getByText('STALE')).toBeTruthy();
    expect(screen.getByText('confirmed 6 min ago')).toBeTruthy();
  });

  it('says nothing about staleness when the numbers are fresh', () => {
    renderBoard({ race: candidateRace() });
    expect(screen.queryByText('STALE')).toBeNull();
  });

  it('gives the age of cached numbers', () => {
    renderBoard({
      race: candidateRace(),
      freshness: { ageSeconds: 725, basis: 'cache', stale: true, cached: true },
    });
    expect(screen.getByText('cached 12 min ago')).toBeTruthy();
  });

  it('shows PINNED and PAUSED when they apply, and the position', () => {
    renderBoard({ race: candidateRace(), pinned: true, paused: true });
    expect(screen.getByText('PINNED')).toBeTruthy();
    expect(screen.getByText('PAUSED')).toBeTruthy();
    expect(text(screen.getByLabelText('Board 3 of 24'))).toContain('3 / 24');
  });
});

describe('a board with no data yet', () => {
  it('shows the title from the race id and says it is waiting', () => {
    renderBoard({ raceId: PROP_7_ID });
    expect(screen.getByRole('region', { name: 'Proposition 7' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Proposition 7' })).toBeTruthy();
    expect(screen.getByText('Waiting for results')).toBeTruthy();
  });

  it('says why while the feed is offline: its health, where it polls and the cause', () => {
    const status = feedStatus({
      health: 'offline',
      apiBase: 'http://127.0.0.1:9',
      lastError: { at: LOAD_AT, message: '1 of 1 races failed', cause: 'connect ECONNREFUSED 127.0.0.1:9' },
    });
    render(Board, { ...boardProps(PROP_7_ID), status, connected: true });

    const feed = screen.getByLabelText('Feed status');
    expect(text(feed)).toContain('Feed health offline');
    expect(text(feed)).toContain('http://127.0.0.1:9');
    expect(text(feed)).toContain('Cause connect ECONNREFUSED 127.0.0.1:9');
  });

  it('keeps quiet about a feed that is online', () => {
    render(Board, { ...boardProps(PROP_7_ID), status: feedStatus(), connected: true });

    expect(screen.queryByLabelText('Feed status')).toBeNull();
  });
});
