/**
 * The feed's expected failures. Each message says what was being fetched from where; the
 * original error, when there is one, is kept as `cause`.
 */
import { ReturnsWallError } from '../../shared/errors.js';

/** A request could not be completed: refused connection, reset, timeout, oversized body. */
export class FeedRequestError extends ReturnsWallError {
  constructor(
    readonly url: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Fetching ${url} failed: ${reason}`, options);
  }
}

/** A request took longer than its timeout. */
export class FeedTimeoutError extends FeedRequestError {}

/**
 * A kept-alive socket the server had already closed failed before any answer: not the
 * server's fault, and worth one immediate try on a fresh socket.
 */
export class StaleSocketError extends FeedRequestError {}

/** The feed was stopped while a request or a wait was under way. */
export class FeedStoppedError extends ReturnsWallError {}

/** The offline cache could not be read, parsed or written. */
export class CacheError extends ReturnsWallError {}
