/**
 * The built page's defences, checked where they act: the Content-Security-Policy of the
 * built `out/renderer/index.html` and of browser mode's header, and Chromium refusing an
 * inline script under them.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BUILT_RENDERER_DIR } from '../../main/server/browser-mode.js';
import { metaPolicy, policyProblems } from '../main/server/csp-rules.js';
import { startWallUnderTest, type WallUnderTest } from './wall-under-test.js';

let wall: WallUnderTest;

test.beforeAll(async () => {
  wall = await startWallUnderTest({ boards: (ballot) => [{ race: ballot.statewideRaceIds[0] ?? '' }] });
});

test.afterAll(async () => {
  await wall.stop();
});

test('the built page carries a strict CSP and loads every script from a file', () => {
  const html = readFileSync(`${BUILT_RENDERER_DIR}/index.html`, 'utf8');

  expect(policyProblems(metaPolicy(html))).toEqual([]);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
});

test('browser mode sends a strict CSP header, and Chromium refuses an inline script under it', async ({
  page,
}) => {
  // The same injection runs on a page without a policy: what stops it below is the CSP.
  await page.goto('about:blank');
  await page.addScriptTag({ content: 'window.injectedByTest = true;' });
  expect(await page.evaluate('window.injectedByTest === true')).toBe(true);

  const response = await page.goto(wall.url);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(policyProblems(header)).toEqual([]);

  await expect(page.addScriptTag({ content: 'window.injectedByTest = true;' })).rejects.toThrow();
  expect(await page.evaluate('window.injectedByTest === undefined')).toBe(true);
});
