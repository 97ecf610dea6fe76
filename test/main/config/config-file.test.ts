import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigFileError, loadConfig } from '../../../main/config/config-file.js';
import { ValidationError } from '../../../shared/errors.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'config-file-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('loading the config file', () => {
  it('runs the bundled rehearsal default when no file exists at the default place', async () => {
    const loaded = await loadConfig(join(folder, 'returns-wall.json'), false);
    expect(loaded.path).toBeNull();
    expect(loaded.config.source).toBe('rehearsal');
    expect(loaded.config.rehearsal).toEqual({ seed: 1, speed: 18, at: '19:58' });
    expect(loaded.config.pollSeconds).toBeLessThanOrEqual(5);
  });

  it('refuses a missing file the operator named', async () => {
    const path = join(folder, 'named.json');
    await expect(loadConfig(path, true)).rejects.toThrow(ConfigFileError);
    await expect(loadConfig(path, true)).rejects.toThrow(path);
  });

  it('reads the fields of an existing file and fills the rest with defaults', async () => {
    const path = join(folder, 'returns-wall.json');
    writeFileSync(
      path,
      JSON.stringify({ source: 'live', pollSeconds: 20, boards: [{ race: '02000000000059' }] }),
    );
    const { config } = await loadConfig(path, false);
    expect(config.source).toBe('live');
    expect(config.pollSeconds).toBe(20);
    expect(config.boards).toEqual([{ race: '02000000000059' }]);
    expect(config.defaultDwellSeconds).toBe(12);
  });

  it('names the file when it is not JSON', async () => {
    const path = join(folder, 'returns-wall.json');
    writeFileSync(path, '{ "pollSeconds": 5, }');
    await expect(loadConfig(path, false)).rejects.toThrow(ConfigFileError);
    await expect(loadConfig(path, false)).rejects.toThrow(`Parsing the config file ${path} failed`);
  });

  it('names the bad field when a value is out of range', async () => {
    const path = join(folder, 'returns-wall.json');
    writeFileSync(path, JSON.stringify({ pollSeconds: 0 }));
    const failure = loadConfig(path, false);
    await expect(failure).rejects.toThrow(ValidationError);
    await expect(loadConfig(path, false)).rejects.toThrow(/pollSeconds/);
  });
});
