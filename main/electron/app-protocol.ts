/**
 * The app:// protocol the renderer is loaded from, rather than file://: a real origin for
 * the CSP and the sender checks, the CSP sent as a header, and no file outside the built
 * renderer reachable (the same path checks as browser mode).
 */
import { protocol } from 'electron';
import { describeError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import { SECURITY_HEADERS } from '../server/content-security-policy.js';
import { readStaticFile, resolveStaticPath } from '../server/static-files.js';
import { APP_HOST, APP_SCHEME } from './sender-check.js';

const log = createLogger('AppProtocol');

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } });
}

async function respond(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return textResponse(404, 'Unknown host.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Read-only.');

  const path = resolveStaticPath(rendererDir, url.pathname);
  const file = path === null ? null : await readStaticFile(path);
  if (file === null) return textResponse(404, 'Not found.');
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
  });
}

/** Serves `rendererDir` on app://wall/. Call once the app is ready. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await respond(rendererDir, request);
    } catch (error) {
      log.error(`Serving ${request.url} failed: ${describeError(error)}.`);
      return textResponse(500, 'Internal error.');
    }
  });
}
