// PINs hashed with scrypt (Node's crypto), sessions held in memory by random token, and growing
// waits after wrong PINs so a PIN cannot be guessed: the wrong PINs are kept in the database
// (pin_failures, one row per person), so a second desk or the CLI gets no fresh tries and a restart
// forgets nothing; nothing is kept for a name that is nobody's. A disabled user hears the same
// words as a wrong PIN. The core holds one AuthService; handlers reach it as ctx.auth (a PIN
// check for a log-in, a signature, a sign-off).

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { fail } from '../../../shared/errors';
import type { ReadableDB, WritableDB } from '../../store/db';
import type { User } from '../../../shared/contract';
import { clearPinFailures, findUserRow, pinFailureRow, savePinFailures, userView } from './repo';
import { failuresInRow, pinWaitMs } from './rules';

const SESSION_IDLE_MS = 12 * 3600_000;
/** PIN checks of one call waiting to be written down (a call checks a handful at most). */
const MAX_PENDING_ATTEMPTS = 64;

/** One PIN check of a person, written down after the call (users/auth.ts settleAttempts). */
interface PinAttempt {
  userId: number;
  right: boolean;
  at: Date;
}

export class AuthService {
  private sessions = new Map<string, { userId: number; lastSeen: number }>();
  private attempts: PinAttempt[] = [];
  /** a hash of no one's PIN, so a name that is nobody's takes as long to refuse as a wrong PIN */
  private nobodysHash: string | null = null;

  constructor(
    private readonly scryptN: number,
    private readonly clock: () => Date,
  ) {}

  hashPin(pin: string): string {
    const salt = randomBytes(16);
    const hash = scryptSync(pin, salt, 32, { N: this.scryptN, r: 8, p: 1, maxmem: 256 * this.scryptN * 8 + 1024 * 1024 });
    return `scrypt$${this.scryptN}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
  }

  verifyPin(pin: string, stored: string): boolean {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt') return false;
    const N = Number(n);
    const expected = Buffer.from(hash, 'base64');
    const got = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
      N,
      r: Number(r),
      p: Number(p),
      maxmem: 256 * N * Number(r) + 1024 * 1024,
    });
    return timingSafeEqual(expected, got);
  }

  /**
   * Check a person's PIN (log-in, a signature, a sign-off); throws a clear error. A name that is
   * nobody's and a disabled user get the words of a wrong PIN. While the person must wait after
   * wrong PINs, no PIN is tried at all.
   */
  checkPin(db: ReadableDB, user: number | string, pin: string): User {
    const row = findUserRow(db, user);
    if (!row || row.active !== 1) {
      this.verifyPin(pin, row?.pin_hash ?? this.nobodys());
      fail('bad_credentials');
    }
    const now = this.clock();
    const waitMs = (pinFailureRow(db, row.id)?.wait_until_ms ?? 0) - now.getTime();
    if (waitMs > 0) fail('user_locked', { seconds: Math.ceil(waitMs / 1000) });
    const right = this.verifyPin(pin, row.pin_hash);
    this.attempts.push({ userId: row.id, right, at: now });
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
          continue;
        }
        const failures = failuresInRow(pinFailureRow(db, a.userId), a.at) + 1;
        savePinFailures(db, a.userId, { failures, last_failed_at: a.at.toISOString(), wait_until_ms: a.at.getTime() + pinWaitMs(failures) });
      }
    }).immediate();
  }

  private nobodys(): string {
    this.nobodysHash ??= this.hashPin(randomBytes(16).toString('hex'));
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
