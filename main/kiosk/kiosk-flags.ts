/**
 * The flags `serve`, `start` and the Electron main process share: `--config FILE`,
 * `--data-dir DIR`, `--api-base URL`.
 */
import { z } from 'zod';
import { UsageError } from '../cli/command.js';
import type { KioskOptions } from './kiosk.js';

export const KIOSK_FLAGS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  'api-base': { type: 'string' },
} as const;

const ApiBaseSchema = z.url({ protocol: /^https?$/ });

export interface KioskFlagValues {
  readonly config?: string | boolean | undefined;
  readonly 'data-dir'?: string | boolean | undefined;
  readonly 'api-base'?: string | boolean | undefined;
}

function stringFlag(name: string, value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

export function kioskOptionsFrom(values: KioskFlagValues): KioskOptions {
  const apiBase = stringFlag('api-base', values['api-base']);
  if (apiBase !== undefined && !ApiBaseSchema.safeParse(apiBase).success) {
    throw new UsageError(`--api-base must be an http(s) URL, not "${apiBase}"`);
  }
  const configPath = stringFlag('config', values.config);
  const dataDir = stringFlag('data-dir', values['data-dir']);
  return {
    ...(configPath === undefined ? {} : { configPath }),
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(apiBase === undefined ? {} : { apiBase }),
  };
}

/** The same flags back as arguments, to hand them on to the Electron process. */
export function kioskArgs(options: KioskOptions): string[] {
  return [
    ...(options.configPath === undefined ? [] : ['--config', options.configPath]),
    ...(options.dataDir === undefined ? [] : ['--data-dir', options.dataDir]),
    ...(options.apiBase === undefined ? [] : ['--api-base', options.apiBase]),
  ];
}
