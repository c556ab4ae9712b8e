// The office's secrets file (store/vault.ts) wrapped by the OS keychain through Electron's
// safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux), where the
// OS offers one. Linux's 'basic_text' backend encrypts with a password written in Chromium itself,
// so it counts as none: the file then stays as it is, readable by its owner only.

import { safeStorage } from 'electron';
import type { SecretWrapper } from '../store/vault';

export function keychainWrapper(platform: NodeJS.Platform = process.platform): SecretWrapper | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    name: 'safeStorage',
    wrap: (plain) => safeStorage.encryptString(plain),
    unwrap: (wrapped) => safeStorage.decryptString(wrapped),
  };
}
