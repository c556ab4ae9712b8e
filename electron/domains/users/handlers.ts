import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import { getUser, userView } from './auth';
import { actor, type Handlers } from '../context';
import type { Role } from '../../../shared/roles';

function setRoles(db: import('../../store/db').DB, userId: number, roles: Role[]): void {
  sql(db, 'DELETE FROM user_roles WHERE user_id = ?').run(userId);
  for (const r of new Set(roles)) sql(db, 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(userId, r);
}

export const SIGNATURE_MAX_BYTES = 200 * 1024;
export const SIGNATURE_MAX_W = 1200;
export const SIGNATURE_MAX_H = 600;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const badImage = (zh: string, en: string): never => fail('invalid_input', { summary_zh: `签名图片${zh}`, summary_en: `signature image ${en}` });

/** The PNG bytes of a base64 signature image, checked: the PNG signature, an IHDR, size and dimensions. */
export function checkSignaturePng(b64: string): Buffer {
  const clean = b64.replace(/^data:image\/png;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) badImage('不是有效的 base64 编码', 'is not valid base64');
  const png = Buffer.from(clean, 'base64');
  if (png.length > SIGNATURE_MAX_BYTES)
    badImage(`过大 (${Math.ceil(png.length / 1024)} KB), 最大 200 KB`, `is too large (${Math.ceil(png.length / 1024)} KB; at most 200 KB)`);
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR')
    badImage('必须是 PNG 格式', 'must be a PNG file');
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  if (w < 1 || h < 1) badImage('尺寸无效', 'has no size');
  if (w > SIGNATURE_MAX_W || h > SIGNATURE_MAX_H)
    badImage(`尺寸过大 (${w}×${h} 像素), 最大 ${SIGNATURE_MAX_W}×${SIGNATURE_MAX_H}`, `is too big (${w}×${h} px; at most ${SIGNATURE_MAX_W}×${SIGNATURE_MAX_H})`);
  return png;
}

/** admin and manager may read/set anyone's signature; everyone else only their own */
function mayTouchSignature(ctx: Parameters<Handlers['users.list']>[1], userId: number): void {
  const me = actor(ctx);
  if (me.id !== userId && !me.roles.some((r) => r === 'admin' || r === 'manager'))
    fail('forbidden', { method: 'users.setSignature', roles: ['admin', 'manager'] });
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
    (sql(ctx.db, 'SELECT id, name, title, active, signature_png IS NOT NULL AS has_sig FROM users ORDER BY id').all() as any[]).map((r) => ({
      ...userView(ctx.db, r),
      hasSignature: r.has_sig === 1,
    })),

  'users.setSignature': (input, ctx) => {
    const { db } = ctx;
    mayTouchSignature(ctx, input.userId);
    const user = getUser(db, input.userId) ?? fail('not_found', { what: 'user', what_zh: '用户', key: input.userId });
    const png = input.pngBase64 === null ? null : checkSignaturePng(input.pngBase64);
    sql(db, 'UPDATE users SET signature_png = ?, updated_at = ? WHERE id = ?').run(png, ctx.nowIso, user.id);
    ctx.auditRef = user.name;
    return { ...user, hasSignature: png !== null };
  },

  'users.signature': (input, ctx) => {
    mayTouchSignature(ctx, input.userId);
    const row = sql(ctx.db, 'SELECT signature_png FROM users WHERE id = ?').get(input.userId) as { signature_png: Buffer | null } | undefined;
    if (!row) fail('not_found', { what: 'user', what_zh: '用户', key: input.userId });
    return { pngBase64: row!.signature_png ? Buffer.from(row!.signature_png).toString('base64') : null };
  },
} satisfies Partial<Handlers>;
