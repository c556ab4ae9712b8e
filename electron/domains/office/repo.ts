// All SQL of the office row (one row: id = 1).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { Office, ReturnsOnCard } from '../../../shared/contract';

export interface OfficeRow {
  name: string;
  short_name: string;
  timezone: string;
  public_key_pem: string;
  private_key_pem: string;
  created_at: string;
  returns_on_card: ReturnsOnCard;
  address: string;
  phone: string;
  hq_name: string;
  default_printer: string | null;
  pin_secret_id: string | null;
  pin_length: 4 | 6;
}

/** The office's details office.update may change (only the fields given). */
export interface OfficeDetails {
  name?: string;
  shortName?: string;
  address?: string;
  phone?: string;
  hqName?: string;
  defaultPrinter?: string | null;
}

const DETAIL_COLUMNS: Record<keyof OfficeDetails, string> = {
  name: 'name',
  shortName: 'short_name',
  address: 'address',
  phone: 'phone',
  hqName: 'hq_name',
  defaultPrinter: 'default_printer',
};

export function officeRow(db: ReadableDB): OfficeRow | null {
  return (sql(db, 'SELECT * FROM office WHERE id = 1').get() as OfficeRow | undefined) ?? null;
}

export function requireOffice(db: ReadableDB): OfficeRow {
  return officeRow(db) ?? fail('office_not_initialised');
}

export function officeView(row: OfficeRow): Office {
  return {
    name: row.name,
    shortName: row.short_name,
    timezone: row.timezone,
    publicKeyPem: row.public_key_pem,
    createdAt: row.created_at,
    address: row.address,
    phone: row.phone,
    hqName: row.hq_name,
    defaultPrinter: row.default_printer,
    pinLength: row.pin_length,
  };
}

export function insertOffice(db: WritableDB, o: Pick<OfficeRow, 'name' | 'short_name' | 'timezone' | 'public_key_pem' | 'private_key_pem'>, at: string): void {
  sql(db, 'INSERT INTO office (id, name, short_name, timezone, public_key_pem, private_key_pem, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
    o.name,
    o.short_name,
    o.timezone,
    o.public_key_pem,
    o.private_key_pem,
    at,
  );
}

export function setReturnsOnCard(db: WritableDB, value: ReturnsOnCard): void {
  sql(db, 'UPDATE office SET returns_on_card = ? WHERE id = 1').run(value);
}

/** The stock card's way with returns (the default before the office is set up). */
export function returnsOnCard(db: ReadableDB): ReturnsOnCard {
  return (sql(db, 'SELECT returns_on_card FROM office WHERE id = 1').pluck().get() as ReturnsOnCard | undefined) ?? 'redIssue';
}

export function updateOfficeDetails(db: WritableDB, change: OfficeDetails): void {
  const fields = (Object.keys(DETAIL_COLUMNS) as (keyof OfficeDetails)[]).filter((k) => change[k] !== undefined);
  if (!fields.length) return;
  const sets = fields.map((k) => `${DETAIL_COLUMNS[k]} = ?`).join(', ');
  sql(db, `UPDATE office SET ${sets} WHERE id = 1`).run(...fields.map((k) => change[k] ?? null));
}

/** What the setup status is judged from: how many of each the books hold, and who holds which role. */
export interface SetupFacts {
  suppliers: number;
  customers: number;
  items: number;
  /** the roles held by at least one active user */
  roles: Set<string>;
}

// Counts over the partners', items' and users' tables: a read for office.setupStatus only.
export function setupFacts(db: ReadableDB): SetupFacts {
  const count = (table: 'suppliers' | 'customers' | 'items') => sql(db, `SELECT COUNT(*) FROM ${table} WHERE active = 1`).pluck().get() as number;
  const roles = sql(db, 'SELECT DISTINCT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.active = 1').pluck().all() as string[];
  return { suppliers: count('suppliers'), customers: count('customers'), items: count('items'), roles: new Set(roles) };
}

/** How many digits a new PIN has (office.setPinLength): 4 (four to six) or 6; 4 before the office is set up. */
export function pinLength(db: ReadableDB): 4 | 6 {
  return (sql(db, 'SELECT pin_length FROM office WHERE id = 1').pluck().get() as 4 | 6 | undefined) ?? 4;
}

export function setPinLength(db: WritableDB, digits: 4 | 6): void {
  sql(db, 'UPDATE office SET pin_length = ? WHERE id = 1').run(digits);
}
