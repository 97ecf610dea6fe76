import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../../main/cli/commands/start.js';

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'start-'));
  mkdirSync(join(project, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(
    join(project, 'node_modules', 'electron', 'package.json'),
    '{"name":"electron","main":"index.js"}',
  );
  // Requiring this would download the binary; the detection must never run it.
  writeFileSync(
    join(project, 'node_modules', 'electron', 'index.js'),
    'throw new Error("required electron")',
  );
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

const from = () => pathToFileURL(join(project, 'main.js')).href;

describe('finding the Electron binary', () => {
  it('finds nothing when the package never downloaded its binary', () => {
    expect(findElectronBinary(from())).toBeNull();
  });

  it('finds nothing when path.txt names a file that is not there', () => {
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(from())).toBeNull();
  });

  it('finds the file path.txt names under dist/', () => {
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron\n');
    mkdirSync(join(project, 'node_modules', 'electron', 'dist'));
    writeFileSync(join(project, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(from())).toBe(join(project, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('finds nothing where the electron package is not installed at all', () => {
    rmSync(join(project, 'node_modules'), { recursive: true });
    expect(findElectronBinary(from())).toBeNull();
  });
});
