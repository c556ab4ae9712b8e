// 0003: the finance books (财务). Money accounts and the money journal (现金日记账 and the same for
// each channel), the receivables ledger with its allocations, expense claims and budgets, and the
// close of day (日结) that locks every day up to it.
//
// The ledger tables (money_journal, receivable_entries, receivable_allocations, day_closes) are
// append-only, enforced by triggers; a mistake is corrected by a red row (红字) that points at the
// original. receivable_items is derived (like stock_layers): one row per sale, collection or credit
// note with how much of it is settled, so aging and allocation are index reads; verify checks it
// against the allocations. No ledger row — stock moves included — can be dated on or before the
// last closed day (the BEFORE INSERT triggers below back up electron/ledger/daylock.ts).
import type { Migration } from './index';

const append_only = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

const day_lock = (table: string) => `
CREATE TRIGGER ${table}_day_lock BEFORE INSERT ON ${table}
WHEN NEW.business_date <= (SELECT MAX(business_date) FROM day_closes)
BEGIN SELECT RAISE(ABORT, 'day_closed: ${table} row dated on or before the last closed day'); END;`;

export const m0003Finance: Migration = {
  version: 3,
  name: 'finance',
  up(db) {
    db.exec(`
CREATE TABLE money_accounts (
  code TEXT PRIMARY KEY CHECK (code IN ('cash','wechat','alipay','bank')),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cash','noncash')),
  sort INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO money_accounts (code, name, kind, sort) VALUES
  ('cash', '库存现金', 'cash', 1), ('wechat', '微信收款', 'noncash', 2), ('alipay', '支付宝收款', 'noncash', 3), ('bank', '银行存款', 'noncash', 4);

-- Voucher (现收/现付/银收/银付) and expense claim (BX) numbers: prefix + yyyyMMdd + serial, never skipped.
CREATE TABLE voucher_series (
  prefix TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (prefix, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE expense_categories (
  name TEXT PRIMARY KEY,
  name_en TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 100,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO expense_categories (name, name_en, builtin, sort, created_at) VALUES
  ('差旅', 'travel', 1, 1, ''), ('办公用品', 'office supplies', 1, 2, ''), ('运输', 'transport', 1, 3, ''),
  ('通讯', 'communication', 1, 4, ''), ('招待', 'hospitality', 1, 5, '');

-- Expense claims (费用报销单): a document with a state, like a slip. Its payment is a journal row.
CREATE TABLE expense_claims (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL REFERENCES expense_categories(name),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  attachments INTEGER NOT NULL DEFAULT 0 CHECK (attachments >= 0),
  summary TEXT NOT NULL,
  claimant_id INTEGER NOT NULL REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('claimed','approved','paid','void')),
  business_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  approved_by INTEGER REFERENCES users(id),
  approved_at TEXT,
  paid_by INTEGER REFERENCES users(id),
  paid_at TEXT,
  paid_date TEXT,
  voided_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  void_reason TEXT,
  CHECK ((state IN ('approved','paid')) <= (approved_by IS NOT NULL)),
  CHECK ((state = 'paid') = (paid_at IS NOT NULL) OR state = 'void')
) STRICT;
CREATE INDEX expense_claims_date ON expense_claims(business_date);
CREATE INDEX expense_claims_paid ON expense_claims(paid_date) WHERE paid_date IS NOT NULL;
CREATE INDEX expense_claims_claimant ON expense_claims(claimant_id);
CREATE TRIGGER expense_claims_frozen BEFORE UPDATE ON expense_claims WHEN OLD.state = 'void'
BEGIN SELECT RAISE(ABORT, 'a void expense claim cannot be changed'); END;
CREATE TRIGGER expense_claims_no_delete BEFORE DELETE ON expense_claims
BEGIN SELECT RAISE(ABORT, 'expense claims are never deleted'); END;

CREATE TABLE expense_budgets (
  month TEXT NOT NULL,
  category TEXT NOT NULL REFERENCES expense_categories(name),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  set_by INTEGER NOT NULL REFERENCES users(id),
  set_at TEXT NOT NULL,
  PRIMARY KEY (month, category)
) STRICT;

-- Closes of day (日结). Every day up to the latest close is locked.
CREATE TABLE day_closes (
  business_date TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL REFERENCES users(id),
  finance_id INTEGER NOT NULL REFERENCES users(id),
  statistician_id INTEGER NOT NULL REFERENCES users(id),
  manager_id INTEGER REFERENCES users(id),
  expected_cash_fen INTEGER NOT NULL,
  counted_cash_fen INTEGER NOT NULL CHECK (counted_cash_fen >= 0),
  difference_fen INTEGER NOT NULL CHECK (difference_fen = counted_cash_fen - expected_cash_fen),
  adjustment_journal_id INTEGER,
  counts_json TEXT NOT NULL,
  channels_json TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  closing_json TEXT NOT NULL,
  failed_checks_json TEXT NOT NULL,
  -- SHA-256 over the day's ledger rows at the close; verify recomputes it
  rows_hash TEXT NOT NULL
) STRICT, WITHOUT ROWID;
${append_only('day_closes')}

-- The money journal: one row per receipt or payment, in posting order, with the account's balance
-- after it. A red row (红字) has the original's direction, the negated amount and reverses_id.
CREATE TABLE money_journal (
  id INTEGER PRIMARY KEY,
  account TEXT NOT NULL REFERENCES money_accounts(code),
  voucher_no TEXT NOT NULL UNIQUE,
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  balance_after_fen INTEGER NOT NULL,
  business_date TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  cause TEXT NOT NULL CHECK (cause IN ('sale','sale_refund','return_refund','collection','expense','remittance','topup','overage','shortage')),
  contra_kind TEXT NOT NULL CHECK (contra_kind IN ('slip','customer','expense','remittance','topup','day_close')),
  slip_id INTEGER REFERENCES slips(id),
  customer_id INTEGER REFERENCES customers(id),
  expense_id INTEGER REFERENCES expense_claims(id),
  reverses_id INTEGER UNIQUE REFERENCES money_journal(id),
  summary TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  CHECK ((amount_fen > 0) = (reverses_id IS NULL)),
  CHECK (account <> 'cash' OR balance_after_fen >= 0)
) STRICT;
CREATE INDEX money_journal_account_date ON money_journal(account, business_date, id, direction, amount_fen);
CREATE INDEX money_journal_date ON money_journal(business_date);
CREATE INDEX money_journal_slip ON money_journal(slip_id) WHERE slip_id IS NOT NULL;
CREATE INDEX money_journal_customer ON money_journal(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX money_journal_expense ON money_journal(expense_id) WHERE expense_id IS NOT NULL;
${append_only('money_journal')}
${day_lock('money_journal')}

-- The receivables ledger (应收款账): amount is the effect on what the customer owes
-- (sale +, collection −, credit note −); a red row negates one earlier row.
CREATE TABLE receivable_entries (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('sale','collection','credit_note')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  balance_after_fen INTEGER NOT NULL,
  slip_id INTEGER REFERENCES slips(id),
  journal_id INTEGER REFERENCES money_journal(id),
  reverses_id INTEGER UNIQUE REFERENCES receivable_entries(id),
  override_by INTEGER REFERENCES users(id),
  business_date TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  summary TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'sale') = (amount_fen > 0) OR reverses_id IS NOT NULL),
  CHECK (kind <> 'collection' OR journal_id IS NOT NULL OR reverses_id IS NOT NULL)
) STRICT;
CREATE INDEX receivable_entries_customer ON receivable_entries(customer_id, id);
CREATE INDEX receivable_entries_customer_date ON receivable_entries(customer_id, business_date, id);
CREATE INDEX receivable_entries_date ON receivable_entries(business_date);
CREATE INDEX receivable_entries_slip ON receivable_entries(slip_id) WHERE slip_id IS NOT NULL;
${append_only('receivable_entries')}
${day_lock('receivable_entries')}

-- Which credit (collection, credit note) settles which debit (credit sale), and how much.
-- A negative row releases an earlier allocation (when either side is reversed).
CREATE TABLE receivable_allocations (
  id INTEGER PRIMARY KEY,
  debit_entry_id INTEGER NOT NULL REFERENCES receivable_entries(id),
  credit_entry_id INTEGER NOT NULL REFERENCES receivable_entries(id),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  business_date TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX receivable_allocations_debit ON receivable_allocations(debit_entry_id);
CREATE INDEX receivable_allocations_credit ON receivable_allocations(credit_entry_id);
CREATE INDEX receivable_allocations_date ON receivable_allocations(business_date);
${append_only('receivable_allocations')}
${day_lock('receivable_allocations')}

-- Derived: each original sale (debit) or collection/credit note (credit) with what of it is settled.
-- Fully determined by receivable_entries and receivable_allocations (verify checks it).
CREATE TABLE receivable_items (
  entry_id INTEGER PRIMARY KEY REFERENCES receivable_entries(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  side TEXT NOT NULL CHECK (side IN ('debit','credit')),
  slip_id INTEGER REFERENCES slips(id),
  business_date TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  settled_fen INTEGER NOT NULL DEFAULT 0 CHECK (settled_fen >= 0 AND settled_fen <= amount_fen),
  reversed INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1)),
  CHECK (reversed = 0 OR settled_fen = 0)
) STRICT;
CREATE INDEX receivable_items_open ON receivable_items(side, customer_id, business_date, entry_id, amount_fen, settled_fen)
  WHERE reversed = 0 AND settled_fen < amount_fen;
CREATE INDEX receivable_items_slip ON receivable_items(slip_id) WHERE slip_id IS NOT NULL;

-- Stock moves are ledger rows too: none may be dated into a closed day.
${day_lock('stock_moves')}
`);
  },
};
