// 0020: pending refunds (待付退款). Money leaves the cash box only on finance's signature: posting a
// customer return refunded in cash or a channel, or a short-picked cash sale, makes a refund that
// waits here (pending) until the finance supervisor confirms it with the PIN; the confirmation
// writes the journal row (现付/银付) on the business day it is given and keeps its id. Reversing the
// slip before that cancels the refund (no money moved). One refund per slip.
//
// A refund row changes only from pending, once, to paid or cancelled, and only in the columns that
// say so; a settled refund never changes and no refund is deleted (triggers). No refund is made or
// paid on or before the last closed day.
//
// Numbered 0020 for this round of work; its version is its place in the list (the lead renumbers
// the version when 0018 and 0019 are merged before it).
import type { Migration } from './index';

export const m0020Refunds: Migration = {
  version: 20,
  name: 'refunds',
  up(db) {
    db.exec(`
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  slip_id INTEGER NOT NULL UNIQUE REFERENCES slips(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  cause TEXT NOT NULL CHECK (cause IN ('sale_refund','return_refund')),
  account TEXT NOT NULL REFERENCES money_accounts(code),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  summary TEXT NOT NULL,
  business_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','paid','cancelled')),
  confirmed_by INTEGER REFERENCES users(id),
  confirmed_at TEXT,
  paid_date TEXT,
  signature TEXT,
  journal_id INTEGER UNIQUE REFERENCES money_journal(id),
  cancelled_by INTEGER REFERENCES users(id),
  cancelled_at TEXT,
  cancelled_date TEXT,
  cancel_reason TEXT,
  CHECK ((state = 'paid') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL AND paid_date IS NOT NULL AND signature IS NOT NULL AND journal_id IS NOT NULL)),
  CHECK ((state = 'cancelled') = (cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL AND cancelled_date IS NOT NULL AND cancel_reason IS NOT NULL)),
  CHECK (state = 'paid' OR (confirmed_by IS NULL AND confirmed_at IS NULL AND paid_date IS NULL AND signature IS NULL AND journal_id IS NULL)),
  CHECK (state = 'cancelled' OR (cancelled_by IS NULL AND cancelled_at IS NULL AND cancelled_date IS NULL AND cancel_reason IS NULL))
) STRICT;
CREATE INDEX refunds_state ON refunds(state, business_date, id);
CREATE INDEX refunds_customer ON refunds(customer_id);

CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds are never deleted'); END;
CREATE TRIGGER refunds_settled BEFORE UPDATE ON refunds WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a settled refund cannot be changed'); END;
CREATE TRIGGER refunds_fixed BEFORE UPDATE ON refunds
WHEN NEW.id IS NOT OLD.id OR NEW.slip_id IS NOT OLD.slip_id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.cause IS NOT OLD.cause
  OR NEW.account IS NOT OLD.account OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.summary IS NOT OLD.summary
  OR NEW.business_date IS NOT OLD.business_date OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a refund''s slip, customer, account and amount never change'); END;
CREATE TRIGGER refunds_day_lock BEFORE INSERT ON refunds
WHEN EXISTS (SELECT 1 FROM live_day_closes WHERE business_date >= NEW.business_date)
BEGIN SELECT RAISE(ABORT, 'day_closed: refund dated on or before the last closed day'); END;
CREATE TRIGGER refunds_paid_day_lock BEFORE UPDATE ON refunds
WHEN EXISTS (SELECT 1 FROM live_day_closes WHERE business_date >= COALESCE(NEW.paid_date, NEW.cancelled_date))
BEGIN SELECT RAISE(ABORT, 'day_closed: refund settled on or before the last closed day'); END;
`);
  },
};
