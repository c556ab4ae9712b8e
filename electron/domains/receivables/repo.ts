// Receivable entries as they are read: the columns of the paper receivables ledger (借方, 贷方,
// 余额). A red entry shows as a negative amount in its original's column. The writers are in
// ledger/journal.ts.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { ReceivableRow } from '../../../shared/contract';
import type { EntryDbRow } from '../../ledger/journal';

export interface EntryJoined extends EntryDbRow {
  user_name: string;
  override_name: string | null;
  slip_no: string | null;
  voucher_no: string | null;
  reversed_by_id: number | null;
}

export const ENTRY_SELECT = `SELECT e.*, u.name AS user_name, o.name AS override_name, s.no AS slip_no, j.voucher_no,
    (SELECT r.id FROM receivable_entries r WHERE r.reverses_id = e.id) AS reversed_by_id
  FROM receivable_entries e
  JOIN users u ON u.id = e.user_id
  LEFT JOIN users o ON o.id = e.override_by
  LEFT JOIN slips s ON s.id = e.slip_id
  LEFT JOIN money_journal j ON j.id = e.journal_id`;

export function entryView(r: EntryJoined): ReceivableRow {
  const isDebitKind = r.kind === 'sale';
  return {
    id: r.id,
    date: r.business_date,
    postedAt: r.posted_at,
    kind: r.kind,
    docNo: r.slip_no ?? r.voucher_no,
    summary: r.summary,
    debitFen: isDebitKind ? r.amount_fen : null,
    creditFen: isDebitKind ? null : -r.amount_fen,
    balanceFen: r.balance_after_fen,
    slipId: r.slip_id,
    voucherNo: r.voucher_no,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    overrideBy: r.override_by == null ? null : { id: r.override_by, name: r.override_name ?? '' },
    user: { id: r.user_id, name: r.user_name },
    memo: r.memo,
  };
}

export function entryViewById(db: ReadableDB, id: number): ReceivableRow {
  return entryView(sql(db, `${ENTRY_SELECT} WHERE e.id = ?`).get(id) as EntryJoined);
}

/** The receivable entries of a slip, as read, in posting order. */
export function entriesOfSlip(db: ReadableDB, slipId: number): ReceivableRow[] {
  return (sql(db, `${ENTRY_SELECT} WHERE e.slip_id = ? ORDER BY e.id`).all(slipId) as EntryJoined[]).map(entryView);
}

/** The receivable entry (not a red one) that a collection's voucher booked, if any. */
export function collectionEntryOf(db: ReadableDB, journalId: number): EntryDbRow | undefined {
  return sql(db, 'SELECT * FROM receivable_entries WHERE journal_id = ? AND reverses_id IS NULL').get(journalId) as EntryDbRow | undefined;
}
