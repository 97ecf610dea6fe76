import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_RENDERER_DIR, findProjectRoot, PROJECT_ROOT } from '../../main/project-root.js';

const made: string[] = [];

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the project root', () => {
  it('is the folder holding package.json, whether the sources or the compiled copy ask', () => {
    const root = mkdtempSync(join(tmpdir(), 'project-root-'));
    made.push(root);
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'main', 'server'), { recursive: true });
    mkdirSync(join(root, 'out', 'main', 'server'), { recursive: true });

    expect(findProjectRoot(join(root, 'main', 'server'))).toBe(root);
    expect(findProjectRoot(join(root, 'out', 'main', 'server'))).toBe(root);
  });

  it('puts the built renderer under out/ of this checkout', () => {
    expect(BUILT_RENDERER_DIR).toBe(join(PROJECT_ROOT, 'out', 'renderer'));
    expect(findProjectRoot(process.cwd())).toBe(PROJECT_ROOT);
  });

  it('says so when there is no package.json above', () => {
    expect(() => findProjectRoot('/')).toThrow(/No package.json above/);
  });
});
