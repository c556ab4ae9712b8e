// The office's secrets, kept out of the database file (issue #11 defect 7): the Ed25519 private
// key(s) the office signs with and the PIN secret (pepper) every PIN hash is keyed with. A copied
// database, a backup included, then neither signs nor gives up a PIN.
//
// They live in one small file beside the database (office-secrets.json), created readable by its
// owner only (0600) and replaced atomically (temp file, fsync, rename), never edited in place. The
// Electron shell hands in a wrapper (Electron's safeStorage: the OS keychain, DPAPI on Windows), and
// the file then holds the wrapped text; the format names which, so either is read. A file wrapped by
// another user's or another PC's keychain cannot be unwrapped: it reads as empty, as no file does.
//
// Plain Node (tests, the CLI, browser mode): no wrapper; the file's owner-only mode is the guard.

import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const VAULT_FILE_NAME = 'office-secrets.json';
const FORMAT = 'branch-desk-secrets/1';

/** Wraps the file's text with a key the OS keeps (Electron safeStorage); null when there is none. */
export interface SecretWrapper {
  /** what the file says it was wrapped by, e.g. 'safeStorage' */
  readonly name: string;
  wrap(plain: string): Buffer;
  unwrap(wrapped: Buffer): string;
}

export interface VaultKey {
  /** of the public key (keyFingerprint): which of the office's keys this is */
  fingerprint: string;
  privateKeyPem: string;
}

export interface VaultPinSecret {
  /** pinSecretId(secret): named in every PIN hash keyed with it */
  id: string;
  secretB64: string;
}

export interface VaultSecrets {
  keys: VaultKey[];
  pinSecrets: VaultPinSecret[];
}

/** A short fingerprint of a public key to read out over the phone: SHA-256 of its SPKI, 8 groups of 4 hex. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** The name of a PIN secret (a hash of it, never the secret): 16 hex. */
export function pinSecretId(secret: Buffer): string {
  return createHash('sha256').update('branch-desk pin secret\n').update(secret).digest('hex').slice(0, 16);
}

/** The vault file of a database: beside it, in the data folder. */
export function vaultPathFor(dbPath: string): string {
  return join(dirname(dbPath), VAULT_FILE_NAME);
}

const empty = (): VaultSecrets => ({ keys: [], pinSecrets: [] });

function parseSecrets(text: string): VaultSecrets {
  const o = JSON.parse(text) as Partial<VaultSecrets>;
  return { keys: Array.isArray(o.keys) ? o.keys : [], pinSecrets: Array.isArray(o.pinSecrets) ? o.pinSecrets : [] };
}

/** Writes `text` to `path` so that a reader sees the old file or the new one, never half of one. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    /* Windows cannot open a folder: the rename is as durable as NTFS makes it */
  }
}

export class Vault {
  private cache: VaultSecrets | null = null;
  /** why the file could not be read (wrapped by a keychain this machine does not have, damaged), or null */
  unreadable: string | null = null;

  constructor(
    readonly path: string,
    private readonly wrapper: SecretWrapper | null = null,
  ) {}

  /** how the file is kept: 'safeStorage' (wrapped by the OS keychain) or 'file' (owner-only file) */
  get keptBy(): string {
    return this.wrapper?.name ?? 'file';
  }

  private load(): VaultSecrets {
    if (this.cache) return this.cache;
    this.cache = empty();
    if (!existsSync(this.path)) return this.cache;
    try {
      this.cache = this.decode(readFileSync(this.path, 'utf8'));
      this.unreadable = null;
    } catch (e) {
      this.unreadable = e instanceof Error ? e.message : String(e);
    }
    return this.cache;
  }

  private decode(text: string): VaultSecrets {
    const o = JSON.parse(text) as { format?: string; wrappedBy?: string; data?: string } & Partial<VaultSecrets>;
    if (o.format !== FORMAT) throw new Error(`${this.path}: not a Branch Desk secrets file`);
    if (!o.wrappedBy) return parseSecrets(text);
    if (!this.wrapper || this.wrapper.name !== o.wrappedBy) throw new Error(`${this.path}: wrapped by ${o.wrappedBy}, which this desk cannot open`);
    return parseSecrets(this.wrapper.unwrap(Buffer.from(o.data ?? '', 'base64')));
  }

  /** A plain file on a PC that now has a keychain is wrapped at once (the core calls this on opening). */
  keepWrapped(): void {
    const s = this.load();
    if (!this.wrapper || this.unreadable || !existsSync(this.path)) return;
    if (!(JSON.parse(readFileSync(this.path, 'utf8')) as { wrappedBy?: string }).wrappedBy) this.save(s);
  }

  private save(next: VaultSecrets): void {
    // a file this desk cannot open (another user's keychain, damage) is set aside, never overwritten
    if (this.unreadable && existsSync(this.path)) renameSync(this.path, `${this.path}.unreadable-${Date.now()}`);
    this.unreadable = null;
    const plain = JSON.stringify({ format: FORMAT, ...next });
    const text = this.wrapper ? JSON.stringify({ format: FORMAT, wrappedBy: this.wrapper.name, data: this.wrapper.wrap(plain).toString('base64') }) : plain;
    writeAtomically(this.path, text);
    this.cache = next;
  }

  privateKeyPem(fingerprint: string): string | null {
    return this.load().keys.find((k) => k.fingerprint === fingerprint)?.privateKeyPem ?? null;
  }

  pinSecret(id: string): Buffer | null {
    const s = this.load().pinSecrets.find((p) => p.id === id);
    return s ? Buffer.from(s.secretB64, 'base64') : null;
  }

  /** Adds what is not there yet (by fingerprint and id); the file is written once, before the caller goes on. */
  add(more: Partial<VaultSecrets>): void {
    const now = this.load();
    const keys = (more.keys ?? []).filter((k) => !now.keys.some((h) => h.fingerprint === k.fingerprint));
    const pins = (more.pinSecrets ?? []).filter((p) => !now.pinSecrets.some((h) => h.id === p.id));
    if (!keys.length && !pins.length) return;
    this.save({ keys: [...now.keys, ...keys], pinSecrets: [...now.pinSecrets, ...pins] });
  }

  /** A new random 32-byte PIN secret, kept; its id. */
  newPinSecret(): string {
    const secret = randomBytes(32);
    const id = pinSecretId(secret);
    this.add({ pinSecrets: [{ id, secretB64: secret.toString('base64') }] });
    return id;
  }

  /** The secrets named (those this vault holds), e.g. for an export. */
  pick(fingerprints: readonly string[], pinSecretIds: readonly string[]): VaultSecrets {
    const s = this.load();
    return { keys: s.keys.filter((k) => fingerprints.includes(k.fingerprint)), pinSecrets: s.pinSecrets.filter((p) => pinSecretIds.includes(p.id)) };
  }
}
