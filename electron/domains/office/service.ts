// Setting up the office: its row, its Ed25519 signing key and the first administrator.

import type { Output, ParsedInput } from '../../../shared/contract';
import { newKeyPair } from '../../ledger/officeKey';
import type { WriteCtx } from '../context';
import { getUser, insertUser, setRoles } from '../users/repo';
import { insertOffice, officeRow, officeView } from './repo';
import { requireNoOffice, requireTimezone } from './rules';

export function initOffice(ctx: WriteCtx, input: ParsedInput<'office.init'>): Output<'office.init'> {
  const { db } = ctx;
  requireNoOffice(db);
  requireTimezone(input.timezone);
  const keys = newKeyPair();
  insertOffice(
    db,
    {
      name: input.name,
      short_name: input.shortName || input.name,
      timezone: input.timezone,
      public_key_pem: keys.publicKeyPem,
      private_key_pem: keys.privateKeyPem,
    },
    ctx.nowIso,
  );
  const adminId = insertUser(db, { name: input.admin.name, title: '系统管理员', pinHash: ctx.auth.hashPin(input.admin.pin), at: ctx.nowIso });
  setRoles(db, adminId, ['admin']);
  ctx.auditRef = input.name;
  return { office: officeView(officeRow(db)!), admin: getUser(db, adminId)! };
}
