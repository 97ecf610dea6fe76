/**
 * No markup is ever built from data in the renderer: every name and title reaches the screen
 * as text. Svelte escapes text by itself; `{@html}` and the DOM's HTML setters are the ways
 * around that, so they are forbidden by the linter and looked for here as well.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const RAW_MARKUP =
  /\{@html\b|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\b|createContextualFragment/;

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(svelte|ts)$/.test(name))
    .map((name) => join(folder, name));
}

describe('markup in the renderer', () => {
  it('is never built from data: no {@html}, innerHTML or the like in any renderer source', () => {
    const files = sourcesUnder('renderer/src');
    const offenders = files.filter((file) => RAW_MARKUP.test(readFileSync(file, 'utf8')));

    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('is checked by the linter too: svelte/no-at-html-tags is an error for Svelte files', async () => {
    const config = (await new ESLint().calculateConfigForFile('renderer/src/App.svelte')) as {
      rules?: Record<string, unknown>;
    };

    const [severity] = [config.rules?.['svelte/no-at-html-tags']].flat();
    expect(severity === 2 || severity === 'error').toBe(true);
  });
});
