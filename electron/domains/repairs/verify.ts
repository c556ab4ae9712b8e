// The repair records' own invariants (the stock a repaired record moved is checked with every move by
// stock/verify.ts, its slip's posted hash by slips/verify.ts): each record's slip is of its outcome's
// kind — repaired: a posted 维修单 under the record's own number, of the record's item and quantity;
// scrapped: a 报损单; sent back: a 退回总部单 — and each 维修单 belongs to a record.

import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';

export function verifyRepairs(db: ReadableDB, add: Add): void {
  const orphan = db
    .prepare("SELECT s.no FROM slips s WHERE s.kind = 'repair' AND NOT EXISTS (SELECT 1 FROM repairs r WHERE r.slip_id = s.id) LIMIT 100")
    .pluck()
    .all() as string[];
  for (const no of orphan) add('repairs.slip', `repair slip ${no} belongs to no repair record`, { no });
  const wrong = db
    .prepare(
      `SELECT r.no, r.outcome, s.no AS slip_no, s.kind, s.state FROM repairs r JOIN slips s ON s.id = r.slip_id
       WHERE s.kind <> CASE r.outcome WHEN 'repaired' THEN 'repair' WHEN 'scrapped' THEN 'writeoff' ELSE 'hqReturn' END
          OR (r.outcome = 'repaired' AND (s.no <> r.no OR s.state <> 'posted'
            OR (SELECT COUNT(*) FROM slip_lines l WHERE l.slip_id = s.id AND l.item_id = r.item_id AND l.qty = r.qty) <> 2))
       LIMIT 100`,
    )
    .all() as { no: string; outcome: string; slip_no: string; kind: string; state: string }[];
  for (const r of wrong) add('repairs.slip', `repair record ${r.no} (${r.outcome}) made ${r.kind} ${r.slip_no} (${r.state})`, r);
}
