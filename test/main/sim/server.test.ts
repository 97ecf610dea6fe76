import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startRehearsalFeed } from '../../../main/sim/index.js';

function handles(kind: string): number {
  return process.getActiveResourcesInfo().filter((name) => name === kind).length;
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('closing the rehearsal feed', () => {
  it('lets a process that held requests exit on its own', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/main/sim/fixtures/close-and-exit.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];

    expect(output).toBe('rejected,rejected\n');
    expect(code).toBe(0);
  });

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
    await feed.close();
    await Promise.allSettled(held);
    await settle();

    // At most as many as before: the client may also have dropped idle keep-alive sockets.
    expect(handles('TCPServerWrap')).toBe(servers);
    expect(handles('TCPSocketWrap')).toBeLessThanOrEqual(sockets);
    expect(handles('Timeout')).toBeLessThanOrEqual(timers);
  });
});
