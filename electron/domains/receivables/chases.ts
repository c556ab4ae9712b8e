// Collection follow-up (催收): the log of calls on open credit sales (receivable_chases, append-only)
// and the collection list (催收清单) of open sales due by a day, with their due dates (sale date +
// the customer's payment terms) and the last call logged.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { addDays } from '../../ledger/dates';
import type { Chase, DueRow } from '../../../shared/contract';
import { actor, type WriteCtx } from '../context';
import { DUE_DATE_SQL } from './repo';
import { notFound } from '../errors';
import { openDebitOf, requirePromiseAhead, requireStillOpen } from './rules';
import { daysBetween } from './views';

interface ChaseDbRow {
  id: number;
  entry_id: number;
  slip_id: number;
  slip_no: string;
  customer_id: number;
  business_date: string;
  chased_at: string;
  user_id: number;
  user_name: string;
  contacted: string;
  note: string;
  promised_date: string | null;
}

const CHASE_SELECT = `SELECT h.*, i.slip_id, s.no AS slip_no, u.name AS user_name
  FROM receivable_chases h
  JOIN receivable_items i ON i.entry_id = h.entry_id
  JOIN slips s ON s.id = i.slip_id
  JOIN users u ON u.id = h.user_id`;

function chaseView(r: ChaseDbRow): Chase {
  return {
    id: r.id,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    customerId: r.customer_id,
    date: r.business_date,
    chasedAt: r.chased_at,
    user: { id: r.user_id, name: r.user_name },
    contacted: r.contacted,
    note: r.note,
    promisedDate: r.promised_date,
  };
}

function insertChase(db: WritableDB, c: Omit<ChaseDbRow, 'id' | 'slip_id' | 'slip_no' | 'user_name'>): number {
  const info = sql(
    db,
    `INSERT INTO receivable_chases (entry_id, customer_id, business_date, chased_at, user_id, contacted, note, promised_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.entry_id, c.customer_id, c.business_date, c.chased_at, c.user_id, c.contacted, c.note, c.promised_date);
  return Number(info.lastInsertRowid);
}

/** Logs a collection call on an open credit sale. */
export function chase(ctx: WriteCtx, input: { slipId: number; contacted: string; note: string; promisedDate: string | null }): Chase {
  const slipCustomer = sql(ctx.db, 'SELECT customer_id FROM slips WHERE id = ?').pluck().get(input.slipId) as number | null | undefined;
  if (slipCustomer == null) notFound('slip', input.slipId);
  const debit = openDebitOf(ctx.db, slipCustomer, input.slipId);
  requireStillOpen(ctx.db, debit);
  requirePromiseAhead(input.promisedDate, ctx.businessDate);
  const id = insertChase(ctx.db, {
    entry_id: debit.entry_id,
    customer_id: debit.customer_id,
    business_date: ctx.businessDate,
    chased_at: ctx.nowIso,
    user_id: actor(ctx).id,
    contacted: input.contacted,
    note: input.note,
    promised_date: input.promisedDate,
  });
  const row = chaseView(sql(ctx.db, `${CHASE_SELECT} WHERE h.id = ?`).get(id) as ChaseDbRow);
  ctx.auditRef = `${row.slipNo} ${input.contacted}`;
  return row;
}

/** The calls logged on a slip's credit sale, newest first. */
export function chasesOf(db: ReadableDB, slipId: number): Chase[] {
  return (sql(db, `${CHASE_SELECT} WHERE i.slip_id = ? ORDER BY h.id DESC`).all(slipId) as ChaseDbRow[]).map(chaseView);
}

/** Sunday of the office week (Monday–Sunday) that holds `today`. */
export function endOfWeek(today: string): string {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (7 - dow) % 7);
}

interface DueDbRow {
  entry_id: number;
  slip_id: number;
  slip_no: string;
  customer_id: number;
  code: string;
  name: string;
  phone: string;
  business_date: string;
  due_date: string;
  open_fen: number;
  chase_count: number;
  last_chase_id: number | null;
}

/** Open credit sales due by `dueBy` (overdue ones included), earliest due first. */
export function dueList(db: ReadableDB, q: { customerId?: number; dueBy?: string }, today: string) {
  const dueBy = q.dueBy ?? endOfWeek(today);
  const rows = db
    .prepare(
      `SELECT o.*, s.no AS slip_no, c.code, c.name, c.phone,
         (SELECT COUNT(*) FROM receivable_chases h WHERE h.entry_id = o.entry_id) AS chase_count,
         (SELECT MAX(h.id) FROM receivable_chases h WHERE h.entry_id = o.entry_id) AS last_chase_id
       FROM (SELECT entry_id, customer_id, slip_id, business_date, amount_fen - settled_fen AS open_fen, ${DUE_DATE_SQL} AS due_date
             FROM receivable_items
             WHERE side = 'debit' AND reversed = 0 AND settled_fen < amount_fen AND slip_id IS NOT NULL
               AND (@customerId IS NULL OR customer_id = @customerId)) o
       JOIN slips s ON s.id = o.slip_id
       JOIN customers c ON c.id = o.customer_id
       WHERE o.due_date <= @dueBy
       ORDER BY o.due_date, c.code, o.entry_id`,
    )
    .all({ dueBy, customerId: q.customerId ?? null }) as DueDbRow[];
  const lastChase = (id: number | null) => (id == null ? null : chaseView(sql(db, `${CHASE_SELECT} WHERE h.id = ?`).get(id) as ChaseDbRow));
  const out: DueRow[] = rows.map((r) => ({
    entryId: r.entry_id,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    customerId: r.customer_id,
    customerCode: r.code,
    customerName: r.name,
    phone: r.phone,
    date: r.business_date,
    dueDate: r.due_date,
    overdueDays: Math.max(0, daysBetween(r.due_date, today)),
    openFen: r.open_fen,
    lastChase: lastChase(r.last_chase_id),
    chaseCount: r.chase_count,
  }));
  return { today, dueBy, rows: out, totalFen: out.reduce((s, r) => s + r.openFen, 0) };
}
