// 0010: customers get payment terms in days (账期: a credit sale falls due on its date + the terms),
// the salesperson who owns them and notes; suppliers get notes. receivable_chases is the log of
// collection follow-up (催收): who chased which open credit sale, whom they reached, when, what
// was said and the date the customer promised to pay. The log is append-only.
import type { Migration } from './index';

export const m0010CollectionFollowUp: Migration = {
  version: 10,
  name: 'collection-follow-up',
  up(db) {
    db.exec(`
ALTER TABLE customers ADD COLUMN payment_terms_days INTEGER NOT NULL DEFAULT 0 CHECK (payment_terms_days BETWEEN 0 AND 365);
ALTER TABLE customers ADD COLUMN salesperson_id INTEGER REFERENCES users(id);
ALTER TABLE customers ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN notes TEXT NOT NULL DEFAULT '';

CREATE TABLE receivable_chases (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES receivable_entries(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  business_date TEXT NOT NULL,
  chased_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  contacted TEXT NOT NULL CHECK (length(contacted) BETWEEN 1 AND 50),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  promised_date TEXT CHECK (promised_date IS NULL OR promised_date >= business_date)
) STRICT;
CREATE INDEX receivable_chases_entry ON receivable_chases(entry_id);
CREATE TRIGGER receivable_chases_no_update BEFORE UPDATE ON receivable_chases BEGIN SELECT RAISE(ABORT, 'receivable_chases is append-only'); END;
CREATE TRIGGER receivable_chases_no_delete BEFORE DELETE ON receivable_chases BEGIN SELECT RAISE(ABORT, 'receivable_chases is append-only'); END;
`);
  },
};
