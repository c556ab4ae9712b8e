// 0023: who carries a slip (承运人). The driver or shipper who takes a dispatch to the customer,
// fetches a return or brings an inbound delivery from HQ is named on the slip by the keeper or the
// manager (slips.setCarrier), and 保密制度 lets a driver or shipper read exactly the slips they carry
// now (reads/scope.ts). A hand-over to someone else is a new row, so the table is the slip's history
// of carriers: the latest row is the carrier (carrier_id NULL: nobody, e.g. the customer fetches it).
// It is kept apart from the slip's row because a posted slip never changes (slips_frozen) and a
// driver may be named or replaced after the goods are posted; what the carrier is, is no part of
// what was signed or posted. Rows are only added (triggers).
import type { Migration } from './index';

export const m0023SlipCarriers: Migration = {
  version: 23,
  name: 'slip-carriers',
  up(db) {
    db.exec(`
CREATE TABLE slip_carriers (
  id INTEGER PRIMARY KEY,
  slip_id INTEGER NOT NULL REFERENCES slips(id),
  -- NULL: the slip has no carrier from now on
  carrier_id INTEGER REFERENCES users(id),
  set_by INTEGER NOT NULL REFERENCES users(id),
  set_at TEXT NOT NULL
) STRICT;
CREATE INDEX slip_carriers_slip ON slip_carriers(slip_id, id);
CREATE INDEX slip_carriers_carrier ON slip_carriers(carrier_id, slip_id);
CREATE TRIGGER slip_carriers_no_update BEFORE UPDATE ON slip_carriers BEGIN SELECT RAISE(ABORT, 'slip_carriers rows are never changed'); END;
CREATE TRIGGER slip_carriers_no_delete BEFORE DELETE ON slip_carriers BEGIN SELECT RAISE(ABORT, 'slip_carriers rows are never deleted'); END;
`);
  },
};
