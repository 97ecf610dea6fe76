import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/cli/command.js';
import { kioskArgs, kioskOptionsFrom } from '../../../main/kiosk/kiosk-flags.js';

describe('the kiosk flags', () => {
  it('turn into kiosk options and back into the same arguments', () => {
    const options = kioskOptionsFrom({
      config: '/c.json',
      'data-dir': '/d',
      'api-base': 'http://127.0.0.1:8787',
    });
    expect(options).toEqual({ configPath: '/c.json', dataDir: '/d', apiBase: 'http://127.0.0.1:8787' });
    expect(kioskArgs(options)).toEqual([
      '--config',
      '/c.json',
      '--data-dir',
      '/d',
      '--api-base',
      'http://127.0.0.1:8787',
    ]);
  });

  it('leave out what was not given', () => {
    expect(kioskOptionsFrom({})).toEqual({});
    expect(kioskArgs({})).toEqual([]);
  });

  it('refuse an api base that is not an http URL, naming the flag', () => {
    expect(() => kioskOptionsFrom({ 'api-base': 'ftp://x' })).toThrow(UsageError);
    expect(() => kioskOptionsFrom({ 'api-base': 'ftp://x' })).toThrow(/--api-base/);
    expect(() => kioskOptionsFrom({ config: true })).toThrow(/--config needs a value/);
  });
});
