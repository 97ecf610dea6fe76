import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, runCli } from '../../../main/cli/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function captured(stream: 'stdout' | 'stderr'): string[] {
  const lines: string[] = [];
  vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('the returns-wall command', () => {
  it('lists every command with its summary for help', async () => {
    const out = captured('stdout');

    expect(await runCli(['help'])).toBe(0);

    const lines = out.join('').split('\n');
    for (const { name, summary } of COMMANDS) {
      expect(lines.some((line) => line.trim().startsWith(`${name} `) && line.endsWith(`  ${summary}`))).toBe(
        true,
      );
    }
  });

  it('names an unknown command and exits 2 with the help', async () => {
    const err = captured('stderr');

    expect(await runCli(['serv'])).toBe(2);

    expect(err.join('')).toContain('Unknown command "serv".');
    expect(err.join('')).toContain('Usage: returns-wall <command> [flags]');
  });

  it('loads, for each name the help lists, the command of that name', async () => {
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
  });
});
