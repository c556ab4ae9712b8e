// Who is calling, and may they call this method: the session's user (an unknown, expired or
// deactivated session is nobody) and the contract's `access` for the method.

import type { ReadableDB } from '../store/db';
import type { SessionUser } from '../domains/context';
import type { AuthService } from '../domains/users/auth';
import { getUser } from '../domains/users/repo';

export function sessionUser(auth: AuthService, db: ReadableDB, sessionToken: string | undefined): SessionUser | null {
  const userId = auth.sessionUser(sessionToken);
  if (userId == null) return null;
  const u = getUser(db, userId);
  if (u && u.active) return { id: u.id, name: u.name, roles: u.roles };
  auth.endSession(sessionToken ?? null);
  return null;
}

/** Checked before anything touches the database's contents (shared/access.ts: export.grid asks it too). */
export { requireAccess } from '../../shared/access';
