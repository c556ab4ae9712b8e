// All SQL of users and their roles (users, user_roles).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { User, UserChange } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';

export interface UserRow {
  id: number;
  name: string;
  title: string;
  pin_hash: string;
  active: number;
}

type UserHead = Omit<UserRow, 'pin_hash'>;

export function userView(db: ReadableDB, row: UserHead): User {
  const roles = sql(db, 'SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').pluck().all(row.id) as Role[];
  return { id: row.id, name: row.name, title: row.title, roles, active: row.active === 1 };
}

export function getUser(db: ReadableDB, id: number): User | null {
  const row = sql(db, 'SELECT id, name, title, active FROM users WHERE id = ?').get(id) as UserHead | undefined;
  return row ? userView(db, row) : null;
}

/** By id, or by name (trimmed), with the PIN hash: for a PIN check only. */
export function findUserRow(db: ReadableDB, user: number | string): UserRow | undefined {
  return (typeof user === 'number' ? sql(db, 'SELECT * FROM users WHERE id = ?').get(user) : sql(db, 'SELECT * FROM users WHERE name = ?').get(user.trim())) as
    UserRow | undefined;
}

export function userNameTaken(db: ReadableDB, name: string): boolean {
  return sql(db, 'SELECT 1 FROM users WHERE name = ?').get(name) !== undefined;
}

export function activeUsers(db: ReadableDB): User[] {
  return (sql(db, 'SELECT id, name, title, active FROM users WHERE active = 1 ORDER BY id').all() as UserHead[]).map((r) => userView(db, r));
}

export function allUsersWithSignatureFlag(db: ReadableDB): User[] {
  const rows = sql(db, 'SELECT id, name, title, active, signature_png IS NOT NULL AS has_sig FROM users ORDER BY id').all() as (UserHead & {
    has_sig: number;
  })[];
  return rows.map((r) => ({ ...userView(db, r), hasSignature: r.has_sig === 1 }));
}

/** users.create / users.update as the audit recorded them, newest first (inputs are the parsed, PIN-redacted ones). */
export function userChanges(db: ReadableDB, limit: number): UserChange[] {
  const rows = sql(
    db,
    `SELECT a.at, COALESCE(u.name, '') AS by_name, a.method, a.ref, a.input_json FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.method IN ('users.create', 'users.update') ORDER BY a.seq DESC LIMIT ?`,
  ).all(limit) as { at: string; by_name: string; method: string; ref: string | null; input_json: string }[];
  return rows.map((r) => {
    const input = JSON.parse(r.input_json) as { roles?: Role[]; pin?: string; active?: boolean; secondPin?: unknown };
    const m = /^(.*) \(第二人确认: (.*)\)$/.exec(r.ref ?? '');
    return {
      at: r.at,
      by: r.by_name,
      kind: r.method === 'users.create' ? 'create' : 'update',
      user: m ? m[1] : (r.ref ?? ''),
      second: m ? m[2] : null,
      roles: input.roles ?? null,
      pinSet: input.pin !== undefined,
      active: input.active ?? null,
    };
  });
}

/** Active administrators and managers other than these people: who could confirm a grant. */
export function secondSigners(db: ReadableDB, except: number[]): number {
  return sql(
    db,
    `SELECT COUNT(DISTINCT u.id) FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE r.role IN ('admin', 'manager') AND u.active = 1 AND u.id NOT IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .get(JSON.stringify(except)) as number;
}

export function activeAdminCount(db: ReadableDB): number {
  return sql(db, "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.active = 1").pluck().get() as number;
}

export function insertUser(db: WritableDB, u: { name: string; title: string; pinHash: string; at: string }): number {
  const info = sql(db, 'INSERT INTO users (name, title, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(u.name, u.title, u.pinHash, u.at, u.at);
  return Number(info.lastInsertRowid);
}

export function setRoles(db: WritableDB, userId: number, roles: readonly Role[]): void {
  sql(db, 'DELETE FROM user_roles WHERE user_id = ?').run(userId);
  for (const r of new Set(roles)) sql(db, 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(userId, r);
}

type UserColumn = 'title' | 'active' | 'pin_hash' | 'signature_png';

export function updateUserColumn(db: WritableDB, userId: number, column: UserColumn, value: string | number | Buffer | null, at: string): void {
  sql(db, `UPDATE users SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, at, userId);
}

export function signaturePng(db: ReadableDB, userId: number): Buffer | null | undefined {
  const row = sql(db, 'SELECT signature_png FROM users WHERE id = ?').get(userId) as { signature_png: Buffer | null } | undefined;
  return row ? row.signature_png : undefined;
}

/** user name → signature PNG, for the signature boxes of printed papers */
export function signatureImagesByName(db: ReadableDB): { name: string; png: Buffer }[] {
  return (sql(db, 'SELECT name, signature_png FROM users WHERE signature_png IS NOT NULL').all() as { name: string; signature_png: Buffer }[]).map((r) => ({
    name: r.name,
    png: r.signature_png,
  }));
}

export interface PinFailureRow {
  failures: number;
  last_failed_at: string;
  wait_until_ms: number;
}

/** A person's wrong PINs in a row (pin_failures), if any. */
export function pinFailureRow(db: ReadableDB, userId: number): PinFailureRow | undefined {
  return sql(db, 'SELECT failures, last_failed_at, wait_until_ms FROM pin_failures WHERE user_id = ?').get(userId) as PinFailureRow | undefined;
}

export function savePinFailures(db: WritableDB, userId: number, r: PinFailureRow): void {
  sql(
    db,
    `INSERT INTO pin_failures (user_id, failures, last_failed_at, wait_until_ms) VALUES (@userId, @failures, @last_failed_at, @wait_until_ms)
     ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at, wait_until_ms = excluded.wait_until_ms`,
  ).run({ userId, ...r });
}

export function clearPinFailures(db: WritableDB, userId: number): void {
  sql(db, 'DELETE FROM pin_failures WHERE user_id = ?').run(userId);
}

/** A PIN hash from before the PIN secret, replaced by its keyed form (only if nobody changed it meanwhile). */
export function rekeyPinHash(db: WritableDB, userId: number, h: { from: string; to: string }): void {
  sql(db, 'UPDATE users SET pin_hash = ? WHERE id = ? AND pin_hash = ?').run(h.to, userId, h.from);
}

/** The PIN secrets the users' PIN hashes were keyed with (`scrypt-k$<id>$…`). */
export function officePinSecretIds(db: ReadableDB): string[] {
  return sql(db, "SELECT DISTINCT substr(pin_hash, 10, instr(substr(pin_hash, 10), '$') - 1) FROM users WHERE pin_hash LIKE 'scrypt-k$%'")
    .pluck()
    .all() as string[];
}
