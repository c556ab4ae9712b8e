// safety.*: the 安全库存定额表 (every active item with its usage and suggestion), proposals with
// the usage they rest on, and the manager's decision, which sets the item's safety stock.

import type { SafetyProposal, SafetyRow } from '../../../shared/contract';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { notFound } from '../errors';
import { decideProposal, insertProposal, listProposals, pendingByItem, proposalRow, safetyItems, soldInWindow, type ProposalRow } from './repo';
import { requireDecidable, usageOf } from './rules';

interface Window {
  windowDays: number;
  coverDays: number;
}

const person = (db: ReadableDB, id: number) => ({ id, name: sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string });

function proposalView(db: ReadableDB, p: ProposalRow): SafetyProposal {
  const item = sql(db, 'SELECT code, name, unit FROM items WHERE id = ?').get(p.item_id) as { code: string; name: string; unit: string };
  return {
    id: p.id,
    itemId: p.item_id,
    itemCode: item.code,
    itemName: item.name,
    unit: item.unit,
    fromQty: p.from_qty,
    qty: p.qty,
    reason: p.reason,
    usage: { windowDays: p.window_days, coverDays: p.cover_days, soldQty: p.sold_qty, avgDailyMilli: p.avg_daily_milli, suggested: p.suggested },
    asOf: p.as_of,
    state: p.state,
    proposedBy: person(db, p.proposed_by),
    proposedAt: p.proposed_at,
    decidedBy: p.decided_by == null ? null : person(db, p.decided_by),
    decidedAt: p.decided_at,
    note: p.note,
  };
}

export function safetyTable(db: ReadableDB, asOf: string, q: Window & { query: string }): { asOf: string; rows: SafetyRow[] } {
  const sold = soldInWindow(db, asOf, q.windowDays);
  const pending = pendingByItem(db);
  const rows = safetyItems(db, { query: q.query }).map((i) => {
    const p = pending.get(i.id);
    return {
      itemId: i.id,
      itemCode: i.code,
      itemName: i.name,
      unit: i.unit,
      location: i.location,
      packQty: i.pack_qty,
      onHand: i.on_hand,
      safetyStock: i.safety_stock,
      usage: usageOf(sold.get(i.id) ?? 0, q.windowDays, q.coverDays, i.pack_qty),
      pending: p ? proposalView(db, p) : null,
    };
  });
  return { asOf, rows };
}

export interface Proposer {
  db: WritableDB;
  asOf: string;
  nowIso: string;
  userId: number;
}

export function propose(w: Proposer, input: Window & { itemId: number; qty: number; reason: string }): SafetyProposal {
  const [item] = safetyItems(w.db, { itemId: input.itemId });
  if (!item) notFound('item', input.itemId);
  const sold = soldInWindow(w.db, w.asOf, input.windowDays, [item.id]).get(item.id) ?? 0;
  const usage = usageOf(sold, input.windowDays, input.coverDays, item.pack_qty);
  const id = insertProposal(w.db, {
    item_id: item.id,
    from_qty: item.safety_stock,
    qty: input.qty,
    reason: input.reason,
    window_days: usage.windowDays,
    cover_days: usage.coverDays,
    sold_qty: usage.soldQty,
    avg_daily_milli: usage.avgDailyMilli,
    suggested: usage.suggested,
    as_of: w.asOf,
    proposed_by: w.userId,
    proposed_at: w.nowIso,
  });
  return proposalView(w.db, proposalRow(w.db, id));
}

export function decide(
  db: WritableDB,
  input: { proposalId: number; approve: boolean; note: string },
  by: { id: number; name: string; at: string },
): SafetyProposal {
  const p = proposalRow(db, input.proposalId);
  const code = sql(db, 'SELECT code FROM items WHERE id = ?').pluck().get(p.item_id) as string;
  requireDecidable(p, code, by.id, by.name);
  decideProposal(db, p.id, { approve: input.approve, by: by.id, at: by.at, note: input.note });
  return proposalView(db, proposalRow(db, p.id));
}

export function proposals(db: ReadableDB, f: Parameters<typeof listProposals>[1]): { rows: SafetyProposal[]; total: number } {
  const { rows, total } = listProposals(db, f);
  return { total, rows: rows.map((r) => proposalView(db, r)) };
}
