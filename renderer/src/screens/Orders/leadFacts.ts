// What a requisition line and the lead-time dialog need about items, from the core's order plan
// (orderPlan.compute): today in office time (asOf), HQ's lead time (the item's own or the office
// default) and the case pack. Dates are YYYY-MM-DD in the office's calendar; adding days is pure
// calendar arithmetic (no clock, no PC timezone).

import type { OrderPlanRow } from '../../../../shared/contract';
import { call, type ApiResult } from '../../api';

export interface LeadFacts {
  /** today in the office's timezone */
  asOf: string;
  leadDefault: number;
  byItem: Map<number, OrderPlanRow>;
}

/** Every active item's facts (query '' ) or those matching a code. */
export async function leadFacts(query = ''): Promise<ApiResult<LeadFacts>> {
  const r = await call('orderPlan.compute', { query, needOnly: false });
  if (!r.ok) return r;
  return { ok: true, value: { asOf: r.value.asOf, leadDefault: r.value.leadDefault, byItem: new Map(r.value.rows.map((x) => [x.itemId, x])) } };
}

/** The item's lead time (its own or the default) and case pack; an item the plan does not list takes the default and a pack of 1. */
export function itemLead(f: LeadFacts, itemId: number): { leadDays: number; packQty: number } {
  const row = f.byItem.get(itemId);
  return { leadDays: row?.leadDays ?? f.leadDefault, packQty: row?.packQty ?? 1 };
}

/** A calendar date plus whole days (YYYY-MM-DD in, YYYY-MM-DD out). */
export function datePlus(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
