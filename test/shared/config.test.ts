import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../main/cli/commands/schema.js';
import { WallConfigSchema } from '../../shared/config.js';
import { ValidationError } from '../../shared/errors.js';
import { parseWith } from '../../shared/validate.js';

describe('the config schema', () => {
  it('fills every default from an empty file', () => {
    const config = WallConfigSchema.parse({});
    expect(config.source).toBe('rehearsal');
    expect(config.requests.idsPerQuery).toBe(10);
    expect(config.boards).toEqual([]);
  });

  it('names the bad field in its error', () => {
    const parse = () => parseWith(WallConfigSchema, { boards: [{ race: '123' }] }, 'returns-wall.json');
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(/boards\.0\.race/);
  });

  it('refuses a misspelt key rather than ignoring it', () => {
    expect(() => parseWith(WallConfigSchema, { pollSecond: 5 }, 'returns-wall.json')).toThrow(/pollSecond/);
  });

  it('never allows more than 10 ids per query', () => {
    expect(() => parseWith(WallConfigSchema, { requests: { idsPerQuery: 11 } }, 'config')).toThrow(
      /requests\.idsPerQuery/,
    );
  });

  it('ships a JSON Schema that matches the zod schema (run `npm run schema` after a change)', () => {
    const committed: unknown = JSON.parse(readFileSync('shared/returns-wall.schema.json', 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
