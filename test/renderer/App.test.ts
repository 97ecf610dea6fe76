import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../renderer/src/App.svelte';
import { ROTATION_STORAGE_KEY } from '../../renderer/src/lib/rotation-storage.js';
import { createBridgeTransport } from '../../renderer/src/transport/bridge-transport.js';
import {
  CONTROLLER_ID,
  GOVERNOR_ID,
  NOW,
  PROP_7_ID,
  candidateRace,
  displayConfig,
  feedStatus,
  snapshot,
} from './fixtures.js';
import { memoryBridge, memoryStorage } from './memory-bridge.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

afterEach(() => {
  vi.useRealTimers();
});

function mountApp(storage = memoryStorage()) {
  const wire = memoryBridge();
  const view = render(App, {
    transport: createBridgeTransport(wire.bridge),
    storage,
    clock: () => Date.now(),
  });
  async function send(message: unknown): Promise<void> {
    wire.emit(message);
    await tick();
  }
  return { ...wire, ...view, storage, send };
}

async function press(key: string, init: KeyboardEventInit = {}): Promise<void> {
  await fireEvent.keyDown(window, { key, ...init });
}

function currentBoard(): HTMLElement {
  return screen.getByRole('region', { name: /Governor|Proposition|Controller/ });
}

describe('the wall', () => {
  it('shows a waiting screen with the connection before any snapshot', () => {
    mountApp();
    expect(screen.getByText('Waiting for data')).toBeTruthy();
    expect(screen.getByText('Connected; no feed status yet.')).toBeTruthy();
  });

  it('shows the feed status on the waiting screen once one arrives', async () => {
    const app = mountApp();
    await app.send({ type: 'status', status: feedStatus({ health: 'degraded' }) });
    expect(screen.getByText('Waiting for data')).toBeTruthy();
    expect(screen.getByText('degraded')).toBeTruthy();
  });

  it('shows the first board once the snapshot arrives, with its position', async () => {
    const app = mountApp();
    await app.send(snapshot());
    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);
    expect(screen.getByLabelText('Board 1 of 2').textContent).toBe('1 / 2');
  });

  it('rotates to the next board when the dwell time is over', async () => {
    const app = mountApp();
    await app.send(snapshot({ config: displayConfig({ defaultDwellSeconds: 10 }) }));

    await vi.advanceTimersByTimeAsync(9_000);
    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(currentBoard().dataset.raceId).toBe(PROP_7_ID);
  });

  it('follows the configured boards, showing a waiting board for a race with no data', async () => {
    const app = mountApp();
    const config = displayConfig({ boards: [{ race: CONTROLLER_ID }, { race: GOVERNOR_ID }] });
    await app.send(snapshot({ config }));
    expect(screen.getByRole('region', { name: 'Controller' })).toBeTruthy();
    expect(screen.getByText('Waiting for results')).toBeTruthy();
  });

  it('says why a configured race the feed has set aside has no results', async () => {
    const app = mountApp();
    const setAside = [
      { id: CONTROLLER_ID, reason: 'not on this ballot (404)', since: '2026-11-03T20:00:00-08:00' },
    ];
    const config = displayConfig({ boards: [{ race: CONTROLLER_ID }] });
    await app.send(snapshot({ config, status: feedStatus({ setAside }) }));
    expect(screen.getByText('The feed is not polling this race: not on this ballot (404)')).toBeTruthy();
  });

  it('keeps the same race up when the config changes around it', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await press('ArrowRight');
    await app.send({
      type: 'config',
      config: displayConfig({
        boards: [{ race: CONTROLLER_ID }, { race: PROP_7_ID }, { race: GOVERNOR_ID }],
      }),
    });
    expect(currentBoard().dataset.raceId).toBe(PROP_7_ID);
    expect(currentBoard().dataset.boardIndex).toBe('1');
  });

  it('keeps the last good state when a message is invalid, and logs it', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await app.send({ type: 'snapshot', races: 'none' });
    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);
    expect(app.sent).toContainEqual(expect.objectContaining({ type: 'log', level: 'warn' }));
  });

  it('keeps the numbers on screen when an update brings a version of the race the contract refuses, and logs it', async () => {
    const app = mountApp();
    const first = snapshot();
    await app.send(first);
    const race = first.races[0]!;
    await app.send({ type: 'update', sentAt: first.sentAt, races: [{ ...race, totalVotes: 'lots' }] });
    await tick();

    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);
    expect(screen.getByText('1,386,966')).toBeTruthy();
    expect(app.sent).toContainEqual({
      type: 'log',
      level: 'warn',
      message: expect.stringContaining(`Dropped an invalid race ${GOVERNOR_ID}: totalVotes:`),
    });
  });

  it('applies updates to the board on screen', async () => {
    const app = mountApp();
    const first = snapshot();
    await app.send(first);
    const race = first.races[0]!;
    const candidates = race.kind === 'candidates' ? race.candidates : [];
    const raised = candidates.map((entry, index) => (index === 0 ? { ...entry, votes: 1_400_000 } : entry));
    await app.send({ type: 'update', sentAt: first.sentAt, races: [{ ...race, candidates: raised }] });
    expect(screen.getByText('1,400,000')).toBeTruthy();
  });
});

