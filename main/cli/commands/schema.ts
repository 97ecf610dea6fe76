import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { WallConfigSchema } from '../../../shared/config.js';
import { createLogger } from '../../logging/logger.js';
import { type Command, parseFlags } from '../command.js';

const log = createLogger('Schema');

/** The JSON Schema of `returns-wall.json`, generated from the zod schema so the two never drift. */
export function configJsonSchema(): object {
  return {
    ...z.toJSONSchema(WallConfigSchema, { io: 'input' }),
    title: 'Returns Wall configuration (returns-wall.json)',
  };
}

export const schemaCommand: Command = {
  name: 'schema',
  usage: 'returns-wall schema [--out FILE]',
  async run(argv) {
    const flags = parseFlags(argv, { out: { type: 'string' } });
    const text = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    if (flags.out === undefined) {
      process.stdout.write(text);
    } else {
      writeFileSync(flags.out, text);
      log.info(`Wrote the config JSON Schema to ${flags.out}.`);
    }
    return 0;
  },
};
