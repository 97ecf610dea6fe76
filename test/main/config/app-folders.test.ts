import { describe, expect, it } from 'vitest';
import { appFolders, defaultConfigPath } from '../../../main/config/app-folders.js';

describe('the app folders', () => {
  it('follow the XDG variables on Linux', () => {
    const env = { XDG_CONFIG_HOME: '/x/config', XDG_DATA_HOME: '/x/data', XDG_STATE_HOME: '/x/state' };
    const folders = appFolders({ platform: 'linux', env, home: '/home/ed' });
    expect(folders).toEqual({
      config: '/x/config/returns-wall',
      data: '/x/data/returns-wall',
      logs: '/x/state/returns-wall/logs',
    });
  });

  it('fall back to the XDG defaults under the home folder when the variables are unset or empty', () => {
    const folders = appFolders({ platform: 'linux', env: { XDG_CONFIG_HOME: '' }, home: '/home/ed' });
    expect(folders.config).toBe('/home/ed/.config/returns-wall');
    expect(folders.data).toBe('/home/ed/.local/share/returns-wall');
    expect(defaultConfigPath({ platform: 'linux', env: {}, home: '/home/ed' })).toBe(
      '/home/ed/.config/returns-wall/returns-wall.json',
    );
  });

  it('use Application Support on macOS', () => {
    const folders = appFolders({ platform: 'darwin', env: {}, home: '/Users/ed' });
    expect(folders.config).toBe('/Users/ed/Library/Application Support/Returns Wall');
    expect(folders.data).toBe(folders.config);
  });

  it('use APPDATA for the config on Windows', () => {
    const env = { APPDATA: 'C:\\Users\\ed\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\ed\\AppData\\Local' };
    const context = { platform: 'win32' as const, env, home: 'C:\\Users\\ed' };
    expect(defaultConfigPath(context)).toBe(
      'C:\\Users\\ed\\AppData\\Roaming\\Returns Wall\\returns-wall.json',
    );
    expect(appFolders(context).data).toBe('C:\\Users\\ed\\AppData\\Local\\Returns Wall');
  });
});
