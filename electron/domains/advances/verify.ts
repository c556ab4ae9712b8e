// verify, the advances (借支):
//  - each advance has exactly one payment row: out, its amount and account, cause 'advance'
//  - each cash settlement's voucher is an 'advance_return' row of the advance: in, its amount, its
//    account; a red one's voucher is the red row of the original's
//  - a claim settlement names a claim of the advance's person; a standing one's claim is paid, a
//    reversed one's void
//  - nothing is settled beyond the advance: applied + returned never above the amount, never below 0

import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';

export function verifyAdvances(db: ReadableDB, add: Add): void {
  const all = (q: string) => db.prepare(q).all() as Record<string, unknown>[];
  for (const r of all(
    `SELECT a.id, a.no, COUNT(j.id) AS n FROM advances a
     LEFT JOIN money_journal j ON j.advance_id = a.id AND j.cause = 'advance' AND j.reverses_id IS NULL
       AND j.direction = 'out' AND j.amount_fen = a.amount_fen AND j.account = a.account
     GROUP BY a.id HAVING n <> 1 LIMIT 100`,
  ))
    add('advances.payment', `advance ${r.no}: ${r.n} payment rows match it, not one`, r);
  for (const r of all(
    `SELECT s.id, a.no FROM advance_settlements s JOIN advances a ON a.id = s.advance_id JOIN money_journal j ON j.id = s.journal_id
     WHERE s.kind = 'cash' AND (j.cause <> 'advance_return' OR j.direction <> 'in' OR j.amount_fen <> s.amount_fen OR j.advance_id IS NOT a.id
       OR (s.reverses_id IS NOT NULL AND j.reverses_id IS NOT (SELECT o.journal_id FROM advance_settlements o WHERE o.id = s.reverses_id))) LIMIT 100`,
  ))
    add('advances.return', `advance ${r.no}: a settlement's voucher does not match it`, r);
  for (const r of all(
    `SELECT s.id, a.no, x.no AS claim_no, x.state FROM advance_settlements s JOIN advances a ON a.id = s.advance_id JOIN expense_claims x ON x.id = s.expense_id
     WHERE s.kind = 'claim' AND s.reverses_id IS NULL AND (x.claimant_id <> a.person_id
       OR x.state <> CASE WHEN EXISTS (SELECT 1 FROM advance_settlements r WHERE r.reverses_id = s.id) THEN 'void' ELSE 'paid' END) LIMIT 100`,
  ))
    add('advances.claim', `advance ${r.no}: claim ${r.claim_no} (${r.state}) does not fit its settlement`, r);
  for (const r of all(
    `SELECT a.id, a.no, a.amount_fen, COALESCE(SUM(s.amount_fen), 0) AS settled FROM advances a LEFT JOIN advance_settlements s ON s.advance_id = a.id
     GROUP BY a.id HAVING settled > a.amount_fen OR settled < 0 LIMIT 100`,
  ))
    add('advances.settled', `advance ${r.no}: ${r.settled} fen settled against ${r.amount_fen}`, r);
}
