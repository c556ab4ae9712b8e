// PINs hashed with scrypt (Node's crypto) over HMAC-SHA256(PIN secret, PIN): the PIN secret (pepper)
// is in the vault beside the database, never in it, so a copied database alone gives up no PIN
// (`scrypt-k$<secret id>$N$r$p$salt$hash`; a hash from before, `scrypt$…`, is keyed on the next right
// PIN). Sessions held in memory by random token, sessions held in memory by random token, and growing
// waits after wrong PINs so a PIN cannot be guessed: the wrong PINs are kept in the database
// (pin_failures, one row per person), so a second desk or the CLI gets no fresh tries and a restart
// forgets nothing; nothing is kept for a name that is nobody's. A disabled user hears the same
// words as a wrong PIN. The core holds one AuthService; handlers reach it as ctx.auth (a PIN
// check for a log-in, a signature, a sign-off).

import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { fail } from '../../../shared/errors';
import type { ReadableDB, WritableDB } from '../../store/db';
import type { User } from '../../../shared/contract';
import { officePinSecret, vaultOf } from '../../ledger/officeSecrets';
import { clearPinFailures, findUserRow, pinFailureRow, rekeyPinHash, savePinFailures, userView } from './repo';
import { failuresInRow, pinWaitMs } from './rules';

const SESSION_IDLE_MS = 12 * 3600_000;
/** PIN checks of one call waiting to be written down (a call checks a handful at most). */
const MAX_PENDING_ATTEMPTS = 64;

/** One PIN check of a person, written down after the call (users/auth.ts settleAttempts). */
interface PinAttempt {
  userId: number;
  right: boolean;
  at: Date;
  /** a right PIN whose stored hash predates the PIN secret: the keyed hash to put in its place */
  rekeyed?: { from: string; to: string };
}

/** What scrypt hashes: the PIN keyed with the office's PIN secret. */
const keyed = (secret: Buffer, pin: string): Buffer => createHmac('sha256', secret).update(pin, 'utf8').digest();

export class AuthService {
  private sessions = new Map<string, { userId: number; lastSeen: number }>();
  private attempts: PinAttempt[] = [];
  /** a hash of no one's PIN, so a name that is nobody's takes as long to refuse as a wrong PIN */
  private nobodysHash: string | null = null;

  constructor(
    private readonly scryptN: number,
    private readonly clock: () => Date,
  ) {}

  private scrypt(input: Buffer | string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }): Buffer {
    return scryptSync(input, salt, length, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 });
  }

  /** A new PIN's hash, keyed with the office's PIN secret (pin_secret_missing when this PC lacks it). */
  hashPin(db: ReadableDB, pin: string): string {
    const { id, secret } = officePinSecret(db);
    if (!id || !secret) fail('pin_secret_missing');
    const salt = randomBytes(16);
    const hash = this.scrypt(keyed(secret, pin), salt, 32, { N: this.scryptN, r: 8, p: 1 });
    return `scrypt-k$${id}$${this.scryptN}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
  }

  /** Whether the PIN is the one hashed; a keyed hash whose PIN secret this PC lacks cannot be checked (pin_secret_missing). */
  verifyPin(db: ReadableDB, pin: string, stored: string): boolean {
    const parts = stored.split('$');
    const scheme = parts[0];
    if (scheme !== 'scrypt' && scheme !== 'scrypt-k') return false;
    let input: Buffer | string = pin;
    if (scheme === 'scrypt-k') {
      const secret = vaultOf(db).pinSecret(parts.splice(1, 1)[0]) ?? fail('pin_secret_missing');
      input = keyed(secret, pin);
    }
    const [, n, r, p, salt, hash] = parts;
    const expected = Buffer.from(hash, 'base64');
    return timingSafeEqual(expected, this.scrypt(input, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }));
  }

  /**
   * Check a person's PIN (log-in, a signature, a sign-off); throws a clear error. A name that is
   * nobody's and a disabled user get the words of a wrong PIN. While the person must wait after
   * wrong PINs, no PIN is tried at all.
   */
  checkPin(db: ReadableDB, user: number | string, pin: string): User {
    const row = findUserRow(db, user);
    if (!row || row.active !== 1) {
      this.verifyPin(db, pin, this.nobodys());
      fail('bad_credentials');
    }
    const now = this.clock();
    const waitMs = (pinFailureRow(db, row.id)?.wait_until_ms ?? 0) - now.getTime();
    if (waitMs > 0) fail('user_locked', { seconds: Math.ceil(waitMs / 1000) });
    const right = this.verifyPin(db, pin, row.pin_hash);
    this.attempts.push({ userId: row.id, right, at: now, rekeyed: right ? this.rekeyed(db, row.pin_hash, pin) : undefined });
    if (this.attempts.length > MAX_PENDING_ATTEMPTS) this.attempts.shift();
    if (!right) fail('bad_credentials');
    return userView(db, row);
  }

  /**
   * Write down the PIN checks of the call just answered, in a transaction of their own: a wrong
   * PIN inside a write is counted although the write itself rolls back.
   */
  settleAttempts(db: WritableDB): void {
    const attempts = this.attempts.splice(0);
    if (attempts.length === 0) return;
    db.transaction(() => {
      for (const a of attempts) {
        if (a.right) {
          clearPinFailures(db, a.userId);
          if (a.rekeyed) rekeyPinHash(db, a.userId, a.rekeyed);
          continue;
        }
        const failures = failuresInRow(pinFailureRow(db, a.userId), a.at) + 1;
        savePinFailures(db, a.userId, { failures, last_failed_at: a.at.toISOString(), wait_until_ms: a.at.getTime() + pinWaitMs(failures) });
      }
    }).immediate();
  }

  /** A hash from before the PIN secret, keyed now that the PIN is known to be right (written in settleAttempts). */
  private rekeyed(db: ReadableDB, stored: string, pin: string): { from: string; to: string } | undefined {
    if (!stored.startsWith('scrypt$') || !officePinSecret(db).secret) return undefined;
    return { from: stored, to: this.hashPin(db, pin) };
  }

  /** a hash of no one's PIN (unkeyed: it only has to cost what a check costs) */
  private nobodys(): string {
    if (!this.nobodysHash) {
      const salt = randomBytes(16);
      const hash = this.scrypt(randomBytes(16).toString('hex'), salt, 32, { N: this.scryptN, r: 8, p: 1 });
      this.nobodysHash = `scrypt$${this.scryptN}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
    }
    return this.nobodysHash;
  }

  createSession(userId: number): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.clock().getTime() });
    return token;
  }

  /** The user id behind a token, or null when unknown or idle too long. */
  sessionUser(token: string | undefined): number | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock().getTime();
    if (now - s.lastSeen > SESSION_IDLE_MS) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.userId;
  }

  endSession(token: string | null): void {
    if (token) this.sessions.delete(token);
  }

  endSessionsOf(userId: number): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }
}
