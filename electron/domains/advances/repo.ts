// All SQL of advances.* (借支): the advances and their settlements (migration 0034), and the views
// the screens, the close of day and the month pack read. The journal rows are written by
// ledger/journal.ts. An advance's figures are reckoned as of a day (`asOf`): what was paid, applied,
// returned and reversed on or before it — the live view asks as of the end of time.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { Advance, AdvanceSettlement, AdvanceState, MoneyAccount, OpenAdvance, PersonBalance, SettlementKind } from '../../../shared/contract';
import type { BookCtx } from '../../ledger/journal';

export interface AdvanceDbRow {
  id: number;
  no: string;
  person_id: number;
  account: MoneyAccount;
  amount_fen: number;
  purpose: string;
  business_date: string;
  approved_by: number;
  created_by: number;
  created_at: string;
}

export interface SettlementDbRow {
  id: number;
  advance_id: number;
  kind: SettlementKind;
  amount_fen: number;
  expense_id: number | null;
  journal_id: number | null;
  reverses_id: number | null;
  business_date: string;
  created_by: number;
  created_at: string;
}

/** The end of time: the live view of every advance. */
export const LIVE = '9999-12-31';

export function insertAdvance(db: WritableDB, a: Omit<AdvanceDbRow, 'id'>): number {
  const info = sql(
    db,
    `INSERT INTO advances (no, person_id, account, amount_fen, purpose, business_date, approved_by, created_by, created_at)
     VALUES (@no, @person_id, @account, @amount_fen, @purpose, @business_date, @approved_by, @created_by, @created_at)`,
  ).run(a);
  return Number(info.lastInsertRowid);
}

export function advanceRow(db: ReadableDB, id: number): AdvanceDbRow {
  return (
    (sql(db, 'SELECT * FROM advances WHERE id = ?').get(id) as AdvanceDbRow | undefined) ?? fail('not_found', { what: 'advance', what_zh: '借支', key: id })
  );
}

/** The advance's payment row (not its red one). */
export function payoutJournalId(db: ReadableDB, advanceId: number): number {
  return sql(db, "SELECT id FROM money_journal WHERE advance_id = ? AND cause = 'advance' AND reverses_id IS NULL").pluck().get(advanceId) as number;
}

export function settlementRow(db: ReadableDB, id: number): SettlementDbRow {
  return (
    (sql(db, 'SELECT * FROM advance_settlements WHERE id = ?').get(id) as SettlementDbRow | undefined) ??
    fail('not_found', { what: 'settlement', what_zh: '核销记录', key: id })
  );
}

export function isSettlementReversed(db: ReadableDB, id: number): boolean {
  return sql(db, 'SELECT 1 FROM advance_settlements WHERE reverses_id = ?').get(id) !== undefined;
}

/** The standing (not red, not reversed) settlement that applied a claim, if any. */
export function liveClaimSettlement(db: ReadableDB, claimId: number): SettlementDbRow | undefined {
  return sql(
    db,
    `SELECT s.* FROM advance_settlements s WHERE s.expense_id = ? AND s.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM advance_settlements r WHERE r.reverses_id = s.id)`,
  ).get(claimId) as SettlementDbRow | undefined;
}

/** How many settlements of an advance still stand (neither red nor reversed). */
export function standingSettlements(db: ReadableDB, advanceId: number): number {
  return sql(
    db,
    `SELECT COUNT(*) FROM advance_settlements s WHERE s.advance_id = ? AND s.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM advance_settlements r WHERE r.reverses_id = s.id)`,
  )
    .pluck()
    .get(advanceId) as number;
}

