/**
 * Reading `returns-wall.json`: a missing file at the default place means the bundled
 * default; a missing file the operator named, bad JSON or a bad field is an error that
 * names the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { type WallConfig, WallConfigSchema } from '../../shared/config.js';
import { ReturnsWallError, ValidationError } from '../../shared/errors.js';
import { formatIssues } from '../../shared/validate.js';
import { defaultConfig } from './default-config.js';

/** The config file could not be read or parsed as JSON. Field errors are `ValidationError`s. */
export class ConfigFileError extends ReturnsWallError {}

export interface LoadedConfig {
  readonly config: WallConfig;
  /** The file it came from, or null for the bundled default. */
  readonly path: string | null;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw new ConfigFileError(`Reading the config file ${path} failed`, { cause: error });
  }
}

/** Parses the text of a config file; throws ConfigFileError or ValidationError naming `path`. */
export function parseConfigText(text: string, path: string): WallConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigFileError(`Parsing the config file ${path} failed: ${reason}`, { cause: error });
  }
  // Like parseWith, but without the ZodError as cause: its JSON dump would bury the one line
  // (`field: problem`) an operator needs in the log.
  const result = WallConfigSchema.safeParse(value);
  if (!result.success) throw new ValidationError(path, formatIssues(result.error));
  return result.data;
}

/**
 * Loads the config at `path`. When the file does not exist, `required` (the operator named
 * it with `--config`) makes that an error; otherwise the bundled default is used.
 */
export async function loadConfig(path: string, required: boolean): Promise<LoadedConfig> {
  const text = await readText(path);
  if (text === null) {
    if (required) throw new ConfigFileError(`The config file ${path} does not exist`);
    return { config: defaultConfig(), path: null };
  }
  return { config: parseConfigText(text, path), path };
}
