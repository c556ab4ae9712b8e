// 0030: cash the carrier collects on delivery (送货收款, 储运员协助货款结算, 及时交回货款). A cash
// dispatch may say the carrier collects the money at the customer's (slips.collect_by_carrier, part
// of what the manager and finance sign). Finance's signature then books nothing; posting the slip
// records the shipped amount as money in transit with its carrier (delivery_cash, pending); finance
// confirms the hand-over with the carrier's PIN, which writes the 现收 row on the business day it is
// given. Reversing the slip first cancels it (nothing moved). One per slip; a row changes once, from
// pending, in the columns that say so, and none is deleted (triggers).
//
// Numbered 0030 for this round of work (0024–0029 are other work merged before it); its version is
// its place in the list.
import type { Migration } from './index';

export const m0030DeliveryCash: Migration = {
  version: 29,
  name: 'delivery-cash',
  up(db) {
    db.exec(`
ALTER TABLE slips ADD COLUMN collect_by_carrier INTEGER NOT NULL DEFAULT 0 CHECK (collect_by_carrier IN (0, 1));

CREATE TABLE delivery_cash (
  id INTEGER PRIMARY KEY,
  slip_id INTEGER NOT NULL UNIQUE REFERENCES slips(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  summary TEXT NOT NULL,
  business_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','handed','cancelled')),
  -- the carrier who handed the money over (their PIN), and the finance supervisor who took it
  handed_by INTEGER REFERENCES users(id),
  confirmed_by INTEGER REFERENCES users(id),
  handed_at TEXT,
  handed_date TEXT,
  journal_id INTEGER REFERENCES money_journal(id),
  cancelled_at TEXT,
  cancelled_date TEXT,
  CHECK ((state = 'handed') = (journal_id IS NOT NULL AND handed_by IS NOT NULL AND confirmed_by IS NOT NULL AND handed_date IS NOT NULL)),
  CHECK ((state = 'cancelled') = (cancelled_date IS NOT NULL))
) STRICT;
CREATE INDEX delivery_cash_state ON delivery_cash(state, id);
CREATE TRIGGER delivery_cash_settled_once BEFORE UPDATE ON delivery_cash
WHEN OLD.state <> 'pending' OR NEW.slip_id IS NOT OLD.slip_id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.amount_fen IS NOT OLD.amount_fen
  OR NEW.summary IS NOT OLD.summary OR NEW.business_date IS NOT OLD.business_date OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'delivery cash is settled once and never rewritten'); END;
CREATE TRIGGER delivery_cash_no_delete BEFORE DELETE ON delivery_cash BEGIN SELECT RAISE(ABORT, 'delivery cash rows are never deleted'); END;
`);
  },
};