export function insertSettlement(
  b: BookCtx,
  s: { advanceId: number; kind: SettlementKind; amountFen: number; expenseId?: number | null; journalId?: number | null; reversesId?: number | null },
): number {
  const info = sql(
    b.db,
    `INSERT INTO advance_settlements (advance_id, kind, amount_fen, expense_id, journal_id, reverses_id, business_date, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.advanceId, s.kind, s.amountFen, s.expenseId ?? null, s.journalId ?? null, s.reversesId ?? null, b.businessDate, b.userId, b.nowIso);
  return Number(info.lastInsertRowid);
}

/** A red settlement negating a standing one (the caller has written its red voucher, if any). */
export function insertRedSettlement(b: BookCtx, s: SettlementDbRow, journalId: number | null): number {
  return insertSettlement(b, { advanceId: s.advance_id, kind: s.kind, amountFen: -s.amount_fen, expenseId: s.expense_id, journalId, reversesId: s.id });
}

// ------------------------------------------------------------------ views

/** Every advance paid by @asOf with what was applied, returned and reversed by then; ages to @today. */
const ADVANCES_AS_OF = `WITH v AS (
  SELECT a.*, pu.name AS person_name, au.name AS approved_name, cu.name AS created_name, j.voucher_no, j.posted_at AS paid_at,
    (SELECT r.voucher_no FROM money_journal r WHERE r.reverses_id = j.id AND r.business_date <= @asOf) AS reversed_voucher_no,
    COALESCE((SELECT SUM(s.amount_fen) FROM advance_settlements s WHERE s.advance_id = a.id AND s.kind = 'claim' AND s.business_date <= @asOf), 0)
      AS applied_fen,
    COALESCE((SELECT SUM(s.amount_fen) FROM advance_settlements s WHERE s.advance_id = a.id AND s.kind = 'cash' AND s.business_date <= @asOf), 0)
      AS returned_fen,
    CAST(julianday(@today) - julianday(a.business_date) AS INTEGER) AS age_days
  FROM advances a JOIN users pu ON pu.id = a.person_id JOIN users au ON au.id = a.approved_by JOIN users cu ON cu.id = a.created_by
  JOIN money_journal j ON j.advance_id = a.id AND j.cause = 'advance' AND j.reverses_id IS NULL
  WHERE a.business_date <= @asOf),
w AS (SELECT v.*, CASE WHEN reversed_voucher_no IS NOT NULL THEN 'reversed' WHEN amount_fen - applied_fen - returned_fen = 0 THEN 'settled' ELSE 'open' END
  AS state FROM v)`;

type Joined = AdvanceDbRow & {
  person_name: string;
  approved_name: string;
  created_name: string;
  voucher_no: string;
  paid_at: string;
  reversed_voucher_no: string | null;
  applied_fen: number;
  returned_fen: number;
  age_days: number;
  state: AdvanceState;
};

function view(r: Joined): Advance {
  return {
    id: r.id,
    no: r.no,
    person: { id: r.person_id, name: r.person_name },
    account: r.account,
    amountFen: r.amount_fen,
    purpose: r.purpose,
    date: r.business_date,
    approvedBy: { id: r.approved_by, name: r.approved_name },
    paidBy: { id: r.created_by, name: r.created_name },
    paidAt: r.paid_at,
    voucherNo: r.voucher_no,
    appliedFen: r.applied_fen,
    returnedFen: r.returned_fen,
    openFen: r.state === 'reversed' ? 0 : r.amount_fen - r.applied_fen - r.returned_fen,
    state: r.state,
    ageDays: r.age_days,
    reversedVoucherNo: r.reversed_voucher_no,
  };
}

export function advanceView(db: ReadableDB, id: number, today: string): Advance {
  const r = sql(db, `${ADVANCES_AS_OF} SELECT * FROM w WHERE id = @id`).get({ asOf: LIVE, today, id }) as Joined | undefined;
  return r ? view(r) : fail('not_found', { what: 'advance', what_zh: '借支', key: id });
}

export interface AdvanceFilter {
  state?: AdvanceState;
  personId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Open first (oldest first, the order they are chased in), then settled and reversed, newest first. */
export function advancePage(db: ReadableDB, today: string, f: AdvanceFilter): { rows: Advance[]; total: number } {
  const where: string[] = [];
  const args: Record<string, unknown> = { asOf: LIVE, today, limit: f.limit, offset: f.offset };
  if (f.state) (where.push('state = @state'), (args.state = f.state));
  if (f.personId) (where.push('person_id = @personId'), (args.personId = f.personId));
  if (f.from) (where.push('business_date >= @from'), (args.from = f.from));
  if (f.to) (where.push('business_date <= @to'), (args.to = f.to));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = sql(
    db,
    `${ADVANCES_AS_OF} SELECT * FROM w ${w} ORDER BY state <> 'open', CASE WHEN state = 'open' THEN id ELSE -id END LIMIT @limit OFFSET @offset`,
  ).all(args) as Joined[];
  const total = sql(db, `${ADVANCES_AS_OF} SELECT COUNT(*) FROM w ${w}`).pluck().get(args) as number;
  return { rows: rows.map(view), total };
}

/** The advances still open at the end of a day (paid by then, not settled or reversed by then), oldest first. */
export function openAsOf(db: ReadableDB, asOf: string, today: string = asOf): OpenAdvance[] {
  const rows = sql(db, `${ADVANCES_AS_OF} SELECT * FROM w WHERE state = 'open' ORDER BY business_date, id`).all({ asOf, today }) as Joined[];
  return rows.map((r) => {
    const a = view(r);
    return { id: a.id, no: a.no, person: a.person, purpose: a.purpose, date: a.date, amountFen: a.amountFen, openFen: a.openFen, ageDays: a.ageDays };
  });
}

/** What each person owes now, from the open advances, the largest first. */
export function balancesOf(open: OpenAdvance[]): PersonBalance[] {
  const by = new Map<number, PersonBalance>();
  for (const a of open) {
    const p = by.get(a.person.id) ?? { person: a.person, count: 0, openFen: 0, oldestDate: a.date };
    p.count += 1;
    p.openFen += a.openFen;
    if (a.date < p.oldestDate) p.oldestDate = a.date;
    by.set(a.person.id, p);
  }
  return [...by.values()].sort((x, y) => y.openFen - x.openFen || x.person.id - y.person.id);
}

export function settlementsOf(db: ReadableDB, advanceId: number): AdvanceSettlement[] {
  const rows = sql(
    db,
    `SELECT s.*, x.no AS claim_no, x.category, x.summary AS claim_summary, j.voucher_no, j.summary AS journal_summary, u.name AS by_name,
       (SELECT r.id FROM advance_settlements r WHERE r.reverses_id = s.id) AS reversed_by_id
     FROM advance_settlements s JOIN users u ON u.id = s.created_by
     LEFT JOIN expense_claims x ON x.id = s.expense_id LEFT JOIN money_journal j ON j.id = s.journal_id
     WHERE s.advance_id = ? ORDER BY s.id`,
  ).all(advanceId) as (SettlementDbRow & {
    claim_no: string | null;
    category: string | null;
    claim_summary: string | null;
    voucher_no: string | null;
    journal_summary: string | null;
    by_name: string;
    reversed_by_id: number | null;
  })[];
  return rows.map((s) => ({
    id: s.id,
    advanceId: s.advance_id,
    kind: s.kind,
    amountFen: s.amount_fen,
    claimId: s.expense_id,
    claimNo: s.claim_no,
    voucherNo: s.voucher_no,
    date: s.business_date,
    by: { id: s.created_by, name: s.by_name },
    at: s.created_at,
    reversesId: s.reverses_id,
    reversedById: s.reversed_by_id,
    summary: s.kind === 'claim' ? `${s.reverses_id ? '冲销 ' : ''}报销 ${s.claim_no} ${s.category}: ${s.claim_summary}` : (s.journal_summary ?? ''),
  }));
}

/** Claims applied against advances, by category, by the day they were applied (red rows net): part of what was spent. */
export function appliedByCategory(db: ReadableDB, from: string, to: string): { category: string; amount: number }[] {
  return sql(
    db,
    `SELECT x.category, SUM(s.amount_fen) AS amount FROM advance_settlements s JOIN expense_claims x ON x.id = s.expense_id
     WHERE s.kind = 'claim' AND s.business_date >= ? AND s.business_date <= ? GROUP BY x.category`,
  ).all(from, to) as { category: string; amount: number }[];
}

export function personOf(db: ReadableDB, id: number): { id: number; name: string; active: number } | undefined {
  return sql(db, 'SELECT id, name, active FROM users WHERE id = ?').get(id) as { id: number; name: string; active: number } | undefined;
}
