/**
 * One HTTP GET, with a timeout that always clears, an abort signal, a body size cap, and a
 * keep-alive agent the feed owns, so stopping the feed closes every socket it opened.
 * Built on node:http(s) rather than fetch so no connection outlives `destroy()`.
 */
import {
  Agent as HttpAgent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request as httpRequest,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { FeedRequestError, FeedStoppedError, FeedTimeoutError, StaleSocketError } from './errors.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface GetOptions {
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/** No SOS answer comes near this; a body that does is refused rather than buffered. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class Transport {
  readonly #base: URL;
  readonly #agent: HttpAgent | HttpsAgent;
  readonly #request: typeof httpRequest;

  constructor(apiBase: string, maxSockets: number) {
    this.#base = new URL(apiBase);
    const secure = this.#base.protocol === 'https:';
    this.#agent = secure
      ? new HttpsAgent({ keepAlive: true, maxSockets })
      : new HttpAgent({ keepAlive: true, maxSockets });
    this.#request = secure ? httpsRequest : httpRequest;
  }

  /** The absolute URL of an API path, keeping any path prefix of the base. */
  urlOf(path: string): string {
    return this.#base.origin + this.#base.pathname.replace(/\/$/, '') + path;
  }

  // TODO: bodies are asked for and read uncompressed. Whether api.sos.ca.gov can gzip is
  // unknown (never captured); once it is confirmed, send `accept-encoding: gzip` and inflate
  // with node:zlib here, which would cut a 5,000-id cycle's transfer several times over.
  async get(path: string, options: GetOptions): Promise<RawResponse> {
    try {
      return await this.#getOnce(path, options);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.#getOnce(path, options);
    }
  }

  #getOnce(path: string, options: GetOptions): Promise<RawResponse> {
    const url = this.urlOf(path);
    return new Promise((resolve, reject) => {
      if (options.signal.aborted) {
        reject(new FeedStoppedError(`The feed stopped before fetching ${url}`));
        return;
      }
      const request = this.#request(url, { agent: this.#agent, headers: options.headers });
      const fail = (error: Error) => {
        cleanup();
        request.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new FeedTimeoutError(url, `no answer in ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      const onAbort = () => fail(new FeedStoppedError(`The feed stopped while fetching ${url}`));
      const cleanup = () => {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
      };
      options.signal.addEventListener('abort', onAbort, { once: true });

      request.on('error', (error) => {
        // Node's documented keep-alive race: the server closed an idle socket just as it was reused.
        const stale = request.reusedSocket && 'code' in error && error.code === 'ECONNRESET';
        fail(new (stale ? StaleSocketError : FeedRequestError)(url, error.message, { cause: error }));
      });
      request.on('response', (response) => {
        readBody(url, response, fail, (text) => {
          cleanup();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
        });
      });
      request.end();
    });
  }

  /** Closes every socket, idle or busy. */
  destroy(): void {
    this.#agent.destroy();
  }
}

/** Collects a response body up to the size cap; any way it can break ends in `fail`. */
function readBody(
  url: string,
  response: IncomingMessage,
  fail: (error: Error) => void,
  done: (text: string) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) fail(new FeedRequestError(url, `body larger than ${MAX_BODY_BYTES} bytes`));
    else chunks.push(chunk);
  });
  response.on('error', (error) =>
    fail(new FeedRequestError(url, `the body broke off (${error.message})`, { cause: error })),
  );
  response.on('close', () => {
    if (!response.complete)
      fail(new FeedRequestError(url, 'the connection closed in the middle of the body'));
  });
  response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}
