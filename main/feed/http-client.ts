/**
 * The SOS API client: a cap on requests in flight, a timeout on each, retries with
 * exponential backoff and full jitter that honour `Retry-After`, an identifying User-Agent,
 * and ETag / Last-Modified revalidation when the server offers them. It returns every HTTP
 * answer (the caller decides what a 404 or a 500 means); only transport failures throw.
 */
import { setMaxListeners } from 'node:events';
import { backoffDefaults, type BackoffOptions, parseRetryAfter, retryDelay, sleep } from './backoff.js';
import { FeedRequestError, FeedStoppedError } from './errors.js';
import { Limiter } from './limiter.js';
import { type RawResponse, Transport } from './transport.js';

/** Says who is polling, so the SOS operators can tell a newsroom wall from a scraper gone wrong. */
export const USER_AGENT = 'ReturnsWall/0.1.0 (newsroom election-night results wall; Node.js)';

export interface HttpAnswer {
  readonly path: string;
  readonly status: number;
  readonly text: string;
  /** When the answer arrived (ISO-8601, UTC). */
  readonly at: string;
  /** The server answered 304 and `text` is the body it sent before. */
  readonly notModified: boolean;
  /** What `Retry-After` asked for, in milliseconds, or null. */
  readonly retryAfterMs: number | null;
}

export interface HttpClientOptions {
  readonly apiBase: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly concurrency: number;
  readonly backoff?: Partial<BackoffOptions>;
  /** Called with every answer received, retried ones included (for the recording). */
  readonly onAnswer?: (answer: HttpAnswer) => void;
}

/** Statuses worth asking again: the server is busy or a proxy failed, not the request. */
const RETRY_STATUSES = new Set([408, 425, 429, 502, 503, 504]);

/** Statuses whose `Retry-After` speaks for the whole server, not one request. */
const HOLD_STATUSES = new Set([429, 503]);

interface Validators {
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  readonly text: string;
}

export class HttpClient {
  readonly #options: HttpClientOptions;
  readonly #backoff: BackoffOptions;
  readonly #transport: Transport;
  readonly #limiter: Limiter;
  readonly #stopping = new AbortController();
  readonly #validators = new Map<string, Validators>();
  #sent = 0;
  #holdUntil = 0;

  constructor(options: HttpClientOptions) {
    this.#options = options;
    this.#backoff = { ...backoffDefaults(), ...options.backoff };
    this.#transport = new Transport(options.apiBase, options.concurrency);
    this.#limiter = new Limiter(options.concurrency);
    // Every request waiting its turn listens for the stop; hundreds at once are expected.
    setMaxListeners(0, this.#stopping.signal);
  }

  /** Requests sent so far, retries included. */
  get requestsSent(): number {
    return this.#sent;
  }

  urlOf(path: string): string {
    return this.#transport.urlOf(path);
  }

  /** GETs a path, retrying transport failures and busy answers; `retryStatuses` adds more. */
  async get(path: string, retryStatuses: ReadonlySet<number> = RETRY_STATUSES): Promise<HttpAnswer> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.#options.retries;
      let answer: HttpAnswer;
      await this.#respectHold();
      try {
        answer = await this.#limiter.run(() => this.#attempt(path), this.#stopping.signal);
      } catch (error) {
        if (last || !(error instanceof FeedRequestError)) throw error;
        await sleep(retryDelay(attempt, null, this.#backoff), this.#stopping.signal);
        continue;
      }
      if (last || !retryStatuses.has(answer.status)) return answer;
      await sleep(retryDelay(attempt, answer.retryAfterMs, this.#backoff), this.#stopping.signal);
    }
  }

  async #attempt(path: string): Promise<HttpAnswer> {
    const cached = this.#validators.get(path);
    this.#sent++;
    const response = await this.#transport.get(path, {
      headers: this.#headers(cached),
      timeoutMs: this.#options.timeoutMs,
      signal: this.#stopping.signal,
    });
    const answer = this.#answerOf(path, response, cached);
    if (answer.retryAfterMs !== null && HOLD_STATUSES.has(answer.status)) this.#hold(answer.retryAfterMs);
    this.#options.onAnswer?.(answer);
    return answer;
  }

  /** A server that asked everyone to wait (429 or 503 with `Retry-After`) gets no request from us until then. */
  #hold(retryAfterMs: number): void {
    const until = Date.now() + Math.min(retryAfterMs, this.#backoff.retryAfterCapMs);
    this.#holdUntil = Math.max(this.#holdUntil, until);
  }

  async #respectHold(): Promise<void> {
    const wait = this.#holdUntil - Date.now();
    if (wait > 0) await sleep(wait, this.#stopping.signal);
  }

  #headers(cached: Validators | undefined): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
    if (cached?.etag !== undefined) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified !== undefined) headers['if-modified-since'] = cached.lastModified;
    return headers;
  }

  #answerOf(path: string, response: RawResponse, cached: Validators | undefined): HttpAnswer {
    const at = new Date().toISOString();
    const retryAfterMs = parseRetryAfter(headerOf(response, 'retry-after'));
    if (response.status === 304 && cached) {
      return { path, status: 200, text: cached.text, at, notModified: true, retryAfterMs };
    }
    const etag = headerOf(response, 'etag');
    const lastModified = headerOf(response, 'last-modified');
    if (response.status === 200 && (etag !== undefined || lastModified !== undefined)) {
      this.#validators.set(path, { etag, lastModified, text: response.text });
    }
    return { path, status: response.status, text: response.text, at, notModified: false, retryAfterMs };
  }

  /** Aborts every request and wait under way and closes every socket. */
  close(): void {
    this.#stopping.abort(new FeedStoppedError('The feed client was closed'));
    this.#transport.destroy();
  }
}

function headerOf(response: RawResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
