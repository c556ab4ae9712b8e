// All SQL of deliveryCash.*: the delivery_cash table (migration 0030) and the views the screens, the
// slip and the close of day read.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { DeliveryCash, DeliveryCashState, InTransit, SlipDeliveryCash } from '../../../shared/contract';
import { carrierOf } from '../slips/carrier';

export interface DeliveryCashRow {
  id: number;
  slip_id: number;
  customer_id: number;
  amount_fen: number;
  summary: string;
  business_date: string;
  created_by: number;
  created_at: string;
  state: DeliveryCashState;
  handed_by: number | null;
  confirmed_by: number | null;
  handed_at: string | null;
  handed_date: string | null;
  journal_id: number | null;
  cancelled_at: string | null;
  cancelled_date: string | null;
}

export type NewDeliveryCash = Pick<DeliveryCashRow, 'slip_id' | 'customer_id' | 'amount_fen' | 'summary' | 'business_date' | 'created_by' | 'created_at'>;

export function insertDeliveryCash(db: WritableDB, r: NewDeliveryCash): number {
  const info = sql(
    db,
    `INSERT INTO delivery_cash (slip_id, customer_id, amount_fen, summary, business_date, created_by, created_at)
     VALUES (@slip_id, @customer_id, @amount_fen, @summary, @business_date, @created_by, @created_at)`,
  ).run(r);
  return Number(info.lastInsertRowid);
}

export function deliveryCashRow(db: ReadableDB, id: number): DeliveryCashRow {
  return (
    (sql(db, 'SELECT * FROM delivery_cash WHERE id = ?').get(id) as DeliveryCashRow | undefined) ??
    fail('not_found', { what: 'delivery cash', what_zh: '送货收款', key: id })
  );
}

export function deliveryCashOfSlip(db: ReadableDB, slipId: number): DeliveryCashRow | undefined {
  return sql(db, 'SELECT * FROM delivery_cash WHERE slip_id = ?').get(slipId) as DeliveryCashRow | undefined;
}

export function markHanded(db: WritableDB, id: number, p: { carrier: number; by: number; at: string; date: string; journalId: number }): void {
  sql(db, "UPDATE delivery_cash SET state = 'handed', handed_by = ?, confirmed_by = ?, handed_at = ?, handed_date = ?, journal_id = ? WHERE id = ?").run(
    p.carrier,
    p.by,
    p.at,
    p.date,
    p.journalId,
    id,
  );
}

export function markCancelled(db: WritableDB, id: number, p: { at: string; date: string }): void {
  sql(db, "UPDATE delivery_cash SET state = 'cancelled', cancelled_at = ?, cancelled_date = ? WHERE id = ?").run(p.at, p.date, id);
}

// ------------------------------------------------------------------ views

const VIEW_SELECT = `SELECT d.*, s.no AS slip_no, c.name AS customer_name, hu.name AS handed_by_name, fu.name AS confirmed_by_name, j.voucher_no
  FROM delivery_cash d JOIN slips s ON s.id = d.slip_id JOIN customers c ON c.id = d.customer_id
  LEFT JOIN users hu ON hu.id = d.handed_by LEFT JOIN users fu ON fu.id = d.confirmed_by LEFT JOIN money_journal j ON j.id = d.journal_id`;

type Joined = DeliveryCashRow & {
  slip_no: string;
  customer_name: string;
  handed_by_name: string | null;
  confirmed_by_name: string | null;
  voucher_no: string | null;
};

const personOf = (id: number | null, name: string | null) => (id == null ? null : { id, name: name ?? '' });

function view(db: ReadableDB, r: Joined): DeliveryCash {
  return {
    id: r.id,
    state: r.state,
    amountFen: r.amount_fen,
    handedBy: personOf(r.handed_by, r.handed_by_name),
    handedAt: r.handed_at,
    voucherNo: r.voucher_no,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    carrier: carrierOf(db, r.slip_id),
    summary: r.summary,
    date: r.business_date,
    confirmedBy: personOf(r.confirmed_by, r.confirmed_by_name),
    handedDate: r.handed_date,
    cancelledAt: r.cancelled_at,
  };
}

export function deliveryCashView(db: ReadableDB, id: number): DeliveryCash {
  return view(db, sql(db, `${VIEW_SELECT} WHERE d.id = ?`).get(id) as Joined);
}

export function slipDeliveryCashView(db: ReadableDB, slipId: number): SlipDeliveryCash | null {
  const r = sql(db, `${VIEW_SELECT} WHERE d.slip_id = ?`).get(slipId) as Joined | undefined;
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    amountFen: r.amount_fen,
    handedBy: personOf(r.handed_by, r.handed_by_name),
    handedAt: r.handed_at,
    voucherNo: r.voucher_no,
  };
}

/** In transit first (oldest first, the order the money comes back), then the settled ones, newest first. */
export function deliveryCashPage(db: ReadableDB, f: { state?: DeliveryCashState; limit: number; offset: number }): { rows: DeliveryCash[]; total: number } {
  const w = f.state ? 'WHERE d.state = @state' : '';
  const args = { state: f.state, limit: f.limit, offset: f.offset };
  const rows = sql(
    db,
    `${VIEW_SELECT} ${w} ORDER BY d.state <> 'pending', CASE WHEN d.state = 'pending' THEN d.id ELSE -d.id END LIMIT @limit OFFSET @offset`,
  ).all(args) as Joined[];
  const total = sql(db, `SELECT COUNT(*) FROM delivery_cash d ${w}`).pluck().get(args) as number;
  return { rows: rows.map((r) => view(db, r)), total };
}

/** The money in transit at the end of a business day (made by then, not handed over or cancelled by then), by who carries each slip now. */
export function inTransitOn(db: ReadableDB, date: string): InTransit[] {
  const rows = sql(
    db,
    `SELECT d.slip_id, d.amount_fen FROM delivery_cash d WHERE d.business_date <= @d
       AND (d.handed_date IS NULL OR d.handed_date > @d) AND (d.cancelled_date IS NULL OR d.cancelled_date > @d) ORDER BY d.id`,
  ).all({ d: date }) as { slip_id: number; amount_fen: number }[];
  const by = new Map<string, InTransit>();
  for (const r of rows) {
    const carrier = carrierOf(db, r.slip_id);
    const k = String(carrier?.id ?? 0);
    const t = by.get(k) ?? { carrier, count: 0, amountFen: 0 };
    t.count += 1;
    t.amountFen += r.amount_fen;
    by.set(k, t);
  }
  return [...by.values()];
}
