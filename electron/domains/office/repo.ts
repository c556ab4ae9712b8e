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
}

export function officeRow(db: ReadableDB): OfficeRow | null {
  return (sql(db, 'SELECT * FROM office WHERE id = 1').get() as OfficeRow | undefined) ?? null;
}

export function requireOffice(db: ReadableDB): OfficeRow {
  return officeRow(db) ?? fail('office_not_initialised');
}

export function officeView(row: OfficeRow): Office {
  return { name: row.name, shortName: row.short_name, timezone: row.timezone, publicKeyPem: row.public_key_pem, createdAt: row.created_at };
}

export function insertOffice(db: WritableDB, o: Omit<OfficeRow, 'created_at' | 'returns_on_card'>, at: string): void {
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
