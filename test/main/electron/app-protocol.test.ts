/**
 * The app:// protocol's handler, captured from a stand-in for Electron's `protocol` module
 * (Electron cannot run in unit tests) and called with real fetch Requests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Promise<Response>;
const handlers = new Map<string, Handler>();
const privileged: unknown[] = [];

vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler),
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
  },
}));

const { handleAppScheme, registerAppScheme } = await import('../../../main/electron/app-protocol.js');

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  mkdirSync(join(folder, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(folder, 'renderer', 'index.html'), '<!doctype html>');
  writeFileSync(join(folder, 'renderer', 'assets', 'a.js'), 'export {};');
  writeFileSync(join(folder, 'secret.txt'), 'outside');
  registerAppScheme();
  handleAppScheme(join(folder, 'renderer'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function fetchApp(url: string, method = 'GET'): Promise<Response> {
  const handler = handlers.get('app');
  if (!handler) throw new Error('app:// was not handled');
  return handler(new Request(url, { method }));
}

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with its content type and the CSP header', async () => {
    const index = await fetchApp('app://wall/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await fetchApp('app://wall/assets/a.js');
    expect(await script.text()).toBe('export {};');
  });

  it.each([
    'app://wall/%2e%2e/secret.txt',
    'app://wall/assets/..%2f..%2fsecret.txt',
    'app://wall/..%5csecret.txt',
  ])('never serves a file outside the renderer for %s', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
  });

  it('answers only for its own host, and only to reads', async () => {
    expect((await fetchApp('app://elsewhere/index.html')).status).toBe(404);
    expect((await fetchApp('app://wall/index.html', 'POST')).status).toBe(405);
  });
});
