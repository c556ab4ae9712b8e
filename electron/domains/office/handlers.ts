import { fail } from '../../../shared/errors';
import { sql } from '../../store/db';
import { newKeyPair, officeRow, officeView } from '../../ledger/officeKey';
import { schemaVersion } from '../../store/migrate';
import { getUser } from '../users/auth';
import { isValidTimezone } from '../../ledger/dates';
import { DeskError } from '../../../shared/errors';
import type { Handlers } from '../context';

export const officeHandlers = {
  'office.get': (_input, ctx) => {
    const row = officeRow(ctx.db);
    return { initialised: row != null, office: row ? officeView(row) : null, schemaVersion: schemaVersion(ctx.db) };
  },

  'office.init': (input, ctx) => {
    const { db } = ctx;
    if (officeRow(db)) fail('office_already_initialised');
    if (!isValidTimezone(input.timezone))
      throw new DeskError('invalid_input', { summary_zh: `时区「${input.timezone}」无效`, summary_en: `unknown timezone "${input.timezone}"` });
    const keys = newKeyPair();
    sql(db, 'INSERT INTO office (id, name, short_name, timezone, public_key_pem, private_key_pem, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
      input.name,
      input.shortName || input.name,
      input.timezone,
      keys.publicKeyPem,
      keys.privateKeyPem,
      ctx.nowIso,
    );
    const info = sql(db, 'INSERT INTO users (name, title, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      input.admin.name,
      '系统管理员',
      ctx.auth.hashPin(input.admin.pin),
      ctx.nowIso,
      ctx.nowIso,
    );
    const adminId = Number(info.lastInsertRowid);
    sql(db, "INSERT INTO user_roles (user_id, role) VALUES (?, 'admin')").run(adminId);
    ctx.auditRef = input.name;
    return { office: officeView(officeRow(db)!), admin: getUser(db, adminId)! };
  },
} satisfies Partial<Handlers>;