describe('staleness and rehearsal', () => {
  it('marks the board STALE once the last success is older than the threshold, checked every second', async () => {
    const app = mountApp();
    const status = feedStatus({ lastSuccessAt: new Date(NOW - 118_000).toISOString() });
    await app.send(
      snapshot({ status, config: displayConfig({ staleAfterSeconds: 120, defaultDwellSeconds: 60 }) }),
    );
    expect(screen.queryByText('STALE')).toBeNull();

    await vi.advanceTimersByTimeAsync(3_000);
    expect(screen.getByText('STALE')).toBeTruthy();
  });

  it('marks the board STALE when the feed goes offline', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await app.send({ type: 'status', status: feedStatus({ health: 'offline' }) });
    expect(screen.getByText('STALE')).toBeTruthy();
  });

  it('shows the REHEARSAL watermark unless the source is the live API', async () => {
    const app = mountApp();
    await app.send(snapshot());
    expect(screen.queryByText('REHEARSAL')).toBeNull();

    await app.send({ type: 'status', status: feedStatus({ source: 'replay' }) });
    expect(screen.getByText('REHEARSAL')).toBeTruthy();
  });
});

describe('the operator keys', () => {
  it('move to the next and previous boards', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await press('ArrowRight');
    expect(currentBoard().dataset.raceId).toBe(PROP_7_ID);
    await press('ArrowLeft');
    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);
  });

  it('pause and resume rotation with Space, showing PAUSED', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await press(' ');
    expect(screen.getByText('PAUSED')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);

    await press(' ');
    expect(screen.queryByText('PAUSED')).toBeNull();
  });

  it('pin with P and unpin with Esc, showing PINNED', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await press('p');
    expect(screen.getByText('PINNED')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(currentBoard().dataset.raceId).toBe(GOVERNOR_ID);

    await press('Escape');
    expect(screen.queryByText('PINNED')).toBeNull();
  });

  it('jump to a board by number and pin it', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await press('2');
    expect(currentBoard().dataset.raceId).toBe(PROP_7_ID);
    expect(screen.getByText('PINNED')).toBeTruthy();
  });

  it('open the help listing every key, and close it with Esc', async () => {
    const app = mountApp();
    await app.send(snapshot());
    await press('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard help' });
    for (const key of ['Right / Left', 'Space', 'P', '1 - 9', 'Esc', 'S', 'F', 'Ctrl+Q', '?']) {
      expect(help.textContent).toContain(key);
    }
    await press('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('open the feed status with S, with ids set aside', async () => {
    const app = mountApp();
    const setAside = [
      { id: '11000052000059', reason: 'not on this ballot (404)', since: '2026-11-03T20:00:00-08:00' },
    ];
    await app.send(snapshot({ status: feedStatus({ setAside }) }));
    await press('s');
    const overlay = screen.getByRole('dialog', { name: 'Feed status' });
    expect(overlay.textContent).toContain('11000052000059: not on this ballot (404)');
    await press('s');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ask for full screen with F and to quit with Ctrl+Q', async () => {
    const app = mountApp();
    await press('f');
    await press('q', { ctrlKey: true });
    expect(app.sent).toEqual([{ type: 'toggle-fullscreen' }, { type: 'quit' }]);
  });
});

describe('lifetime and restarts', () => {
  it('comes back pinned on the same race after a restart', async () => {
    const storage = memoryStorage();
    const first = mountApp(storage);
    await first.send(snapshot());
    await press('2');
    first.unmount();

    const second = mountApp(storage);
    await second.send(snapshot());
    expect(currentBoard().dataset.raceId).toBe(PROP_7_ID);
    expect(screen.getByText('PINNED')).toBeTruthy();
    expect(storage.items.has(ROTATION_STORAGE_KEY)).toBe(true);
  });

  it('stops its timer, unsubscribes and stops listening to keys when unmounted', async () => {
    const app = mountApp();
    await app.send(snapshot());
    expect(vi.getTimerCount()).toBe(1);

    app.unmount();
    await press('f');
    expect(vi.getTimerCount()).toBe(0);
    expect(app.listeners.size).toBe(0);
    expect(app.sent).toEqual([]);
  });
});

describe('update cost', () => {
  afterEach(() => {
    delete window.__returnsWallBench;
  });

  it('updates the board up only for its own race, not for another race in the same message stream', async () => {
    window.__returnsWallBench = { updates: {} };
    const counts = window.__returnsWallBench.updates;
    const app = mountApp();
    await app.send(snapshot({ races: [candidateRace(), candidateRace({ id: CONTROLLER_ID })] }));
    expect(currentBoard().getAttribute('data-race-id')).toBe(GOVERNOR_ID);
    const before = counts.Board ?? 0;

    const sentAt = '2026-11-03T21:30:00-08:00';
    await app.send({ type: 'update', sentAt, races: [candidateRace({ id: CONTROLLER_ID, totalVotes: 5 })] });
    expect(counts.Board ?? 0).toBe(before);

    await app.send({ type: 'update', sentAt, races: [candidateRace({ totalVotes: 7 })] });
    expect(counts.Board ?? 0).toBe(before + 1);
  });
});
