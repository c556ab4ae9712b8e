// Where the desk keeps its data. Shared by the Electron shell, browser mode and the CLI, so every
// door opens the same file by default. Electron-free: Electron's own default userData folder is
// <appData>/<app name>, and the shell sets both to what this module computes.
//
//   Linux    $XDG_CONFIG_HOME/Branch Desk   (else ~/.config/Branch Desk)
//   macOS    ~/Library/Application Support/Branch Desk
//   Windows  %APPDATA%\Branch Desk          (else ~\AppData\Roaming\Branch Desk)
//
// The office's database is one SQLite file in that folder: branch-desk.sqlite.

import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_NAME = 'Branch Desk';
export const DB_FILE_NAME = 'branch-desk.sqlite';

export interface PathEnv {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  home?: string;
}

/** The per-user application-data folder the OS expects (Electron's `appData`). */
export function appDataDir(opts: PathEnv = {}): string {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const home = opts.home ?? homedir();
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
}

/** The desk's own data folder (Electron's `userData`). */
export function defaultDataDir(opts: PathEnv = {}): string {
  const platform = opts.platform ?? process.platform;
  const p = platform === 'win32' ? win32 : posix;
  return p.join(appDataDir(opts), APP_NAME);
}

/** The office database every door opens unless told otherwise (`--db FILE`). */
export function defaultDbPath(opts: PathEnv = {}): string {
  const platform = opts.platform ?? process.platform;
  const p = platform === 'win32' ? win32 : posix;
  return p.join(defaultDataDir(opts), DB_FILE_NAME);
}
