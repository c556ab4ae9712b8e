// The one check of a method's `access` against the caller's roles: the core runs it before every
// call (core/access.ts), and a method that reads on behalf of another (export.grid reads a grid's
// rows as its read method would) runs it for that method, so both refuse the same people alike.

import type { Access } from './schemas/common';
import { DeskError } from './errors';
import { ROLE_ZH, type Role } from './roles';

/** Throws not_logged_in or forbidden unless a user with these roles may call a method with this access. */
export function requireAccess(method: string, access: Access, user: { roles: readonly Role[] } | null): void {
  if (access === 'public') return;
  if (!user) throw new DeskError('not_logged_in');
  if (access !== 'any' && !user.roles.some((r) => access.includes(r))) throw new DeskError('forbidden', { method, roles: access.map((r) => ROLE_ZH[r]) });
}
