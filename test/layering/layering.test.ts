import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module with no type declarations, so the script runs without a build.
import { findViolations } from './layering.mjs';

const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layering-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the layering check', () => {
  it('accepts shared code that imports only shared code and zod', () => {
    const root = tree({
      'shared/a.ts': "import { z } from 'zod';\nimport { b } from './b.js';",
      'shared/b.ts': 'export const b = 1;',
    });
    expect(findViolations(root)).toEqual([]);
  });

  it('flags shared code that imports from main or renderer', () => {
    const root = tree({
      'shared/a.ts': "import { x } from '../main/x.js';\nimport y from '../renderer/y.js';",
    });
    expect(findViolations(root)).toHaveLength(2);
  });

  it('flags the renderer importing main or a Node module', () => {
    const root = tree({
      'renderer/a.ts': "import { x } from '../main/x.js';\nimport { readFileSync } from 'node:fs';",
      'renderer/B.svelte': '<script lang="ts">import path from \'path\';</script>',
    });
    expect(findViolations(root)).toHaveLength(3);
  });

  it('flags electron imported outside main/electron', () => {
    const root = tree({
      'main/feed/a.ts': "import { app } from 'electron';",
      'main/electron/b.ts': "import { app } from 'electron';",
    });
    expect(findViolations(root)).toEqual([
      'main/feed/a.ts: import "electron": only main/electron/ may import electron',
    ]);
  });
});
