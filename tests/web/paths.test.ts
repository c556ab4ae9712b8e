// The default data folder every door shares (electron/paths.ts), per platform.

import { describe, expect, it } from 'vitest';
import { APP_NAME, DB_FILE_NAME, appDataDir, defaultDataDir, defaultDbPath } from '../../electron/paths';

describe('default data paths', () => {
  it('Linux: $XDG_CONFIG_HOME/Branch Desk, else ~/.config/Branch Desk', () => {
    const home = '/home/wang';
    expect(defaultDataDir({ platform: 'linux', env: {}, home })).toBe('/home/wang/.config/Branch Desk');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/cfg' }, home })).toBe('/data/cfg/Branch Desk');
    // a relative XDG_CONFIG_HOME is invalid by the spec and ignored
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'cfg' }, home })).toBe('/home/wang/.config/Branch Desk');
    expect(defaultDbPath({ platform: 'linux', env: {}, home })).toBe('/home/wang/.config/Branch Desk/branch-desk.sqlite');
  });

  it('macOS: ~/Library/Application Support/Branch Desk', () => {
    expect(defaultDbPath({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/ignored' }, home: '/Users/li' })).toBe(
      '/Users/li/Library/Application Support/Branch Desk/branch-desk.sqlite',
    );
  });

  it('Windows: %APPDATA%\\Branch Desk, else ~\\AppData\\Roaming', () => {
    expect(defaultDbPath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\zhao\\AppData\\Roaming' }, home: 'C:\\Users\\zhao' })).toBe(
      'C:\\Users\\zhao\\AppData\\Roaming\\Branch Desk\\branch-desk.sqlite',
    );
    expect(appDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\zhao' })).toBe('C:\\Users\\zhao\\AppData\\Roaming');
  });

  it('defaults to this machine', () => {
    expect(defaultDbPath().endsWith(DB_FILE_NAME)).toBe(true);
    expect(defaultDataDir()).toContain(APP_NAME);
  });
});
