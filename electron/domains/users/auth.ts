// PINs hashed with scrypt (Node's crypto), sessions held in memory by random token, and a short
// lock-out after repeated wrong PINs so a PIN cannot be guessed at a shared PC. The core holds one
// AuthService; handlers reach it as ctx.auth (a PIN check for a log-in, a signature, a sign-off).

import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import type { User } from '../../../shared/contract';
import { findUserRow, userView } from './repo';

export const MAX_FAILED_PINS = 5;
export const LOCKOUT_MS = 60_000;
const SESSION_IDLE_MS = 12 * 3600_000;

export class AuthService {
  private sessions = new Map<string, { userId: number; lastSeen: number }>();
  private failures = new Map<string, { count: number; until: number }>();

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

  /** Check a user's PIN (log-in or a signature); throws a clear error, counts failures. */
  checkPin(db: ReadableDB, user: number | string, pin: string): User {
    const row = findUserRow(db, user);
    // Failures count per person, whether named by id or by name (else each spelling had its own 5 tries).
    const key = row ? `id:${row.id}` : `?${String(user).trim()}`;
    const now = this.clock().getTime();
    const f = this.failures.get(key);
    if (f && f.until > now) fail('user_locked', { seconds: Math.ceil((f.until - now) / 1000) });
    if (!row || !this.verifyPin(pin, row.pin_hash)) {
      const count = (f && f.until <= now && f.until > 0 ? 0 : (f?.count ?? 0)) + 1;
      this.failures.set(key, { count, until: count >= MAX_FAILED_PINS ? now + LOCKOUT_MS : 0 });
      fail('bad_credentials');
    }
    this.failures.delete(key);
    if (row.active !== 1) fail('user_inactive', { user: row.name });
    return userView(db, row);
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
