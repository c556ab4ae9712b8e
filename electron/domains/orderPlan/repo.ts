// All SQL of orderPlan.* (migration 0033): HQ's lead times (the item's own, else the office's), the
// order_plans rows and their lines with the figures they were saved with.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';

export interface PlanRow {
  id: number;
  as_of: string;
  window_days: number;
  cover_days: number;
  state: 'draft' | 'signed';
  memo: string;
  created_by: number;
  created_at: string;
  signed_by: number | null;
  signed_at: string | null;
}

export interface PlanLineRow {
  item_id: number;
  on_hand: number;
  on_order: number;
  sold_qty: number;
  avg_daily_milli: number;
  safety_stock: number;
  lead_days: number;
  pack_qty: number;
  suggested: number;
  qty: number;
}

export function officeLeadDays(db: ReadableDB): number {
  return sql(db, 'SELECT lead_days FROM office WHERE id = 1').pluck().get() as number;
}

/** Items with a lead time of their own. */
export function itemLeadDays(db: ReadableDB): Map<number, number> {
  const rows = sql(db, 'SELECT id, lead_days FROM items WHERE lead_days IS NOT NULL').all() as { id: number; lead_days: number }[];
  return new Map(rows.map((r) => [r.id, r.lead_days]));
}

export function setItemLeadDays(db: WritableDB, itemId: number, days: number | null): boolean {
  return sql(db, 'UPDATE items SET lead_days = ? WHERE id = ?').run(days, itemId).changes === 1;
}

export function setOfficeLeadDays(db: WritableDB, days: number): void {
  sql(db, 'UPDATE office SET lead_days = ? WHERE id = 1').run(days);
}

export function planRow(db: ReadableDB, id: number): PlanRow {
  return (
    (sql(db, 'SELECT * FROM order_plans WHERE id = ?').get(id) as PlanRow | undefined) ??
    fail('not_found', { what: 'order plan', what_zh: '订货规划', key: id })
  );
}

export function planLines(db: ReadableDB, planId: number): PlanLineRow[] {
  return sql(
    db,
    `SELECT l.item_id, l.on_hand, l.on_order, l.sold_qty, l.avg_daily_milli, l.safety_stock, l.lead_days, l.pack_qty, l.suggested, l.qty
     FROM order_plan_lines l JOIN items i ON i.id = l.item_id WHERE l.plan_id = ? ORDER BY i.code`,
  ).all(planId) as PlanLineRow[];
}

export function insertPlan(db: WritableDB, p: Pick<PlanRow, 'as_of' | 'window_days' | 'cover_days' | 'memo' | 'created_by' | 'created_at'>): number {
  const info = sql(
    db,
    `INSERT INTO order_plans (as_of, window_days, cover_days, memo, created_by, created_at)
     VALUES (@as_of, @window_days, @cover_days, @memo, @created_by, @created_at)`,
  ).run(p);
  return Number(info.lastInsertRowid);
}

export function updatePlanHead(db: WritableDB, id: number, p: Pick<PlanRow, 'as_of' | 'window_days' | 'cover_days' | 'memo'>): void {
  sql(db, 'UPDATE order_plans SET as_of = @as_of, window_days = @window_days, cover_days = @cover_days, memo = @memo WHERE id = @id').run({ ...p, id });
}

export function replacePlanLines(db: WritableDB, planId: number, lines: PlanLineRow[]): void {
  sql(db, 'DELETE FROM order_plan_lines WHERE plan_id = ?').run(planId);
  const ins = sql(
    db,
    `INSERT INTO order_plan_lines (plan_id, item_id, on_hand, on_order, sold_qty, avg_daily_milli, safety_stock, lead_days, pack_qty, suggested, qty)
     VALUES (@plan_id, @item_id, @on_hand, @on_order, @sold_qty, @avg_daily_milli, @safety_stock, @lead_days, @pack_qty, @suggested, @qty)`,
  );
  for (const l of lines) ins.run({ ...l, plan_id: planId });
}

export function markPlanSigned(db: WritableDB, id: number, by: number, at: string): void {
  sql(db, "UPDATE order_plans SET state = 'signed', signed_by = ?, signed_at = ? WHERE id = ?").run(by, at, id);
}

export function listPlans(db: ReadableDB, f: { state?: string; limit: number; offset: number }): { rows: PlanRow[]; total: number } {
  const w = f.state ? 'WHERE state = @state' : '';
  const args = f.state ? { state: f.state } : {};
  const total = sql(db, `SELECT COUNT(*) FROM order_plans ${w}`).pluck().get(args) as number;
  const rows = sql(db, `SELECT * FROM order_plans ${w} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({
    ...args,
    limit: f.limit,
    offset: f.offset,
  }) as PlanRow[];
  return { rows, total };
}

export function requisitionsOfPlan(db: ReadableDB, planId: number): { id: number; no: string }[] {
  return sql(db, 'SELECT id, no FROM requisitions WHERE plan_id = ? ORDER BY id').all(planId) as { id: number; no: string }[];
}
