// The writes of repairs.*. A repair record takes the next WX number of the slips' series and, by its
// outcome, makes its slip in the same transaction:
// - repaired: a 维修单 under the record's number, posted at once (the keeper's own record, no
//   signature): line 1 takes the defective units from the oldest defective layers, line 2 brings the
//   same units back as one saleable layer at exactly the cost line 1 took — the stock card shows both
//   rows and the value on hand does not change;
// - scrapped: a draft 报损单 of the defective units (cause 其他, the fault as its memo) for the manager;
// - hqReturn: a draft 退回总部单 of the defective units.

import type { RepairOutcome } from '../../../shared/contract';
import { SLIP_PREFIX } from '../../../shared/contract';
import { issue, issueCost, receive } from '../../ledger/fifo';
import { nextNumber } from '../../ledger/numbering';
import { postedRef } from '../../store/postedSlip';
import type { SessionUser, WriteCtx } from '../context';
import * as slips from '../slips/repo';
import { createSlip } from '../slips/service';
import { insertRepair } from './repo';
import { requireDefectiveAvailable } from './rules';

export interface RepairInput {
  itemId: number;
  qty: number;
  fault: string;
  repairedBy: string;
  outcome: RepairOutcome;
  memo?: string;
  supplierId?: number;
}

/** The 维修单 of a repaired record: posted now, defective → saleable at the same FIFO cost. Returns the slip id and its posted ref. */
function postRepairSlip(ctx: WriteCtx, me: SessionUser, no: string, i: RepairInput): { slipId: number; ref: string } {
  const { db } = ctx;
  const cost = issueCost(db, i.itemId, i.qty, true)!; // requireDefectiveAvailable checked the pool
  const slipId = slips.insertSlip(db, {
    ...{ no, kind: 'repair', business_date: ctx.businessDate, supplier_id: null, customer_id: null, delivery_note_no: null },
    ...{ payment_mode: null, source_slip_id: null, reason: null, created_by: me.id, created_at: ctx.nowIso },
    memo: `维修 ${i.fault} (${i.repairedBy})`,
  });
  const line = { item_id: i.itemId, qty: i.qty, unit_cost_fen: null, price_fen: null, amount_fen: cost, source_line_id: null };
  slips.insertLines(db, slipId, [
    { ...line, line_no: 1, memo: `次品转出: ${i.fault}`, defective: 1 },
    { ...line, line_no: 2, memo: `修复转入良品 (${i.repairedBy})`, defective: 0 },
  ]);
  const [out, back] = slips.lineRows(db, slipId);
  for (const l of [out, back]) slips.setShipped(db, l.id, l.qty, l.amount_fen);
  const hash = slips.markPosted(db, slipId, { by: me.id, at: ctx.nowIso, seq: slips.nextPostSeq(db), businessDate: ctx.businessDate });
  const pc = { slipId, businessDate: ctx.businessDate, postedAt: ctx.nowIso };
  if (issue(db, pc, { itemId: i.itemId, lineId: out.id, qty: i.qty, defective: true }) !== cost) throw new Error(`repair ${no}: FIFO cost moved`);
  receive(db, pc, { itemId: i.itemId, lineId: back.id, qty: i.qty, amountFen: cost });
  return { slipId, ref: postedRef(no, hash) };
}

/** The draft 报损单 or 退回总部单 a scrapped or sent-back record opens. */
function openDraft(ctx: WriteCtx, me: SessionUser, no: string, i: RepairInput): { slipId: number; ref: string } {
  const w = { db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, actor: me };
  const memo = `维修记录 ${no}: ${i.fault}`;
  const line = { itemId: i.itemId, qty: i.qty, memo: memo.slice(0, 100), defective: true }; // as slips.create bounds them
  const row =
    i.outcome === 'scrapped'
      ? createSlip(w, 'writeoff', { memo: memo.slice(0, 200) }, [{ ...line, cause: 'other' }])
      : createSlip(w, 'hqReturn', { memo: memo.slice(0, 200), supplierId: i.supplierId }, [line]);
  return { slipId: row.id, ref: row.no };
}

/** repairs.create: the record and its slip, in the core's one transaction. Returns the record id and the audit ref. */
export function createRepair(ctx: WriteCtx, me: SessionUser, i: RepairInput): { id: number; auditRef: string } {
  requireDefectiveAvailable(ctx.db, i.itemId, i.qty);
  const no = nextNumber(ctx.db, 'slips', SLIP_PREFIX.repair, ctx.businessDate);
  const made = i.outcome === 'repaired' ? postRepairSlip(ctx, me, no, i) : openDraft(ctx, me, no, i);
  const id = insertRepair(ctx.db, {
    ...{ no, item_id: i.itemId, qty: i.qty, fault: i.fault, repaired_by: i.repairedBy, outcome: i.outcome, memo: i.memo ?? '' },
    ...{ slip_id: made.slipId, business_date: ctx.businessDate, created_by: me.id, created_at: ctx.nowIso },
  });
  return { id, auditRef: i.outcome === 'repaired' ? `${made.ref} ${i.qty}` : `${no} ${i.outcome} ${i.qty} → ${made.ref}` };
}
