// 0011 (opening): opening balances (期初建账, issue #10).
// - slips.kind may be 'opening': the one slip that brings the opening stock in, one FIFO layer per
//   line holding exactly the amount entered (signed by the manager, posted at once).
// - money_journal.cause / contra_kind may be 'opening': the opening figure of each money account.
// - opening_receivables: which receivable entries are the customers' opening debts, with the
//   original sale's date (the entry is dated that day, so aging is right from day one) and its
//   document reference. verify (domains/opening/verify.ts) checks them against receivable_entries.
// SQLite cannot widen a CHECK in place, so slips and money_journal are copied as SQLite's documented
// procedure says, their indexes and triggers recreated from sqlite_schema as they were (foreign keys
// off; migrate.ts runs foreign_key_check before the commit).
import type { DB } from '../db';
import type { Migration } from './index';

/** Rebuild `table` with `from` replaced by `to` in its CREATE statement; indexes and triggers kept. */
export function widenCheck(db: DB, table: string, changes: [from: string, to: string][]): void {
  let create = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  for (const [from, to] of changes) {
    if (!create.includes(from)) throw new Error(`0011: ${table} has no "${from}"`);
    create = create.replace(from, to);
  }
  const attached = db
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck()
    .all(table) as string[];
  db.exec(create.replace(/^CREATE TABLE "?\w+"?/, `CREATE TABLE ${table}_new`));
  db.exec(`INSERT INTO ${table}_new SELECT * FROM ${table}`);
  // other tables' triggers name this table; the legacy rename leaves them as they are
  db.pragma('legacy_alter_table = ON');
  db.exec(`DROP TABLE ${table}; ALTER TABLE ${table}_new RENAME TO ${table};`);
  db.pragma('legacy_alter_table = OFF');
  for (const s of attached) db.exec(s);
}

/** A column's CHECK list (`col IN (...)`) with values added, whatever later migrations have added before. */
export function addToCheckList(db: DB, table: string, column: string, values: string[]): void {
  const create = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  const list = new RegExp(`${column} IN \\(([^)]*)\\)`).exec(create);
  if (!list) throw new Error(`${table} has no ${column} CHECK list`);
  widenCheck(db, table, [[list[0], `${column} IN (${list[1]},${values.map((v) => `'${v}'`).join(',')})`]]);
}

export const m0011Opening: Migration = {
  version: 11,
  name: 'opening',
  foreignKeysOff: true,
  up(db) {
    widenCheck(db, 'slips', [["'return','reversal')", "'return','reversal','opening')"]]);
    widenCheck(db, 'money_journal', [
      ["'overage_returned')", "'overage_returned','opening')"],
      ["'day_close','suspense')", "'day_close','suspense','opening')"],
    ]);
    db.exec(`
CREATE TABLE opening_receivables (
  entry_id INTEGER PRIMARY KEY REFERENCES receivable_entries(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  sale_date TEXT NOT NULL,
  doc_ref TEXT NOT NULL DEFAULT '',
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0)
) STRICT;
CREATE TRIGGER opening_receivables_no_update BEFORE UPDATE ON opening_receivables
BEGIN SELECT RAISE(ABORT, 'opening_receivables is append-only'); END;
CREATE TRIGGER opening_receivables_no_delete BEFORE DELETE ON opening_receivables
BEGIN SELECT RAISE(ABORT, 'opening_receivables is append-only'); END;
-- one opening slip
CREATE UNIQUE INDEX slips_one_opening ON slips(kind) WHERE kind = 'opening' AND state <> 'void';
`);
  },
};
