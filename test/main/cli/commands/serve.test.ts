import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../main/cli/command.js';
import { serveCommand } from '../../../../main/cli/commands/serve.js';

describe('the serve command line', () => {
  it.each([
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number from 0 to 65535/],
    [['--host', ''], /--host needs a value/],
    [['--api-base', 'ftp://example.org'], /--api-base must be an http\(s\) URL/],
    [['--colour', 'red'], /colour/],
  ])('refuses %j before starting anything', async (argv, message) => {
    const run = serveCommand.run(argv);
    await expect(run).rejects.toThrow(UsageError);
    await expect(serveCommand.run(argv)).rejects.toThrow(message);
  });
});
