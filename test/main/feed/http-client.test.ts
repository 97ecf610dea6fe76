import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../../../main/feed/backoff.js';
import { FeedStoppedError, FeedTimeoutError } from '../../../main/feed/errors.js';
import { HttpClient, type HttpClientOptions, USER_AGENT } from '../../../main/feed/http-client.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './local-server.js';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setUp(handler: Handler, options: Partial<HttpClientOptions> = {}): Promise<HttpClient> {
  server = await startLocalServer(handler);
  client = new HttpClient({
    apiBase: server.url,
    timeoutMs: 2000,
    retries: 2,
    concurrency: 4,
    backoff: { baseMs: 1, capMs: 5, random: () => 0.5 },
    ...options,
  });
  return client;
}

describe('the SOS client', () => {
  it('identifies itself and returns the body', async () => {
    const http = await setUp((_request, response) => sendJson(response, 200, { ok: true }));

    const answer = await http.get('/returns/governor');

    expect(answer).toMatchObject({ status: 200, text: '{"ok":true}', notModified: false });
    expect(server?.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('gives up on a request that does not answer within its timeout', async () => {
    const http = await setUp(() => undefined, { timeoutMs: 100, retries: 0 });

    await expect(http.get('/returns/governor')).rejects.toBeInstanceOf(FeedTimeoutError);
  });

  it('retries a busy server and returns its eventual answer', async () => {
    let calls = 0;
    const http = await setUp((_request, response) => {
      calls++;
      if (calls < 3) sendJson(response, 503, {}, { 'retry-after': '0' });
      else sendJson(response, 200, []);
    });

    expect((await http.get('/returns/governor')).status).toBe(200);
    expect(server?.paths).toHaveLength(3);
  });

  it('stops retrying after the configured number of retries', async () => {
    const http = await setUp((_request, response) => sendJson(response, 503, {}), { retries: 1 });

    expect((await http.get('/returns/governor')).status).toBe(503);
    expect(server?.paths).toHaveLength(2);
  });

  it('does not retry "not on this ballot"', async () => {
    const http = await setUp((_request, response) => sendJson(response, 404, {}));

    expect((await http.get('/returns/us-rep/district/9')).status).toBe(404);
    expect(server?.paths).toHaveLength(1);
  });

  it('keeps no more requests in flight than its cap', async () => {
    let inFlight = 0;
    let most = 0;
    const http = await setUp(
      (_request, response) => {
        inFlight++;
        most = Math.max(most, inFlight);
        setTimeout(() => {
          inFlight--;
          sendJson(response, 200, []);
        }, 20);
      },
      { concurrency: 2 },
    );

    await Promise.all(Array.from({ length: 7 }, (_, i) => http.get(`/returns/x${i}`)));

    expect(most).toBe(2);
    expect(server?.paths).toHaveLength(7);
  });

  it('revalidates with the ETag and Last-Modified it was given', async () => {
    const http = await setUp((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304).end();
        return;
      }
      sendJson(response, 200, { n: 1 }, { etag: '"v1"', 'last-modified': 'Tue, 03 Nov 2026 05:00:00 GMT' });
    });

    await http.get('/returns/governor');
    const second = await http.get('/returns/governor');

    expect(second).toMatchObject({ status: 200, text: '{"n":1}', notModified: true });
    expect(server?.requests[1]?.headers['if-modified-since']).toBe('Tue, 03 Nov 2026 05:00:00 GMT');
  });

  it('sends nothing at all until a Retry-After it was given has passed', async () => {
    const arrivals: number[] = [];
    const http = await setUp(
      (_request, response) => {
        arrivals.push(Date.now());
        if (arrivals.length === 1) sendJson(response, 429, {}, { 'retry-after': '5' });
        else sendJson(response, 200, []);
      },
      { retries: 0, backoff: { baseMs: 1, capMs: 1, retryAfterCapMs: 200, random: () => 0 } },
    );

    expect((await http.get('/returns/governor')).status).toBe(429);
    const answeredAt = Date.now();
    await http.get('/returns/controller');

    // Retry-After (5 s, cut to the 200 ms cap) holds every request, not only the one refused.
    expect(arrivals[1]! - answeredAt).toBeGreaterThanOrEqual(150);
  });

  it('aborts requests in flight when closed and leaves no connection open', async () => {
    const http = await setUp(() => undefined);
    const pending = http.get('/returns/governor');
    await waitFor(() => (server?.paths.length ?? 0) > 0);

    http.close();

    await expect(pending).rejects.toBeInstanceOf(FeedStoppedError);
    await waitFor(() => server?.requests[0]?.socket.destroyed === true);
  });
});

describe('waiting between attempts', () => {
  const options = { baseMs: 100, capMs: 1000, retryAfterCapMs: 30_000, random: () => 0.5 };

  it('grows the ceiling exponentially up to the cap, with full jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, null, options))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect(retryDelay(3, null, { ...options, random: () => 0 })).toBe(0);
  });

  it('never waits less than Retry-After asks, nor longer than its cap', () => {
    expect(retryDelay(0, 7000, options)).toBe(7000);
    expect(retryDelay(0, 90_000, options)).toBe(30_000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-04T05:00:00Z');

    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('Wed, 04 Nov 2026 05:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
