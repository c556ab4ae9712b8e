// The counts' own invariants (the stock they moved is checked with every move by stock/verify.ts,
// their slips' posted hashes by slips/verify.ts): each posted count has one posted slip of kind
// 'count' under its own number, each such slip belongs to a count, and a reversed count's 红字
// reverses exactly that slip.

import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';

export function verifyCounts(db: ReadableDB, add: Add): void {
  const orphan = db
    .prepare("SELECT s.no FROM slips s WHERE s.kind = 'count' AND NOT EXISTS (SELECT 1 FROM counts c WHERE c.posted_slip_id = s.id) LIMIT 100")
    .pluck()
    .all() as string[];
  for (const no of orphan) add('counts.slip', `count slip ${no} belongs to no count`, { no });
  const wrong = db
    .prepare(
      `SELECT c.no, s.no AS slip_no, s.kind, s.state FROM counts c JOIN slips s ON s.id = c.posted_slip_id
       WHERE s.no <> c.no OR s.kind <> 'count' OR s.state <> 'posted' LIMIT 100`,
    )
    .all() as { no: string; slip_no: string; kind: string; state: string }[];
  for (const r of wrong) add('counts.slip', `count ${r.no} posted as ${r.kind} ${r.slip_no} (${r.state})`, r);
  const reversal = db
    .prepare(
      `SELECT c.no FROM counts c LEFT JOIN slips r ON r.id = c.reversal_slip_id
       WHERE c.state = 'reversed' AND (r.kind IS NOT 'reversal' OR r.source_slip_id IS NOT c.posted_slip_id) LIMIT 100`,
    )
    .pluck()
    .all() as string[];
  for (const no of reversal) add('counts.reversal', `count ${no} is marked reversed but its 红字 does not reverse its slip`, { no });
}
