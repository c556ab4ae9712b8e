// orderPlan.*: the 订货规划表 reckoned from the books (on hand and case pack as safety.table reads
// them, net sales over the window from the safety domain, on order from the signed requisitions),
// drafts saved with the quantities to order, the manager's signature, and the lines a requisition
// takes from a signed plan.

import type { OrderPlan, OrderPlanRow, OrderPlanSummary, RequisitionLineInput } from '../../../shared/contract';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { addDays } from '../../ledger/dates';
import { fail } from '../../../shared/errors';
import { invalid, notFound } from '../errors';
import { safetyItems, soldInWindow } from '../safety/repo';
import { onOrderByItem } from '../requisitions/onOrder';
import {
  insertPlan,
  itemLeadDays,
  listPlans,
  markPlanSigned,
  officeLeadDays,
  planLines,
  planRow,
  replacePlanLines,
  requisitionsOfPlan,
  setItemLeadDays,
  setOfficeLeadDays,
  updatePlanHead,
  type PlanLineRow,
  type PlanRow,
} from './repo';
import { planNumbers, requirePlanState } from './rules';

interface Window {
  windowDays: number;
  coverDays: number;
}

/** The office's default lead time (items without their own take it). */
export const leadDefault = (db: ReadableDB): number => officeLeadDays(db);

export function computePlan(db: ReadableDB, asOf: string, q: Window & { query: string; needOnly: boolean }): OrderPlanRow[] {
  const sold = soldInWindow(db, asOf, q.windowDays);
  const onOrder = onOrderByItem(db);
  const lead = itemLeadDays(db);
  const leadDefault = officeLeadDays(db);
  const rows = safetyItems(db, { query: q.query }).map((i) => {
    const inputs = {
      onHand: i.on_hand,
      onOrder: onOrder.get(i.id) ?? 0,
      soldQty: sold.get(i.id) ?? 0,
      safetyStock: i.safety_stock,
      leadDays: lead.get(i.id) ?? leadDefault,
      packQty: Math.max(i.pack_qty, 1),
    };
    const own = lead.get(i.id) ?? null;
    return { itemId: i.id, itemCode: i.code, itemName: i.name, unit: i.unit, ...inputs, ...planNumbers(inputs, q.windowDays, q.coverDays), ownLeadDays: own };
  });
  return q.needOnly ? rows.filter((r) => r.suggested > 0) : rows;
}

const person = (db: ReadableDB, id: number | null) =>
  id == null ? null : { id, name: sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string };

function summaryOf(db: ReadableDB, p: PlanRow): Omit<OrderPlan, 'lines'> {
  return {
    id: p.id,
    asOf: p.as_of,
    windowDays: p.window_days,
    coverDays: p.cover_days,
    state: p.state,
    memo: p.memo,
    createdBy: person(db, p.created_by)!,
    createdAt: p.created_at,
    signedBy: person(db, p.signed_by),
    signedAt: p.signed_at,
    requisitions: requisitionsOfPlan(db, p.id),
  };
}

export function planView(db: ReadableDB, id: number): OrderPlan {
  const p = planRow(db, id);
  const items = new Map(
    (
      sql(db, 'SELECT i.id, i.code, i.name, i.unit FROM items i JOIN order_plan_lines l ON l.item_id = i.id WHERE l.plan_id = ?').all(id) as {
        id: number;
        code: string;
        name: string;
        unit: string;
      }[]
    ).map((i) => [i.id, i]),
  );
  const lines = planLines(db, id).map((l) => {
    const i = items.get(l.item_id)!;
    return {
      itemId: l.item_id,
      itemCode: i.code,
      itemName: i.name,
      unit: i.unit,
      packQty: l.pack_qty,
      onHand: l.on_hand,
      onOrder: l.on_order,
      soldQty: l.sold_qty,
      avgDailyMilli: l.avg_daily_milli,
      daysOfCover: l.avg_daily_milli === 0 ? null : Math.floor((l.on_hand * 1000) / l.avg_daily_milli),
      safetyStock: l.safety_stock,
      leadDays: l.lead_days,
      suggested: l.suggested,
      qty: l.qty,
    };
  });
  return { ...summaryOf(db, p), lines };
}

export interface PlanWriter {
  db: WritableDB;
  asOf: string;
  nowIso: string;
  userId: number;
}

export function savePlan(w: PlanWriter, input: Window & { planId?: number; memo: string; lines: { itemId: number; qty: number }[] }): number {
  const figures = new Map(computePlan(w.db, w.asOf, { ...input, query: '', needOnly: false }).map((f) => [f.itemId, f]));
  const seen = new Set<number>();
  const lines: PlanLineRow[] = input.lines.map((l, i) => {
    const f = figures.get(l.itemId) ?? notFound('item', l.itemId);
    if (seen.has(l.itemId)) invalid(`第${i + 1}行 商品: ${f.itemCode} 已在规划中`, `Line ${i + 1} item: ${f.itemCode} is already in the plan`);
    seen.add(l.itemId);
    return {
      item_id: f.itemId,
      on_hand: f.onHand,
      on_order: f.onOrder,
      sold_qty: f.soldQty,
      avg_daily_milli: f.avgDailyMilli,
      safety_stock: f.safetyStock,
      lead_days: f.leadDays,
      pack_qty: f.packQty,
      suggested: f.suggested,
      qty: l.qty,
    };
  });
  const head = { as_of: w.asOf, window_days: input.windowDays, cover_days: input.coverDays, memo: input.memo };
  let id = input.planId;
  if (id === undefined) id = insertPlan(w.db, { ...head, created_by: w.userId, created_at: w.nowIso });
  else {
    requirePlanState(planRow(w.db, id), 'draft');
    updatePlanHead(w.db, id, head);
  }
  replacePlanLines(w.db, id, lines);
  return id;
}

export function signPlan(db: WritableDB, planId: number, by: { id: number; at: string }): void {
  requirePlanState(planRow(db, planId), 'draft');
  markPlanSigned(db, planId, by.id, by.at);
}

export function plans(db: ReadableDB, f: { state?: string; limit: number; offset: number }): { rows: OrderPlanSummary[]; total: number } {
  const { rows, total } = listPlans(db, f);
  return {
    total,
    rows: rows.map((p) => {
      const lines = planLines(db, p.id);
      return { ...summaryOf(db, p), lineCount: lines.length, totalQty: lines.reduce((s, l) => s + l.qty, 0) };
    }),
  };
}

/** A signed plan's lines with a quantity, each expected after its item's lead time. */
export function planForRequisition(db: ReadableDB, planId: number, businessDate: string): RequisitionLineInput[] {
  requirePlanState(planRow(db, planId), 'signed');
  const lines = planLines(db, planId)
    .filter((l) => l.qty > 0)
    .map((l) => ({ itemId: l.item_id, qty: l.qty, expectedDate: addDays(businessDate, l.lead_days) }));
  if (lines.length === 0) fail('order_plan_empty', { field: 'planId', planId });
  return lines;
}

export function setLeadDays(db: WritableDB, input: { itemId?: number; leadDays: number | null }): { itemId: number | null; leadDays: number | null } {
  if (input.itemId === undefined) {
    if (input.leadDays === null) invalid('办事处默认到货周期不能为空', 'the office’s default lead time cannot be empty');
    setOfficeLeadDays(db, input.leadDays);
    return { itemId: null, leadDays: input.leadDays };
  }
  if (!setItemLeadDays(db, input.itemId, input.leadDays)) notFound('item', input.itemId);
  return { itemId: input.itemId, leadDays: input.leadDays };
}
