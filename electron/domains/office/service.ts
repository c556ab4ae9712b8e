// Setting up the office: its row, its Ed25519 signing key and the first administrator; then its
// details (office.update) and what it still lacks (office.setupStatus).

import type { Output, ParsedInput } from '../../../shared/contract';
import { newOfficeKey, putKeyInForce } from '../../ledger/officeKey';
import { setOfficePinSecret, vaultOf } from '../../ledger/officeSecrets';
import { requireNewPin } from '../users/rules';
import type { ReadCtx, WriteCtx } from '../context';
import { printSettingsSaved } from '../documents/repo';
import { openingStatus } from '../opening/repo';
import { getUser, insertUser, setRoles } from '../users/repo';
import { insertOffice, officeRow, officeView, requireOffice, setupFacts, updateOfficeDetails } from './repo';
import { requireNoOffice, requireTimezone, setupMissing } from './rules';

export function initOffice(ctx: WriteCtx, input: ParsedInput<'office.init'>): Output<'office.init'> {
  const { db } = ctx;
  requireNoOffice(db);
  requireTimezone(input.timezone);
  requireNewPin(db, input.admin.pin, 'office.init', ['admin', 'pin']);
  // the secrets go to the vault first; the books then name them (the private key never enters the database)
  const publicKeyPem = newOfficeKey(db);
  const pinSecretId = vaultOf(db).newPinSecret();
  insertOffice(
    db,
    { name: input.name, short_name: input.shortName || input.name, timezone: input.timezone, public_key_pem: publicKeyPem, private_key_pem: '' },
    ctx.nowIso,
  );
  putKeyInForce(db, publicKeyPem, ctx.nowIso);
  setOfficePinSecret(db, pinSecretId);
  const adminId = insertUser(db, { name: input.admin.name, title: '系统管理员', pinHash: ctx.auth.hashPin(db, input.admin.pin), at: ctx.nowIso });
  setRoles(db, adminId, ['admin']);
  ctx.auditRef = input.name;
  return { office: officeView(officeRow(db)!), admin: getUser(db, adminId)! };
}

/** office.update: the details given change, the rest stay; the audit row names what changed. */
export function updateOffice(ctx: WriteCtx, input: ParsedInput<'office.update'>): Output<'office.update'> {
  requireOffice(ctx.db);
  updateOfficeDetails(ctx.db, input);
  ctx.auditRef = Object.keys(input).join(',') || '-';
  return officeView(requireOffice(ctx.db));
}

/** office.setupStatus: the books read once, judged by the rules. */
export function setupStatus(ctx: ReadCtx): Output<'office.setupStatus'> {
  const { db } = ctx;
  const row = requireOffice(db);
  const facts = setupFacts(db);
  const opening = openingStatus(db, ctx.businessDate);
  const openingPending = !opening.closed && !opening.stock && !opening.receivables.length && !opening.cash.length;
  const missing = setupMissing({
    office: { address: row.address, phone: row.phone, hqName: row.hq_name },
    ...facts,
    openingPending,
    printSettingsSaved: printSettingsSaved(db),
  });
  return { missing };
}
