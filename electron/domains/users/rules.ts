// The rules of auth.* and users.* beside the contract's `access`: who may touch whose signature,
// the last administrator, what a signature image must be, and how long a person waits after wrong PINs.

import { fail } from '../../../shared/errors';
import type { PinSignoff, User } from '../../../shared/contract';
import { PRIVILEGED_ROLES, ROLE_ZH, type Role } from '../../../shared/roles';
import type { ReadableDB } from '../../store/db';
import { actor, type Ctx, type WriteCtx } from '../context';
import { fieldLabel } from '../../../shared/fieldLabels';
import { pinLength } from '../office/repo';
import { activeAdminCount, secondSigners } from './repo';

/** admin and manager may read/set anyone's signature; everyone else only their own */
export function mayTouchSignature(ctx: Ctx, userId: number): void {
  const me = actor(ctx);
  if (me.id !== userId && !me.roles.some((r) => r === 'admin' || r === 'manager'))
    fail('forbidden', { method: 'users.setSignature', roles: ['admin', 'manager'] });
}

/**
 * A new or changed PIN: digits only, as many as the office asks (office.setPinLength): with 4, four
 * to six digits (a longer PIN is never refused); with 6, six. Existing PINs keep working either way.
 */
export function requireNewPin(db: ReadableDB, pin: string, method: string, path: string[]): void {
  const digits = pinLength(db);
  if (/^[0-9]+$/.test(pin) && pin.length >= digits && pin.length <= 6) return;
  const label = fieldLabel(method, path) ?? { zh: 'PIN', en: 'PIN' };
  fail('pin_length', { field: path.join('.'), field_zh: label.zh, field_en: label.en, digits });
}

/** The office always keeps one active administrator. */
export function keepLastAdmin(db: ReadableDB, user: User, change: { active?: boolean; roles?: readonly string[] }): void {
  const losesAdmin =
    user.roles.includes('admin') && user.active && (change.active === false || (change.roles !== undefined && !change.roles.includes('admin')));
  if (losesAdmin && activeAdminCount(db) <= 1) fail('last_admin');
}

/** No one changes their own roles (another administrator or the manager does it). */
export function notOwnRoles(ctx: Ctx, user: User, roles: readonly string[] | undefined): void {
  if (roles === undefined || actor(ctx).id !== user.id) return;
  const same = roles.length === user.roles.length && roles.every((r) => (user.roles as readonly string[]).includes(r));
  if (!same) fail('own_roles', { user: user.name });
}

/**
 * Granting manager, finance or admin: an administrator does it, and a second person — another
 * active administrator or manager, not the one granting nor the one receiving — confirms with a PIN.
 * While the office has no such second person (its first manager), the administrator alone may.
 * Returns who confirmed (for the audit row's reference), or null.
 */
export function requireGrantSignoff(
  ctx: WriteCtx,
  grant: { userId: number | null; before: readonly Role[]; after: readonly Role[] },
  second: PinSignoff | undefined,
): string | null {
  const added = grant.after.filter((r) => PRIVILEGED_ROLES.includes(r) && !grant.before.includes(r));
  if (added.length === 0) return null;
  const me = actor(ctx);
  const roles_zh = added.map((r) => ROLE_ZH[r]).join('、');
  if (!me.roles.includes('admin')) fail('grant_needs_admin', { roles_zh, roles: added.join(', ') });
  const others = secondSigners(ctx.db, [me.id, grant.userId ?? -1]);
  if (others === 0) return null;
  if (!second) fail('slip_field_required', { field: 'secondPin', field_zh: `第二人确认 (授予${roles_zh})` });
  const u = ctx.auth.checkPin(ctx.db, second.user, second.pin);
  if (u.id === me.id || u.id === grant.userId) fail('grant_second_person', { user: u.name });
  if (!u.roles.some((r) => r === 'admin' || r === 'manager')) fail('role_not_held', { user: u.name, role: 'admin or manager', role_zh: '管理员或经理' });
  return u.name;
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
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR') badImage('必须是 PNG 格式', 'must be a PNG file');
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  if (w < 1 || h < 1) badImage('尺寸无效', 'has no size');
  if (w > SIGNATURE_MAX_W || h > SIGNATURE_MAX_H)
    badImage(
      `尺寸过大 (${w}×${h} 像素), 最大 ${SIGNATURE_MAX_W}×${SIGNATURE_MAX_H}`,
      `is too big (${w}×${h} px; at most ${SIGNATURE_MAX_W}×${SIGNATURE_MAX_H})`,
    );
  return png;
}

// ---------------------------------------------------------------- wrong PINs

/** Wrong PINs a person may type before the desk makes them wait. */
export const FREE_PIN_TRIES = 3;
/** The wait after the first wrong PIN past the free ones; each further one doubles it. */
export const FIRST_PIN_WAIT_MS = 15_000;
/** The longest wait: a stranger typing wrong PINs for someone delays them by this at most. */
export const MAX_PIN_WAIT_MS = 5 * 60_000;
/** A day without a wrong PIN starts the count over. */
export const PIN_FAILURES_FORGOTTEN_MS = 24 * 3600_000;

/**
 * How long no PIN of a person is tried after their `failures`-th wrong one in a row: nothing for
 * the first few, then 15 s, 30 s, 1 min … up to 5 min. A 4-digit PIN then takes weeks to guess,
 * while the person themself waits minutes at most and a right PIN clears it all.
 */
export function pinWaitMs(failures: number): number {
  if (failures <= FREE_PIN_TRIES) return 0;
  return Math.min(FIRST_PIN_WAIT_MS * 2 ** (failures - FREE_PIN_TRIES - 1), MAX_PIN_WAIT_MS);
}

/** The wrong PINs in a row that count now: none when the last was more than a day ago. */
export function failuresInRow(row: { failures: number; last_failed_at: string } | undefined, now: Date): number {
  if (!row) return 0;
  return now.getTime() - Date.parse(row.last_failed_at) > PIN_FAILURES_FORGOTTEN_MS ? 0 : row.failures;
}
