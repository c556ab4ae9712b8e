// better-sqlite3 is a native addon, and a build for Node will not load in Electron (different
// ABI), nor the other way round. `npm test`, the CLI and browser mode use node_modules' own build;
// `npm start` (scripts/start.mjs) builds a second copy against Electron's headers into
// .electron-native/ and the Electron shell hands that file to createCore({ nativeBinding }).
// So one node_modules serves both runtimes. Electron-free (the shell passes in its app root).

import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Keep in step with scripts/start.mjs, which builds the file. */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
/** Set by scripts/start.mjs to the file it built; wins over the default location. */
export const NATIVE_ENV = 'BRANCH_DESK_NATIVE_BINDING';

export function electronNativeBindingPath(appRoot: string): string {
  return join(appRoot, NATIVE_DIR, NATIVE_FILE);
}

/**
 * The Electron build of better_sqlite3.node, or undefined to let better-sqlite3 find its own
 * (right for a packaged app whose node_modules was rebuilt for Electron).
 */
export function findElectronNativeBinding(appRoot: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env[NATIVE_ENV];
  if (fromEnv) {
    const p = isAbsolute(fromEnv) ? fromEnv : resolve(appRoot, fromEnv);
    if (existsSync(p)) return p;
  }
  const p = electronNativeBindingPath(appRoot);
  return existsSync(p) ? p : undefined;
}
