/**
 * `returns-wall <command> [flags]`: the one entry every npm script goes through.
 */
import { describeError, ReturnsWallError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import { type Command, UsageError } from './command.js';
import { fetchCommand } from './commands/fetch.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { simCommand } from './commands/sim.js';
import { startCommand } from './commands/start.js';

const log = createLogger('CLI');

const COMMANDS: readonly Command[] = [schemaCommand, startCommand, serveCommand, fetchCommand, simCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return ['Usage: returns-wall <command> [flags]', '', 'Commands:', ...lines, ''].join('\n');
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name === undefined ? 2 : 0;
  }

  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }

  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof ReturnsWallError) {
      log.error(`${command.name} failed: ${describeError(error)}`);
      return 1;
    }
    throw error;
  }
}
