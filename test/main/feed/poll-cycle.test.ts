import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../main/feed/http-client.js';
import { planRequests } from '../../../main/feed/plan.js';
import { runCycle } from '../../../main/feed/poll-cycle.js';
import { assemblyContest, TWO_PROPOSITIONS } from './fixtures.js';
import { type Handler, type LocalServer, queryIdsOf, sendJson, startLocalServer } from './local-server.js';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

const assemblyIds = (count: number) =>
  Array.from({ length: count }, (_, i) => `13${String(i + 1).padStart(6, '0')}000059`);

/** A query endpoint that answers every Assembly id, with `answer` deciding the status first. */
function queryServer(status: (ids: string[]) => number): Handler {
  return (request, response) => {
    const ids = queryIdsOf(request.url ?? '');
    if (ids === null) {
      sendJson(response, 200, TWO_PROPOSITIONS);
      return;
    }
    const code = status(ids);
    if (code !== 200) sendJson(response, code, {});
    else
      sendJson(
        response,
        200,
        ids.map((id) => assemblyContest(Number(id.slice(2, 8)), ['1,000', '2,000'])),
      );
  };
}

async function cycleAgainst(handler: Handler, ids: readonly string[]) {
  server = await startLocalServer(handler);
  client = new HttpClient({ apiBase: server.url, timeoutMs: 2000, retries: 0, concurrency: 4 });
  return runCycle(client, planRequests(ids, 10));
}

function idsReceived(): string[][] {
  return (server?.paths ?? []).map((path) => queryIdsOf(path) ?? []);
}

describe('a poll cycle', () => {
  it('answers every id of several batches', async () => {
    const result = await cycleAgainst(
      queryServer(() => 200),
      assemblyIds(25),
    );

    expect(result.races.map((race) => race.id).sort()).toEqual(assemblyIds(25));
    expect(result.failures).toEqual([]);
    expect(idsReceived().map((ids) => ids.length)).toEqual([10, 10, 5]);
  });

  it('splits a batch answered 500 until the id that breaks it is found, and keeps the others', async () => {
    const poison = '13000007000059';
    const result = await cycleAgainst(
      queryServer((ids) => (ids.includes(poison) ? 500 : 200)),
      assemblyIds(10),
    );

    expect(result.races).toHaveLength(9);
    expect(result.setAside).toEqual([{ id: poison, reason: 'breaks its batch (HTTP 500)' }]);
    expect(Math.max(...idsReceived().map((ids) => ids.length))).toBeLessThanOrEqual(10);
  });

  it('sets aside an id that is not on this ballot', async () => {
    const missing = '13000003000059';
    const result = await cycleAgainst(
      queryServer((ids) => (ids.includes(missing) ? 404 : 200)),
      assemblyIds(4),
    );

    expect(result.races).toHaveLength(3);
    expect(result.setAside).toEqual([{ id: missing, reason: 'not on this ballot (HTTP 404)' }]);
  });

  it('blames no id when the server answers nothing but 500', async () => {
    const result = await cycleAgainst(
      queryServer(() => 500),
      assemblyIds(3),
    );

    expect(result.setAside).toEqual([]);
    expect(result.failures.map((failure) => failure.reason)).toEqual(['HTTP 500', 'HTTP 500', 'HTTP 500']);
  });

  it.each([403, 404])(
    'sets nothing aside when the server refuses every request with %i: the ids fail instead',
    async (status) => {
      const result = await cycleAgainst(
        (_request, response) => sendJson(response, status, {}),
        ['13000001000059', '13000002000059', '19000000000759'],
      );

      expect(result.setAside).toEqual([]);
      expect(result.failures.map((failure) => [failure.id, failure.reason]).sort()).toEqual(
        ['13000001000059', '13000002000059', '19000000000759'].map((id) => [
          id,
          `HTTP ${status} for every request (refused, or no ballot served)`,
        ]),
      );
    },
  );

  it('splits only one batch as a probe when the server refuses everything, and fails the others whole', async () => {
    const result = await cycleAgainst((_request, response) => sendJson(response, 404, {}), assemblyIds(25));

    // Three batches (10, 10, 5) once each, then the probe: splitting 10 ids costs 18 more.
    expect(server?.paths).toHaveLength(3 + 18);
    expect(result.setAside).toEqual([]);
    expect(result.failures.map((failure) => failure.id).sort()).toEqual(assemblyIds(25));
  });

  it('fetches several propositions in one request and keeps only those asked for', async () => {
    const result = await cycleAgainst(
      queryServer(() => 200),
      ['19000000000759', '19000000009959'],
    );

    expect(server?.paths).toEqual(['/returns/ballot-measures']);
    expect(result.races.map((race) => race.id)).toEqual(['19000000000759']);
    expect(result.setAside).toEqual([
      { id: '19000000009959', reason: 'not on this ballot (absent from /returns/ballot-measures)' },
    ]);
  });

  it('fails the ids of an answer that is not JSON or has the wrong length, naming why', async () => {
    const result = await cycleAgainst(
      (request, response) => {
        const ids = queryIdsOf(request.url ?? '') ?? [];
        if (ids.length > 1) sendJson(response, 200, [assemblyContest(1, ['1', '2'])]);
        else response.writeHead(200).end('<html>');
      },
      ['13000001000059', '13000002000059', '19000000000759'],
    );

    expect(result.failures.map((failure) => [failure.id, failure.reason])).toEqual([
      ['13000001000059', 'invalid payload: (root): expected 2 answers, got 1 answers'],
      ['13000002000059', 'invalid payload: (root): expected 2 answers, got 1 answers'],
      ['19000000000759', 'invalid payload: (root): not JSON'],
    ]);
  });
});
