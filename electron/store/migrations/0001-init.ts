// 0001: the office, people, master data, slips with signatures, the FIFO stock ledger and the
// audit chain. The ledger tables are append-only, enforced by triggers: a posted slip, a stock
// move and an audit row can never be updated or deleted, only reversed by new rows.
import type { Migration } from './index';

const append_only = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

export const m0001Init: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  timezone TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('manager','finance','statistician','keeper','shipper','driver','sales','admin')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  spec TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL,
  safety_stock INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
  price_fen INTEGER NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
  pinyin TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE item_barcodes (
  code TEXT PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  pack_qty INTEGER NOT NULL DEFAULT 1 CHECK (pack_qty >= 1)
) STRICT;
CREATE INDEX item_barcodes_item ON item_barcodes(item_id);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  credit_limit_fen INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit_fen >= 0),
  pinyin TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Slip numbers: prefix + yyyyMMdd + serial, taken when a draft is opened, never skipped or reused.
CREATE TABLE number_series (
  prefix TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (prefix, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE slips (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('inbound','dispatch','return','reversal')),
  state TEXT NOT NULL CHECK (state IN ('draft','posted','void')),
  business_date TEXT NOT NULL,
  supplier_id INTEGER REFERENCES suppliers(id),
  customer_id INTEGER REFERENCES customers(id),
  delivery_note_no TEXT,
  payment_mode TEXT CHECK (payment_mode IN ('cash','wechat','alipay','bank','credit')),
  source_slip_id INTEGER REFERENCES slips(id),
  memo TEXT NOT NULL DEFAULT '',
  reason TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  posted_by INTEGER REFERENCES users(id),
  posted_at TEXT,
  post_seq INTEGER UNIQUE,
  voided_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  CHECK ((state = 'posted') = (post_seq IS NOT NULL))
) STRICT;
CREATE INDEX slips_kind_date ON slips(kind, business_date);
CREATE INDEX slips_date ON slips(business_date);
CREATE INDEX slips_customer ON slips(customer_id, business_date);
CREATE INDEX slips_source ON slips(source_slip_id);
CREATE UNIQUE INDEX slips_one_reversal ON slips(source_slip_id) WHERE kind = 'reversal';

-- Only a draft may change; a posted or voided slip is frozen for good.
CREATE TRIGGER slips_frozen BEFORE UPDATE ON slips WHEN OLD.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a posted or voided slip cannot be changed'); END;
CREATE TRIGGER slips_no_delete BEFORE DELETE ON slips
BEGIN SELECT RAISE(ABORT, 'slips are never deleted'); END;

CREATE TABLE slip_lines (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a pick list names lines by id
  slip_id INTEGER NOT NULL REFERENCES slips(id),
  line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  unit_cost_fen INTEGER CHECK (unit_cost_fen >= 0),
  price_fen INTEGER CHECK (price_fen >= 0),
  amount_fen INTEGER NOT NULL,
  source_line_id INTEGER REFERENCES slip_lines(id),
  memo TEXT NOT NULL DEFAULT '',
  -- set when posted: what actually moved (a dispatch or return may be short-picked, confirmed by the keeper)
  shipped_qty INTEGER CHECK (shipped_qty >= 0 AND shipped_qty <= qty),
  UNIQUE (slip_id, line_no)
) STRICT;
CREATE INDEX slip_lines_source ON slip_lines(source_line_id);
CREATE INDEX slip_lines_item ON slip_lines(item_id);

CREATE TRIGGER slip_lines_frozen_insert BEFORE INSERT ON slip_lines
WHEN (SELECT state FROM slips WHERE id = NEW.slip_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'lines of a posted or voided slip cannot be changed'); END;
CREATE TRIGGER slip_lines_frozen_update BEFORE UPDATE ON slip_lines
WHEN (SELECT state FROM slips WHERE id = OLD.slip_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'lines of a posted or voided slip cannot be changed'); END;
CREATE TRIGGER slip_lines_frozen_delete BEFORE DELETE ON slip_lines
WHEN (SELECT state FROM slips WHERE id = OLD.slip_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'lines of a posted or voided slip cannot be changed'); END;

-- A signature is kept for good; editing a signed draft marks it dropped.
CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  slip_id INTEGER NOT NULL REFERENCES slips(id),
  role TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  signed_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  dropped_at TEXT
) STRICT;
CREATE UNIQUE INDEX signatures_live ON signatures(slip_id, role) WHERE dropped_at IS NULL;
CREATE TRIGGER signatures_keep BEFORE UPDATE ON signatures
WHEN OLD.dropped_at IS NOT NULL OR NEW.slip_id <> OLD.slip_id OR NEW.role <> OLD.role OR NEW.user_id <> OLD.user_id
  OR NEW.signed_at <> OLD.signed_at OR NEW.content_hash <> OLD.content_hash OR NEW.signature <> OLD.signature
