import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import { getUser, userView } from '../auth';
import { actor, type Handlers } from '../context';
import type { Role } from '../../../shared/roles';

function setRoles(db: import('../../store/db').DB, userId: number, roles: Role[]): void {
  sql(db, 'DELETE FROM user_roles WHERE user_id = ?').run(userId);
  for (const r of new Set(roles)) sql(db, 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(userId, r);
}

export const authHandlers = {
  'auth.users': (_input, ctx) =>
    (sql(ctx.db, 'SELECT id, name, title, active FROM users WHERE active = 1 ORDER BY id').all() as any[]).map((r) => {
      const u = userView(ctx.db, r);
      return { id: u.id, name: u.name, title: u.title, roles: u.roles };
    }),

  'auth.login': (input, ctx) => {
    const user = ctx.auth.checkPin(ctx.db, input.user, input.pin);
    return { token: ctx.auth.createSession(user.id), user };
  },

  'auth.logout': (_input, ctx) => {
    ctx.auth.endSession(ctx.token);
    return { ok: true as const };
  },

  'auth.whoami': (_input, ctx) => getUser(ctx.db, actor(ctx).id)!,

  'users.create': (input, ctx) => {
    const { db } = ctx;
    if (sql(db, 'SELECT 1 FROM users WHERE name = ?').get(input.name)) fail('duplicate', { what: 'user', what_zh: '用户', key: input.name });
    const info = sql(db, 'INSERT INTO users (name, title, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      input.name,
      input.title,
      ctx.auth.hashPin(input.pin),
      ctx.nowIso,
      ctx.nowIso,
    );
    const id = Number(info.lastInsertRowid);
    setRoles(db, id, input.roles);
    ctx.auditRef = input.name;
    return getUser(db, id)!;
  },

  'users.update': (input, ctx) => {
    const { db } = ctx;
    const user = getUser(db, input.userId) ?? fail('not_found', { what: 'user', what_zh: '用户', key: input.userId });
    const losesAdmin = user.roles.includes('admin') && user.active && (input.active === false || (input.roles !== undefined && !input.roles.includes('admin')));
    if (losesAdmin) {
      const admins = sql(db, "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'admin' AND u.active = 1").pluck().get() as number;
      if (admins <= 1) fail('last_admin');
    }
    if (input.title !== undefined) sql(db, 'UPDATE users SET title = ?, updated_at = ? WHERE id = ?').run(input.title, ctx.nowIso, user.id);
    if (input.active !== undefined) sql(db, 'UPDATE users SET active = ?, updated_at = ? WHERE id = ?').run(input.active ? 1 : 0, ctx.nowIso, user.id);
    if (input.pin !== undefined) sql(db, 'UPDATE users SET pin_hash = ?, updated_at = ? WHERE id = ?').run(ctx.auth.hashPin(input.pin), ctx.nowIso, user.id);
    if (input.roles !== undefined) setRoles(db, user.id, input.roles);
    if (input.active === false || input.pin !== undefined) ctx.auth.endSessionsOf(user.id);
    ctx.auditRef = user.name;
    return getUser(db, user.id)!;
  },

  'users.list': (_input, ctx) =>
    (sql(ctx.db, 'SELECT id, name, title, active FROM users ORDER BY id').all() as any[]).map((r) => userView(ctx.db, r)),
} satisfies Partial<Handlers>;
