/**
 * One poll cycle: every planned request sent (the client caps how many are in flight), every
 * answer normalized, and each id accounted for. A query answered 500 (or 403/404) is split
 * in halves until the id that breaks it is found, so the other ids keep flowing; that id is
 * set aside. A lone 500 is only blamed on its id when the server answered something else in
 * the same cycle: when everything fails, the server is down, not the ids. Likewise a 403/404
 * means "not on this ballot" only when something else was served: a server refusing every
 * request (a firewall block, no ballot loaded) is a failure, not a ballot without races.
 * Splitting waits for the first wave of answers, and a server that serves nothing gets one
 * batch split as a probe, not every one (each split costs 2n-1 requests).
 */
import type { Race } from '../../shared/model.js';
import { describeError } from '../../shared/errors.js';
import { FeedRequestError } from './errors.js';
import type { HttpAnswer, HttpClient } from './http-client.js';
import { type Normalized, normalizeContestAnswer, type Notice } from './normalize.js';
import { type ContestPathRequest, type PlannedRequest, queryBatches } from './plan.js';

export interface IdFailure {
  readonly id: string;
  readonly path: string;
  readonly reason: string;
  /** `transport`: no answer; `http`: an error status; `payload`: an answer that could not be used. */
  readonly kind: 'transport' | 'http' | 'payload';
}

export interface CycleResult {
  readonly races: Race[];
  readonly failures: IdFailure[];
  /** Ids to stop polling: not on this ballot, or breaking every batch they are in. */
  readonly setAside: { readonly id: string; readonly reason: string }[];
  readonly notices: Notice[];
  /** Requests whose answer was used (HTTP 200 and a payload that parsed). */
  readonly successes: number;
  /** The bodies races were read from this cycle, by path: what the cache keeps behind them. */
  readonly bodies: Map<string, { at: string; body: string }>;
}

/** The largest real answer (a 10-id query) is well under 100 KB; this is something else. */
const LARGE_ANSWER_CHARS = 5_000_000;
const LARGE = 'its answer was over 5 MB, far larger than the API sends; used it, but polls will be slow';

const PATH_RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

function isNotOnBallot(status: number): boolean {
  return status === 403 || status === 404;
}

interface RefusedBatch {
  readonly ids: readonly string[];
  readonly path: string;
  readonly status: number;
}

class Cycle {
  readonly races: Race[] = [];
  readonly failures: IdFailure[] = [];
  readonly setAside: { id: string; reason: string }[] = [];
  readonly notices: Notice[] = [];
  readonly bodies = new Map<string, { at: string; body: string }>();
  readonly #suspects: IdFailure[] = [];
  /** Ids refused with 403/404: not on this ballot, unless nothing at all was served. */
  readonly #refused: IdFailure[] = [];
  /** First-wave batches answered 500/403/404, split once the cycle's other answers are in. */
  readonly #refusedBatches: RefusedBatch[] = [];
  #serverAnswered = false;
  successes = 0;

  constructor(readonly client: HttpClient) {}

  /** `nested`: a half of a batch being split, which goes on splitting at once. */
  async query(ids: readonly string[], path: string, nested = false): Promise<void> {
    const answer = await this.#get(ids, path);
    if (!answer) return;

    if (answer.status === 200) {
      this.#readQuery(answer, ids);
      return;
    }
    if (answer.status !== 500 && !isNotOnBallot(answer.status)) {
      this.#failAll(ids, path, `HTTP ${answer.status}`, 'http');
      return;
    }
    if (ids.length > 1) {
      if (nested) await this.#bisect(ids);
      else this.#refusedBatches.push({ ids, path, status: answer.status });
      return;
    }
    const [id = ''] = ids;
    if (answer.status === 500)
      this.#suspects.push({ id, path, reason: 'breaks its batch (HTTP 500)', kind: 'http' });
    else this.#refuse([id], path, answer.status);
  }

