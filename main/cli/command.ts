import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ReturnsWallError } from '../../shared/errors.js';

/** A subcommand of `returns-wall`. `run` resolves to the process exit code. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  run(argv: readonly string[]): Promise<number>;
}

/** The command line itself was wrong: printed with the command's usage, exit code 2. */
export class UsageError extends ReturnsWallError {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly, turning Node's parse errors into a UsageError. */
export function parseFlags<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** A flag that must be a number within bounds, named in the error when it is not. */
export function numberFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, not "${value}"`);
  }
  return parsed;
}

/** Resolves when the process is asked to stop (Ctrl+C or SIGTERM). */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
