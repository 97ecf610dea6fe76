import { describe, expect, it } from 'vitest';
import { startRehearsalFeed } from '../../../main/sim/index.js';

function handles(kind: string): number {
  return process.getActiveResourcesInfo().filter((name) => name === kind).length;
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('closing the rehearsal feed', () => {
  it('stops listening, so new requests are refused', async () => {
    const feed = await startRehearsalFeed({ speed: 0 });
    await fetch(`${feed.url}/returns/status`).then((response) => response.text());
    await feed.close();

    await expect(fetch(`${feed.url}/returns/status`)).rejects.toThrow();
  });

  it('leaves no server, socket or timer behind, even with requests held', async () => {
    const servers = handles('TCPServerWrap');
    const sockets = handles('TCPSocketWrap');
    const timers = handles('Timeout');
    const feed = await startRehearsalFeed({
      speed: 0,
      faults: [
        { kind: 'latency', ms: 600_000, paths: ['/returns/governor'] },
        { kind: 'hang', paths: ['/returns/controller'] },
      ],
    });
    const held = [fetch(`${feed.url}/returns/governor`), fetch(`${feed.url}/returns/controller`)];
    while (feed.stats().held < 2) await new Promise((resolve) => setImmediate(resolve));

    expect(handles('TCPServerWrap')).toBe(servers + 1);
    expect(handles('Timeout')).toBeGreaterThan(timers);
    await feed.close();
    await Promise.allSettled(held);
    await settle();

    // At most as many as before: the client may also have dropped idle keep-alive sockets.
    expect(handles('TCPServerWrap')).toBe(servers);
    expect(handles('TCPSocketWrap')).toBeLessThanOrEqual(sockets);
    expect(handles('Timeout')).toBeLessThanOrEqual(timers);
  });
});