  #refuse(ids: readonly string[], path: string, status: number): void {
    for (const id of ids) this.#refused.push({ id, path, reason: `HTTP ${status}`, kind: 'http' });
  }

  async #bisect(ids: readonly string[]): Promise<void> {
    const half = Math.ceil(ids.length / 2);
    const halves = [ids.slice(0, half), ids.slice(half)].filter((part) => part.length > 0);
    await Promise.all(
      halves.flatMap((part) => queryBatches(part, part.length)).map((b) => this.query(b.ids, b.path, true)),
    );
  }

  /**
   * Splits the batches refused in the first wave (a split costs 2n-1 requests). When nothing
   * was served, one batch is split as a probe; if that serves nothing either, the server is
   * refusing everyone and the other batches fail whole instead of costing ~19 requests each.
   */
  async splitRefusedBatches(): Promise<void> {
    const batches = [...this.#refusedBatches];
    const probe = this.successes === 0 ? batches.shift() : undefined;
    if (probe) await this.#bisect(probe.ids);

    if (this.successes === 0) {
      for (const batch of batches) this.#failUnsplit(batch);
      return;
    }
    await Promise.all(batches.map((batch) => this.#bisect(batch.ids)));
  }

  #failUnsplit(batch: RefusedBatch): void {
    const reason =
      batch.status === 500
        ? 'HTTP 500'
        : `HTTP ${batch.status} for every request (refused, or no ballot served)`;
    this.#failAll(batch.ids, batch.path, reason, 'http');
  }

  async contestPath(request: ContestPathRequest): Promise<void> {
    const ids = request.wanted ?? [request.answersFor];
    const answer = await this.#get(ids, request.path, PATH_RETRY_STATUSES);
    if (!answer) return;

    if (isNotOnBallot(answer.status)) {
      this.#refuse(ids, request.path, answer.status);
      return;
    }
    if (answer.status !== 200) {
      this.#failAll(ids, request.path, `HTTP ${answer.status}`, 'http');
      return;
    }
    const body = this.#parse(answer, ids);
    if (body === undefined) return;
    const result = normalizeContestAnswer(body, request.answersFor);
    const [rejection] = result.rejected;
    if (rejection) this.#failAll(ids, request.path, rejection.reason, 'payload');
    else this.#take(result, answer, request.wanted);
  }

  async #get(ids: readonly string[], path: string, retry?: ReadonlySet<number>): Promise<HttpAnswer | null> {
    try {
      const answer = await this.client.get(path, retry);
      if (answer.status < 500) this.#serverAnswered = true;
      return answer;
    } catch (error) {
      if (!(error instanceof FeedRequestError)) throw error;
      this.#failAll(ids, path, describeError(error), 'transport');
      return null;
    }
  }

  #parse(answer: HttpAnswer, ids: readonly string[]): unknown {
    try {
      const body: unknown = JSON.parse(answer.text);
      this.successes++;
      if (answer.text.length > LARGE_ANSWER_CHARS)
        for (const id of ids) this.notices.push({ id, message: LARGE });
      return body;
    } catch {
      this.#failAll(ids, answer.path, 'invalid payload: (root): not JSON', 'payload');
      return undefined;
    }
  }

  #readQuery(answer: HttpAnswer, ids: readonly string[]): void {
    const body = this.#parse(answer, ids);
    if (body === undefined) return;
    if (!Array.isArray(body) || body.length !== ids.length) {
      const got = Array.isArray(body) ? `${body.length} answers` : typeof body;
      this.#failAll(
        ids,
        answer.path,
        `invalid payload: (root): expected ${ids.length} answers, got ${got}`,
        'payload',
      );
      return;
    }
    ids.forEach((id, index) => this.#take(normalizeContestAnswer(body[index], id), answer, [id]));
  }

  #take(result: Normalized, answer: HttpAnswer, wanted: readonly string[] | null): void {
    const path = answer.path;
    const keep = wanted === null ? null : new Set(wanted);
    const races = keep === null ? result.races : result.races.filter((race) => keep.has(race.id));
    this.races.push(...races);
    if (races.length > 0) this.bodies.set(path, { at: answer.at, body: answer.text });
    this.notices.push(...result.notices);
    for (const { id, reason, notOnBallot } of result.rejected) {
      if (notOnBallot) this.setAside.push({ id, reason });
      else this.failures.push({ id, path, reason, kind: 'payload' });
    }

    const rejected = new Set(result.rejected.map((rejection) => rejection.id));
    const found = new Set(races.map((race) => race.id));
    const missing = (wanted ?? []).filter((id) => !found.has(id) && !rejected.has(id));
    for (const id of missing) this.setAside.push({ id, reason: `not on this ballot (absent from ${path})` });
  }

  #failAll(ids: readonly string[], path: string, reason: string, kind: IdFailure['kind']): void {
    for (const id of ids) this.failures.push({ id, path, reason, kind });
  }

  /** Lone 500s are the id's fault only if the server answered anything else this cycle. */
  settleSuspects(): void {
    for (const suspect of this.#suspects) {
      if (this.#serverAnswered) this.setAside.push({ id: suspect.id, reason: suspect.reason });
      else this.failures.push({ ...suspect, reason: 'HTTP 500' });
    }
    for (const refused of this.#refused) {
      if (this.successes > 0)
        this.setAside.push({ id: refused.id, reason: `not on this ballot (${refused.reason})` });
      else
        this.failures.push({
          ...refused,
          reason: `${refused.reason} for every request (refused, or no ballot served)`,
        });
    }
  }
}

/** Sends every planned request and accounts for every id. Throws only when the client is stopped. */
export async function runCycle(client: HttpClient, plan: readonly PlannedRequest[]): Promise<CycleResult> {
  const cycle = new Cycle(client);
  await Promise.all(
    plan.map((request) =>
      request.kind === 'query' ? cycle.query(request.ids, request.path) : cycle.contestPath(request),
    ),
  );
  await cycle.splitRefusedBatches();
  cycle.settleSuspects();
  return cycle;
}
