// Users (one person may hold several roles, 兼任), their PINs and signature images.

import { fail } from '../../../shared/errors';
import type { ParsedInput, User } from '../../../shared/contract';
import type { WriteCtx } from '../context';
import { officePinSecret, setOfficePinSecret, vaultOf } from '../../ledger/officeSecrets';
import { clearPinFailures, findUserRow, getUser, insertUser, setRoles, updateUserColumn, userNameTaken } from './repo';
import { checkSignaturePng, keepLastAdmin, notOwnRoles, requireGrantSignoff, requireNewPin } from './rules';

const userNotFound = (key: unknown): never => fail('not_found', { what: 'user', what_zh: '用户', key });

export function createUser(ctx: WriteCtx, input: ParsedInput<'users.create'>): User {
  const { db } = ctx;
  if (userNameTaken(db, input.name)) fail('duplicate', { what: 'user', what_zh: '用户', key: input.name });
  requireNewPin(db, input.pin, 'users.create', ['pin']);
  const second = requireGrantSignoff(ctx, { userId: null, before: [], after: input.roles }, input.secondPin);
  const id = insertUser(db, { name: input.name, title: input.title, pinHash: ctx.auth.hashPin(db, input.pin), at: ctx.nowIso });
  setRoles(db, id, input.roles);
  ctx.auditRef = withSecond(input.name, second);
  return getUser(db, id)!;
}

export function updateUser(ctx: WriteCtx, input: ParsedInput<'users.update'>): User {
  const { db } = ctx;
  const user = getUser(db, input.userId) ?? userNotFound(input.userId);
  notOwnRoles(ctx, user, input.roles);
  if (input.pin !== undefined) requireNewPin(db, input.pin, 'users.update', ['pin']);
  keepLastAdmin(db, user, input);
  const second = input.roles ? requireGrantSignoff(ctx, { userId: user.id, before: user.roles, after: input.roles }, input.secondPin) : null;
  if (input.title !== undefined) updateUserColumn(db, user.id, 'title', input.title, ctx.nowIso);
  if (input.active !== undefined) updateUserColumn(db, user.id, 'active', input.active ? 1 : 0, ctx.nowIso);
  if (input.pin !== undefined) updateUserColumn(db, user.id, 'pin_hash', ctx.auth.hashPin(db, input.pin), ctx.nowIso);
  if (input.roles !== undefined) setRoles(db, user.id, input.roles);
  if (input.active === false || input.pin !== undefined) ctx.auth.endSessionsOf(user.id);
  ctx.auditRef = withSecond(user.name, second);
  return getUser(db, user.id)!;
}

/** The audit row names who confirmed a grant (the PIN itself is redacted). */
const withSecond = (name: string, second: string | null) => (second ? `${name} (第二人确认: ${second})` : name);

export function setSignature(ctx: WriteCtx, input: ParsedInput<'users.setSignature'>): User {
  const user = getUser(ctx.db, input.userId) ?? userNotFound(input.userId);
  const png = input.pngBase64 === null ? null : checkSignaturePng(input.pngBase64);
  updateUserColumn(ctx.db, user.id, 'signature_png', png, ctx.nowIso);
  ctx.auditRef = user.name;
  return { ...user, hasSignature: png !== null };
}

/**
 * `desk reset-pin` (the CLI on the PC that holds the database, never a door): an administrator's
 * new PIN when nobody can log in, because this PC lacks the PIN secret and there is no key backup.
 * A PC without the office's PIN secret gets a new one; the other users' PINs then wait for the
 * administrator (users.update) or for the key backup (office.importKeys), whichever comes first.
 */
export function resetAdminPin(ctx: WriteCtx, name: string, pin: string): { user: User; newPinSecret: boolean } {
  const { db } = ctx;
  const row = findUserRow(db, name);
  const user = row ? getUser(db, row.id) : undefined;
  if (!user || !user.active || !user.roles.includes('admin')) fail('not_found', { what: 'active administrator', what_zh: '在用的管理员', key: name });
  requireNewPin(db, pin, 'users.update', ['pin']);
  const newPinSecret = officePinSecret(db).secret === null;
  if (newPinSecret) setOfficePinSecret(db, vaultOf(db).newPinSecret());
  updateUserColumn(db, user.id, 'pin_hash', ctx.auth.hashPin(db, pin), ctx.nowIso);
  clearPinFailures(db, user.id);
  ctx.auth.endSessionsOf(user.id);
  ctx.auditRef = `${user.name} (本机重设 PIN${newPinSecret ? ', 新 PIN 密钥' : ''})`;
  return { user, newPinSecret };
}
