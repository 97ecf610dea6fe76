import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('stopping browser mode', () => {
  it('leaves nothing running: the process exits on its own once it has stopped', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/main/server/fixtures/start-and-stop.ts'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));

    // A lingering timer, socket or watcher would keep the process alive past the test timeout.
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toBe('stopped\n');
    expect(code).toBe(0);
  });
});
