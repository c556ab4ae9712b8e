// All SQL of repairs: the repair records (append-only, 0035), the defective stock a record may take,
// and the quality problems (产品质量问题) per item over a period.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { DefectiveRow, QualityRow, Repair, RepairOutcome, SlipState } from '../../../shared/contract';
import { notFound } from '../errors';

export interface RepairInsert {
  no: string;
  item_id: number;
  qty: number;
  fault: string;
  repaired_by: string;
  outcome: RepairOutcome;
  memo: string;
  slip_id: number;
  business_date: string;
  created_by: number;
  created_at: string;
}

export function insertRepair(db: WritableDB, r: RepairInsert): number {
  const info = sql(
    db,
    `INSERT INTO repairs (no, item_id, qty, fault, repaired_by, outcome, memo, slip_id, business_date, created_by, created_at)
     VALUES (@no, @item_id, @qty, @fault, @repaired_by, @outcome, @memo, @slip_id, @business_date, @created_by, @created_at)`,
  ).run(r);
  return Number(info.lastInsertRowid);
}

interface RepairRow extends RepairInsert {
  id: number;
  item_code: string;
  item_name: string;
  spec: string;
  unit: string;
  slip_no: string;
  slip_state: SlipState;
  moved_fen: number | null;
  created_by_name: string;
}

const SELECT = `SELECT r.*, i.code AS item_code, i.name AS item_name, i.spec, i.unit, s.no AS slip_no, s.state AS slip_state,
    CASE WHEN r.outcome = 'repaired' THEN (SELECT SUM(m.amount_fen) FROM stock_moves m WHERE m.slip_id = r.slip_id AND m.direction = 'in') END AS moved_fen,
    u.name AS created_by_name
  FROM repairs r JOIN items i ON i.id = r.item_id JOIN slips s ON s.id = r.slip_id JOIN users u ON u.id = r.created_by`;

function view(r: RepairRow, seesCosts: boolean): Repair {
  return {
    ...{ id: r.id, no: r.no, itemId: r.item_id, itemCode: r.item_code, itemName: r.item_name, spec: r.spec, unit: r.unit, qty: r.qty },
    ...{ fault: r.fault, repairedBy: r.repaired_by, outcome: r.outcome, memo: r.memo, slipId: r.slip_id, slipNo: r.slip_no, slipState: r.slip_state },
    amountFen: seesCosts ? r.moved_fen : null,
    ...{ businessDate: r.business_date, createdBy: { id: r.created_by, name: r.created_by_name }, createdAt: r.created_at },
  };
}

export function repairView(db: ReadableDB, id: number, seesCosts: boolean): Repair {
  const r = sql(db, `${SELECT} WHERE r.id = ?`).get(id) as RepairRow | undefined;
  return r ? view(r, seesCosts) : notFound('repair', id);
}

export interface RepairFilter {
  from?: string;
  to?: string;
  itemId?: number;
  search?: string;
  limit: number;
  offset: number;
}

