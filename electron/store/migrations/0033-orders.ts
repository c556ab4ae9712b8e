// 0033: order planning (订货规划表) and requisitions to HQ (要货单, issue #14 B and C).
// - items.lead_days: HQ's lead time for the item (NULL: the office's default, office.lead_days).
// - order_plans / order_plan_lines: a plan the manager edits and signs with the PIN; a signed plan
//   is frozen (its lines and figures never change; triggers), a draft may be replaced.
// - requisitions / requisition_lines: a requisition numbered YH from the slips' series, made from a
//   signed plan or by hand; it moves no stock and no money. Signed by the manager; cancelled or
//   closed short by the manager as a recorded change of state, never deleted.
// - slips.requisition_id: the requisition an inbound slip delivers against.
//
// Numbered 0033 for this round of work; its version is its place in the list.
import type { Migration } from './index';

export const m0033Orders: Migration = {
  version: 32,
  name: 'orders',
  up(db) {
    db.exec(`
ALTER TABLE items ADD COLUMN lead_days INTEGER CHECK (lead_days IS NULL OR lead_days BETWEEN 0 AND 365);
ALTER TABLE office ADD COLUMN lead_days INTEGER NOT NULL DEFAULT 7 CHECK (lead_days BETWEEN 0 AND 365);

CREATE TABLE order_plans (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  window_days INTEGER NOT NULL CHECK (window_days > 0),
  cover_days INTEGER NOT NULL CHECK (cover_days >= 0),
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','signed')),
  memo TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  signed_by INTEGER REFERENCES users(id),
  signed_at TEXT,
  CHECK ((state = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL))
) STRICT;
CREATE TABLE order_plan_lines (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES order_plans(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  on_hand INTEGER NOT NULL,
  on_order INTEGER NOT NULL CHECK (on_order >= 0),
  sold_qty INTEGER NOT NULL,
  avg_daily_milli INTEGER NOT NULL CHECK (avg_daily_milli >= 0),
  safety_stock INTEGER NOT NULL CHECK (safety_stock >= 0),
  lead_days INTEGER NOT NULL CHECK (lead_days >= 0),
  pack_qty INTEGER NOT NULL CHECK (pack_qty >= 1),
  suggested INTEGER NOT NULL CHECK (suggested >= 0),
  qty INTEGER NOT NULL CHECK (qty >= 0),
  UNIQUE (plan_id, item_id)
) STRICT;
CREATE TRIGGER order_plans_signed_frozen BEFORE UPDATE ON order_plans WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed order plan is frozen'); END;
CREATE TRIGGER order_plans_no_delete BEFORE DELETE ON order_plans BEGIN SELECT RAISE(ABORT, 'order plans are never deleted'); END;
CREATE TRIGGER order_plan_lines_signed_update BEFORE UPDATE ON order_plan_lines
WHEN (SELECT state FROM order_plans WHERE id = OLD.plan_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed order plan is frozen'); END;
CREATE TRIGGER order_plan_lines_signed_delete BEFORE DELETE ON order_plan_lines
WHEN (SELECT state FROM order_plans WHERE id = OLD.plan_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed order plan is frozen'); END;
CREATE TRIGGER order_plan_lines_signed_insert BEFORE INSERT ON order_plan_lines
WHEN (SELECT state FROM order_plans WHERE id = NEW.plan_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed order plan is frozen'); END;

CREATE TABLE requisitions (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  business_date TEXT NOT NULL,
  plan_id INTEGER REFERENCES order_plans(id),
  memo TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','signed','cancelled','closed')),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  signed_by INTEGER REFERENCES users(id),
  signed_at TEXT,
  content_hash TEXT,
  signature TEXT,
  ended_by INTEGER REFERENCES users(id),
  ended_at TEXT,
  end_reason TEXT,
  CHECK ((state = 'draft') = (signed_by IS NULL)),
  CHECK ((state IN ('cancelled','closed')) = (ended_by IS NOT NULL AND ended_at IS NOT NULL))
) STRICT;
CREATE INDEX requisitions_state ON requisitions(state, id);
CREATE TABLE requisition_lines (
  id INTEGER PRIMARY KEY,
  requisition_id INTEGER NOT NULL REFERENCES requisitions(id),
  line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  expected_date TEXT NOT NULL CHECK (expected_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  UNIQUE (requisition_id, line_no)
) STRICT;
CREATE INDEX requisition_lines_req ON requisition_lines(requisition_id, item_id);
CREATE TRIGGER requisitions_ended_frozen BEFORE UPDATE ON requisitions WHEN OLD.state IN ('cancelled','closed')
BEGIN SELECT RAISE(ABORT, 'a cancelled or closed requisition is never changed'); END;
CREATE TRIGGER requisitions_signed_content BEFORE UPDATE ON requisitions
WHEN OLD.state = 'signed' AND (NEW.no IS NOT OLD.no OR NEW.business_date IS NOT OLD.business_date OR NEW.plan_id IS NOT OLD.plan_id
  OR NEW.memo IS NOT OLD.memo OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at IS NOT OLD.signed_at
  OR NEW.content_hash IS NOT OLD.content_hash OR NEW.signature IS NOT OLD.signature OR NEW.state = 'draft')
BEGIN SELECT RAISE(ABORT, 'a signed requisition is frozen'); END;
CREATE TRIGGER requisitions_no_delete BEFORE DELETE ON requisitions BEGIN SELECT RAISE(ABORT, 'requisitions are never deleted'); END;
CREATE TRIGGER requisition_lines_frozen_update BEFORE UPDATE ON requisition_lines
WHEN (SELECT state FROM requisitions WHERE id = OLD.requisition_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed requisition is frozen'); END;
CREATE TRIGGER requisition_lines_frozen_delete BEFORE DELETE ON requisition_lines
WHEN (SELECT state FROM requisitions WHERE id = OLD.requisition_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed requisition is frozen'); END;
CREATE TRIGGER requisition_lines_frozen_insert BEFORE INSERT ON requisition_lines
WHEN (SELECT state FROM requisitions WHERE id = NEW.requisition_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed requisition is frozen'); END;

ALTER TABLE slips ADD COLUMN requisition_id INTEGER REFERENCES requisitions(id);
CREATE INDEX slips_requisition ON slips(requisition_id) WHERE requisition_id IS NOT NULL;
`);
  },
};
