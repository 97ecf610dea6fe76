/**
 * `returns-wall <command> [flags]`: the one entry every npm script goes through.
 */
import { describeError, ReturnsWallError } from '../../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import { type Command, UsageError } from './command.js';

const log = createLogger('CLI');

/** A command as the help lists it; its module is imported only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

// Loaded on demand: `serve` and `start` do not pay at start for the rehearsal feed's modules
// (`sim`), nor `sim` for the kiosk's.
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'schema',
    summary: 'print or write the JSON Schema of returns-wall.json',
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  {
    name: 'start',
    summary: 'the kiosk in Electron (browser mode where the Electron binary is not installed)',
    load: async () => (await import('./commands/start.js')).startCommand,
  },
  {
    name: 'serve',
    summary: 'browser mode: serve the wall over HTTP with live updates (Server-Sent Events)',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  {
    name: 'fetch',
    summary: 'poll once and print the normalized races as JSON',
    load: async () => (await import('./commands/fetch.js')).fetchCommand,
  },
  {
    name: 'sim',
    summary: 'run the rehearsal feed, a local imitation of the SOS results API',
    load: async () => (await import('./commands/sim.js')).simCommand,
  },
];

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

  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();

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