BEGIN SELECT RAISE(ABORT, 'a signature can only be dropped, never changed'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;

-- FIFO layers: one per receipt. remaining_* is the only mutable state of the stock books, and it
-- is fully determined by the moves on the layer (verify checks it).
CREATE TABLE stock_layers (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  in_qty INTEGER NOT NULL CHECK (in_qty > 0),
  in_amount_fen INTEGER NOT NULL CHECK (in_amount_fen >= 0),
  remaining_qty INTEGER NOT NULL CHECK (remaining_qty >= 0 AND remaining_qty <= in_qty),
  remaining_amount_fen INTEGER NOT NULL CHECK (remaining_amount_fen >= 0 AND remaining_amount_fen <= in_amount_fen)
) STRICT;
CREATE INDEX stock_layers_open ON stock_layers(item_id, id) WHERE remaining_qty > 0;

-- Stock moves in posting order. An 'out' move is one take from one layer; a reversal is a move
-- of the same direction with negative qty and amount (红字). Each row carries the item's balance
-- after it, so a stock card is a range read.
CREATE TABLE stock_moves (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  slip_id INTEGER NOT NULL REFERENCES slips(id),
  slip_line_id INTEGER NOT NULL REFERENCES slip_lines(id),
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  qty INTEGER NOT NULL CHECK (qty <> 0),
  amount_fen INTEGER NOT NULL,
  layer_id INTEGER NOT NULL REFERENCES stock_layers(id),
  source_move_id INTEGER REFERENCES stock_moves(id),
  business_date TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  balance_qty INTEGER NOT NULL CHECK (balance_qty >= 0),
  balance_amount_fen INTEGER NOT NULL CHECK (balance_amount_fen >= 0)
) STRICT;
CREATE INDEX stock_moves_item ON stock_moves(item_id, id);
-- Business dates never go back in posting order (fifo.ts refuses it), so a date maps to a range
-- of move ids through this one small, append-ordered index; per item, (item_id, id) does the rest.
CREATE INDEX stock_moves_date ON stock_moves(business_date);
CREATE INDEX stock_moves_slip ON stock_moves(slip_id);
CREATE INDEX stock_moves_line ON stock_moves(slip_line_id);
CREATE INDEX stock_moves_source ON stock_moves(source_move_id) WHERE source_move_id IS NOT NULL;
${append_only('stock_moves')}

-- Who did what: one row per successful write, each chained to the previous by SHA-256.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  roles TEXT NOT NULL,
  method TEXT NOT NULL,
  input_json TEXT NOT NULL,
  ref TEXT,
  request_id TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
${append_only('audit_log')}

-- Idempotency: the answer given to each client request id, so a retry gets the same answer.
CREATE TABLE requests (
  request_id TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  -- SHA-256 of method, caller and input: a request id reused for anything else is refused
  fingerprint TEXT NOT NULL,
  response_json TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
${append_only('requests')}
`);
  },
};
