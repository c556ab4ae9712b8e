// The Windows installer's configuration (package.json "build", read by electron-builder on a
// release machine: packaging is not run here, the Electron binary cannot be fetched). What it must
// keep: an NSIS installer, the native modules (better-sqlite3, node-hid) outside the asar, and the
// Electron fuses that shut the doors a packaged desk never uses.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; build: Record<string, any> };

describe('the installer configuration', () => {
  it('builds an NSIS installer for Windows from the built app (out/)', () => {
    expect(pkg.build.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(pkg.build.files).toContain('out/**');
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(pkg.build.nsis.oneClick).toBe(false);
  });

  it('keeps native modules unpacked from the asar and rebuilt for Electron', () => {
    expect(pkg.build.asar).toBe(true);
    expect(pkg.build.asarUnpack).toContain('**/*.node');
    expect(pkg.build.npmRebuild).toBe(true);
  });

  it('sets the fuses: no RunAsNode, no NODE_OPTIONS or inspect, cookies encrypted, only the checked asar', () => {
    expect(pkg.build.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
