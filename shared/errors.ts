/**
 * The base of every expected failure in Returns Wall: bad input, an unreachable feed, a
 * broken file. Bugs stay plain `Error`s, so the two are never confused in a log.
 * The message says what was being done to what; the original error is kept as `cause`.
 */
export class ReturnsWallError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A value from outside (an API payload, a config file, a message) failed validation. */
export class ValidationError extends ReturnsWallError {
  constructor(
    readonly source: string,
    readonly issues: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid ${source}: ${issues.join('; ')}`, options);
  }
}

/** Renders an error and its causes on one line, for logs and status screens. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`);
      // A ValidationError already lists its issues; the schema library's own error repeats them as JSON.
      current = current instanceof ValidationError ? undefined : current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join(' <- ');
}