export function listRepairs(db: ReadableDB, f: RepairFilter, seesCosts: boolean): { rows: Repair[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.from) (where.push('r.business_date >= ?'), args.push(f.from));
  if (f.to) (where.push('r.business_date <= ?'), args.push(f.to));
  if (f.itemId != null) (where.push('r.item_id = ?'), args.push(f.itemId));
  if (f.search)
    (where.push("(r.no LIKE ? ESCAPE '\\' OR r.fault LIKE ? ESCAPE '\\' OR i.code LIKE ? ESCAPE '\\' OR i.name LIKE ? ESCAPE '\\')"),
      args.push(...Array(4).fill(`%${f.search.replace(/[\\%_]/g, '\\$&')}%`)));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = sql(db, `SELECT COUNT(*) FROM repairs r JOIN items i ON i.id = r.item_id ${w}`)
    .pluck()
    .get(...args) as number;
  const rows = sql(db, `${SELECT} ${w} ORDER BY r.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as RepairRow[];
  return { rows: rows.map((r) => view(r, seesCosts)), total };
}

/** Defective units of an item already on a draft write-off or return to HQ (taken once those post). */
const PENDING = `(SELECT COALESCE(SUM(l.qty), 0) FROM slip_lines l JOIN slips s ON s.id = l.slip_id
   WHERE l.item_id = i.id AND l.defective = 1 AND s.state = 'draft' AND s.kind IN ('writeoff', 'hqReturn'))`;

export function pendingDefective(db: ReadableDB, itemId: number): number {
  return sql(db, `SELECT ${PENDING} FROM items i WHERE i.id = ?`).pluck().get(itemId) as number;
}

export function defectiveRows(db: ReadableDB): DefectiveRow[] {
  const rows = sql(
    db,
    `SELECT i.id AS itemId, i.code, i.name, i.spec, i.unit, i.location, d.qty AS defectiveQty, ${PENDING} AS pendingQty
     FROM (SELECT item_id, SUM(remaining_qty) AS qty FROM stock_layers WHERE defective = 1 AND remaining_qty > 0 GROUP BY item_id) d
     JOIN items i ON i.id = d.item_id ORDER BY i.location, i.code`,
  ).all() as Omit<DefectiveRow, 'availableQty'>[];
  return rows.map((r) => ({ ...r, availableQty: Math.max(0, r.defectiveQty - r.pendingQty) }));
}

/** Per item over [from, to]: defective customer returns (posted, not reversed) and repair records by outcome, with their faults. */
export function qualityRows(db: ReadableDB, from: string, to: string): QualityRow[] {
  const returned = sql(
    db,
    `SELECT l.item_id, SUM(COALESCE(l.shipped_qty, l.qty)) AS qty, COUNT(DISTINCT s.id) AS n
     FROM slip_lines l JOIN slips s ON s.id = l.slip_id
     WHERE s.kind = 'return' AND s.state = 'posted' AND l.defective = 1 AND s.business_date BETWEEN ? AND ?
       AND NOT EXISTS (SELECT 1 FROM slips x WHERE x.kind = 'reversal' AND x.source_slip_id = s.id)
     GROUP BY l.item_id`,
  ).all(from, to) as { item_id: number; qty: number; n: number }[];
  const repairs = sql(
    db,
    `SELECT item_id, outcome, fault, SUM(qty) AS qty FROM repairs WHERE business_date BETWEEN ? AND ? GROUP BY item_id, outcome, fault`,
  ).all(from, to) as { item_id: number; outcome: RepairOutcome; fault: string; qty: number }[];
  const byItem = new Map<number, QualityRow>();
  const rowOf = (itemId: number) => {
    let r = byItem.get(itemId);
    if (!r) {
      const it = sql(db, 'SELECT code, name, spec, unit FROM items WHERE id = ?').get(itemId) as { code: string; name: string; spec: string; unit: string };
      r = { itemId, ...it, returnedQty: 0, returnCount: 0, repairedQty: 0, scrappedQty: 0, hqReturnQty: 0, faults: [] };
      byItem.set(itemId, r);
    }
    return r;
  };
  for (const x of returned) Object.assign(rowOf(x.item_id), { returnedQty: x.qty, returnCount: x.n });
  const key = { repaired: 'repairedQty', scrapped: 'scrappedQty', hqReturn: 'hqReturnQty' } as const;
  for (const x of repairs) {
    const r = rowOf(x.item_id);
    r[key[x.outcome]] += x.qty;
    const f = r.faults.find((y) => y.fault === x.fault);
    if (f) f.qty += x.qty;
    else r.faults.push({ fault: x.fault, qty: x.qty });
  }
  const rows = [...byItem.values()];
  for (const r of rows) r.faults.sort((a, b) => b.qty - a.qty || a.fault.localeCompare(b.fault));
  const total = (r: QualityRow) => r.returnedQty + r.repairedQty + r.scrappedQty + r.hqReturnQty;
  return rows.sort((a, b) => total(b) - total(a) || a.code.localeCompare(b.code));
}
