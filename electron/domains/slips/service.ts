// Slips: inbound (进仓单), dispatch (发货单), customer return (退货单) and reversal (红字冲销单).
// The orchestration of every slip write, stock and money together, so that anything that calls
// it (the handlers, the bench's generator, a test) keeps both books consistent:
//  - a draft may be edited (its signatures, and the money finance's signature booked, are dropped
//    when its content changes) and voided (its money reversed);
//  - signing records who signed as which role over a hash of the content; finance's signature on a
//    dispatch books its payment or receivable (money.ts);
//  - posting moves stock through the FIFO layers (ledger/fifo.ts) and settles the money of a short
//    pick or a return;
//  - a posted slip is only ever reversed (红字冲销), stock and money.

import { SLIP_PREFIX, SLIP_SIGNATURES, isAdjustmentKind, type CreatableSlipKind, type SlipKind, type SlipLineInput } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import type { WritableDB } from '../../store/db';
import { issue, receive, returnedOf, reverseMove, takeCost, type PostingCtx } from '../../ledger/fifo';
import type { BookCtx } from '../../ledger/journal';
import { nextNumber } from '../../ledger/numbering';
import { signWithOfficeKey } from '../../ledger/officeKey';
import { invalid } from '../errors';
import { requireOpeningReversible } from '../opening/rules';
import { cancelPendingRefund } from '../refunds/service';
import { cancelInTransit } from '../deliveryCash/service';
import { requireOpenRequisition } from '../requisitions/service';
import {
  afterDraftEdited,
  bookDispatchPayment,
  putDispatchInTransit,
  reverseSlipMoney,
  settleDispatchPosted,
  settleReturnPosted,
  slipHasMoney,
  type Override,
} from './money';
import {
  contentHash,
  freezePaper,
  thawPaper,
  deleteLines,
  dropSignatures,
  insertLines,
  insertSignature,
  insertSlip,
  lineRows,
  liveSignatures,
  markPosted,
  markVoid,
  missingOf,
  movesOfSlip,
  nextPostSeq,
  outMovesOfLine,
  setShipped,
  markDefective,
  markSecondDelivery,
  shippedOf,
  signaturePayload,
  slipRow,
  updateHeader,
  type LineRow,
  type SlipRow,
} from './repo';
import {
  checkAmount,
  checkHeaderFields,
  checkParties,
  checkReturnable,
  normaliseLines,
  requireComplete,
  requireDraft,
  requireEditable,
  requireNewDeliveryNote,
  requireOtherSigner,
  requireReversalSignoffs,
  requireReversible,
  requireSignatures,
  requireSigner,
  requireSigningOrder,
  requireStock,
  returnCustomer,
  shippedQuantities,
  defectiveLineIds,
  type PickInput,
  type SlipHeaderInput,
  requireCarrierToCollect,
  requireCollectable,
} from './rules';
import type { CostSetter } from './preGoLiveRules';
import { hqReturnSupplier } from './adjustRules';

export interface Actor {
  id: number;
  roles: readonly Role[];
}

/** Who writes, when, into which business day. */
export interface SlipWriter {
  db: WritableDB;
  nowIso: string;
  businessDate: string;
  actor: Actor;
}

function books(w: SlipWriter, userId = w.actor.id): BookCtx {
  return { db: w.db, nowIso: w.nowIso, businessDate: w.businessDate, userId };
}

/** prefix + yyyyMMdd + 4-digit serial (ledger/numbering.ts). */
export function nextSlipNo(db: WritableDB, kind: SlipKind, businessDate: string): string {
  return nextNumber(db, 'slips', SLIP_PREFIX[kind], businessDate);
}

// ------------------------------------------------------------------ drafts

/** Who sets a return-without-dispatch line's unit cost, over the draft's lines so far (none: not such a return). */
function costSetter(w: SlipWriter, preGoLive: boolean, before: LineRow[] = []): CostSetter | null {
  return preGoLive ? { isManager: w.actor.roles.includes('manager'), before } : null;
}

export function createSlip(w: SlipWriter, kind: CreatableSlipKind, h: SlipHeaderInput, lines: SlipLineInput[], preGoLive = false): SlipRow {
  const { db } = w;
  checkHeaderFields(kind, h);
  if (preGoLive && kind !== 'return') invalid('只有退货单可以是无原单退货', 'only a return can be a return without a dispatch');
  checkParties(db, h);
  if (h.requisitionId != null) requireOpenRequisition(db, h.requisitionId, w.businessDate);
  const no = nextSlipNo(db, kind, w.businessDate);
  requireCollectable({ no, collect_by_carrier: h.collectByCarrier ? 1 : 0, payment_mode: h.paymentMode ?? null });
  const customerId = kind === 'return' ? returnCustomer(db, h, preGoLive) : (h.customerId ?? null);
  const supplierId = kind === 'hqReturn' ? hqReturnSupplier(db, h.supplierId ?? null, h.sourceSlipId ?? null) : (h.supplierId ?? null);
  const norm = normaliseLines(db, kind, h.sourceSlipId ?? null, lines, costSetter(w, preGoLive));
  if (kind === 'return' && !preGoLive && norm.length) checkReturnable(db, norm);
  const id = insertSlip(db, {
    no,
    kind,
    business_date: w.businessDate,
    supplier_id: supplierId,
    customer_id: customerId,
    delivery_note_no: h.deliveryNoteNo ?? null,
    payment_mode: h.paymentMode ?? null,
    source_slip_id: h.sourceSlipId ?? null,
    memo: h.memo ?? '',
    reason: null,
    created_by: w.actor.id,
    created_at: w.nowIso,
    pre_golive: preGoLive ? 1 : 0,
    collect_by_carrier: h.collectByCarrier ? 1 : 0,
    requisition_id: h.requisitionId ?? null,
  });
  insertLines(db, id, norm);
  return slipRow(db, id);
}

function nextHeader(db: WritableDB, row: SlipRow, h: SlipHeaderInput, linesGiven: boolean): SlipRow {
  const next: SlipRow = { ...row };
  if (h.supplierId !== undefined) next.supplier_id = h.supplierId;
  if (h.customerId !== undefined) next.customer_id = h.customerId;
  if (h.deliveryNoteNo !== undefined) next.delivery_note_no = h.deliveryNoteNo;
  if (h.paymentMode !== undefined) next.payment_mode = h.paymentMode;
  if (h.sourceSlipId !== undefined) next.source_slip_id = h.sourceSlipId;
  if (h.memo !== undefined) next.memo = h.memo ?? '';
  if (h.collectByCarrier != null) next.collect_by_carrier = h.collectByCarrier ? 1 : 0;
  if (h.requisitionId !== undefined) next.requisition_id = h.requisitionId;
  requireCollectable(next);
  if (row.kind === 'hqReturn') {
    // naming the inbound names its supplier (HQ); a supplier given with it must be the same
    const given = h.supplierId !== undefined ? h.supplierId : next.source_slip_id != null ? null : next.supplier_id;
    next.supplier_id = hqReturnSupplier(db, given, next.source_slip_id);
  } else if (row.kind === 'return' && row.pre_golive === 1) {
    next.customer_id = returnCustomer(db, { sourceSlipId: next.source_slip_id, customerId: next.customer_id }, true);
  } else if (row.kind === 'return') {
    if (h.sourceSlipId !== undefined && h.sourceSlipId !== row.source_slip_id && !linesGiven && lineRows(db, row.id).length)
      invalid('更换原发货单时须同时重填退货行', 'changing the dispatch of a return needs its lines re-entered');
    next.customer_id = returnCustomer(db, { sourceSlipId: next.source_slip_id, customerId: h.customerId ?? null });
  }
  return next;
}

/** Edit a draft; a change of content drops its signatures and the money finance's signature booked. */
export function updateSlip(w: SlipWriter, slipId: number, version: number | undefined, h: SlipHeaderInput, lines: SlipLineInput[] | undefined): SlipRow {
  const { db } = w;
  const row = slipRow(db, slipId);
  requireEditable(row, version);
  const kind = row.kind as CreatableSlipKind;
  checkHeaderFields(kind, h);
  checkParties(db, h);
  if (h.requisitionId != null && h.requisitionId !== row.requisition_id) requireOpenRequisition(db, h.requisitionId, w.businessDate);
  const before = contentHash(db, row);
  const next = nextHeader(db, row, h, lines !== undefined);
  updateHeader(db, next, w.nowIso);
  if (lines !== undefined) {
    const preGoLive = row.pre_golive === 1;
    const norm = normaliseLines(db, kind, next.source_slip_id, lines, costSetter(w, preGoLive, lineRows(db, row.id)));
    if (kind === 'return' && !preGoLive && norm.length) checkReturnable(db, norm);
    deleteLines(db, row.id);
    insertLines(db, row.id, norm);
  }
  if (contentHash(db, slipRow(db, row.id)) !== before) {
    dropSignatures(db, row.id, w.nowIso);
    thawPaper(db, row.id); // the next first signature freezes the paper again, from today's master data
  }
  const updated = slipRow(db, row.id);
  afterDraftEdited(books(w), row.id); // finance's signature dropped → its money reversed (红字)
  return updated;
}

/** Void a draft (作废): its number stays used, and any money its signatures booked is reversed. */
export function voidSlip(w: SlipWriter, slipId: number, reason: string): SlipRow {
  const row = slipRow(w.db, slipId);
  requireDraft(row);
  markVoid(w.db, row.id, reason, w.actor.id, w.nowIso);
  reverseSlipMoney(books(w), row.id, '单据作废');
  return slipRow(w.db, row.id);
}

// ------------------------------------------------------------------ signing

export interface Signer {
  id: number;
  name: string;
  roles: Role[];
}

/** Sign a draft as one role (the PIN was checked by the caller); finance's signature on a dispatch books its money. */
export function signSlip(w: SlipWriter, slipId: number, role: Role, signer: Signer, override: Override | null = null): SlipRow {
  const { db } = w;
  const row = slipRow(db, slipId);
  requireDraft(row);
  requireSigner(row, role, signer);
  const lines = lineRows(db, row.id);
  requireComplete(db, row, lines);
  const sigs = liveSignatures(db, row, contentHash(db, row, lines));
  requireSigningOrder(row, role, sigs);
  requireOtherSigner(role, signer, sigs);
  if (sigs.some((s) => s.role === role)) dropSignatures(db, row.id, w.nowIso, role);
  // the first signature freezes what the paper shows; the ones after sign the same content
  if (!sigs.some((s) => s.valid)) freezePaper(db, row, lines);
  const hash = contentHash(db, slipRow(db, row.id), lines);
  const signature = signWithOfficeKey(db, signaturePayload(row.no, hash, role, signer.name, w.nowIso));
  insertSignature(db, { slipId: row.id, role, userId: signer.id, at: w.nowIso, hash, signature });
  if (role === 'finance' && row.kind === 'dispatch') bookDispatchPayment(books(w, signer.id), row.id, override);
  return row;
}

// ------------------------------------------------------------------ posting

/** The amount that moved on a line: all of it, or the shipped part at the line's price. */
function shippedAmountOf(l: LineRow, shipped: number): number {
  return shipped === l.qty ? l.amount_fen : checkAmount(shipped, l.price_fen ?? 0);
}

export function postSlip(w: SlipWriter, slipId: number, pick: PickInput = { confirmShort: false }, secondDelivery?: { reason: string }): SlipRow {
  const { db } = w;
  const row = slipRow(db, slipId);
  requireDraft(row);
  const lines = lineRows(db, row.id);
  requireComplete(db, row, lines);
  requireNewDeliveryNote(db, row, secondDelivery);
  requireSignatures(row, missingOf(row.kind, liveSignatures(db, row, contentHash(db, row, lines))));
  const shipped = shippedQuantities(db, row, lines, pick);
  const defective = defectiveLineIds(db, row, lines, shipped, pick);
  if (isAdjustmentKind(row.kind)) return postAdjustment(w, row, lines);
  lines.forEach((l, i) => (l.shipped_qty = shipped[i]));
  if (row.kind === 'return' && row.pre_golive !== 1)
    checkReturnable(
      db,
      lines.map((l) => ({ ...l, qty: shippedOf(l) })),
    );
  if (row.kind === 'dispatch') requireStock(db, lines);
  requireCarrierToCollect(db, row);
  if (row.requisition_id != null) requireOpenRequisition(db, row.requisition_id, w.businessDate); // cancelled, closed or in full since

  for (const l of lines) setShipped(db, l.id, shippedOf(l), shippedAmountOf(l, shippedOf(l)));
  for (const id of defective) markDefective(db, id);
  for (const l of lines) if (defective.includes(l.id)) l.defective = 1; // received into the defective pool (次品)
  if (row.kind === 'inbound' && secondDelivery) markSecondDelivery(db, row.id, secondDelivery.reason);
  // a slip nobody signs: its paper as posted (a signed one froze at its first signature; one signed
  // before 0017 keeps printing from the master data, so its signatures stay valid)
  if (row.paper_json === null && SLIP_SIGNATURES[row.kind].length === 0) freezePaper(db, row, lines);
  markPosted(db, row.id, { by: w.actor.id, at: w.nowIso, seq: nextPostSeq(db), businessDate: w.businessDate });
  moveStock(db, row, lines, { slipId: row.id, businessDate: w.businessDate, postedAt: w.nowIso });
  if (row.kind === 'dispatch') settleDispatchPosted(books(w), row.id); // short pick: the unshipped part back
  if (row.collect_by_carrier === 1) putDispatchInTransit(books(w), row.id); // 送货收款: with the carrier until handed over
  if (row.kind === 'return') settleReturnPosted(books(w), row.id); // refund or credit note
  return slipRow(db, row.id);
}

/** 报损单 / 退回总部: each line leaves in full from the oldest layers; its FIFO cost is stored on the
 *  line before the slip is posted (the posted hash covers it). Stock was checked by requireComplete. */
function postAdjustment(w: SlipWriter, row: SlipRow, lines: LineRow[]): SlipRow {
  const { db } = w;
  const pc: PostingCtx = { slipId: row.id, businessDate: w.businessDate, postedAt: w.nowIso };
  for (const l of lines) setShipped(db, l.id, l.qty, issue(db, pc, { itemId: l.item_id, lineId: l.id, qty: l.qty, defective: l.defective === 1 }));
  markPosted(db, row.id, { by: w.actor.id, at: w.nowIso, seq: nextPostSeq(db), businessDate: w.businessDate });
  return slipRow(db, row.id);
}

function moveStock(db: WritableDB, row: SlipRow, lines: LineRow[], pc: PostingCtx): void {
  for (const l of lines) {
    if (shippedOf(l) === 0) continue;
    if (row.kind === 'inbound') receive(db, pc, { itemId: l.item_id, lineId: l.id, qty: l.qty, amountFen: l.amount_fen });
    else if (row.kind === 'dispatch') issue(db, pc, { itemId: l.item_id, lineId: l.id, qty: shippedOf(l) });
    else if (row.pre_golive === 1)
      receive(db, pc, {
        itemId: l.item_id,
        lineId: l.id,
        qty: shippedOf(l),
        amountFen: checkAmount(shippedOf(l), l.unit_cost_fen),
        defective: l.defective === 1,
      });
    else receiveReturn(db, pc, l);
  }
}

/** A customer return comes back at the cost it went out at: the latest takes of the dispatch line first. */
function receiveReturn(db: WritableDB, pc: PostingCtx, l: LineRow): void {
  let left = shippedOf(l);
  for (const out of outMovesOfLine(db, l.source_line_id!)) {
    if (left === 0) break;
    const back = returnedOf(db, out.id);
    const remainingQty = out.qty - back.qty;
    if (remainingQty <= 0) continue;
    const q = Math.min(left, remainingQty);
    const amountFen = takeCost(remainingQty, out.amount_fen - back.amountFen, q);
    receive(db, pc, { itemId: l.item_id, lineId: l.id, qty: q, amountFen, sourceMoveId: out.id, defective: l.defective === 1 });
    left -= q;
  }
  if (left > 0) throw new Error(`return line ${l.id}: ${left} units have no dispatch cost to come back at`);
}

// ------------------------------------------------------------------ reversal (红字冲销)

/** The reversal's lines are what actually moved on the original. */
function reversalLines(kind: SlipKind, original: LineRow[]) {
  return original
    .filter((l) => shippedOf(l) > 0)
    .map((l, i) => {
      const qty = shippedOf(l);
      // a line's amount is at its price (dispatch, return) or else its unit cost (inbound)
      // … and a write-off's or return to HQ's the FIFO cost it left at
      const amount = isAdjustmentKind(kind) ? l.shipped_amount_fen! : qty === l.qty ? l.amount_fen : checkAmount(qty, l.price_fen ?? l.unit_cost_fen);
      return {
        line_no: i + 1,
        item_id: l.item_id,
        qty,
        unit_cost_fen: l.unit_cost_fen,
        price_fen: l.price_fen,
        amount_fen: amount,
        source_line_id: l.id,
        memo: l.memo,
        amount_entered: l.amount_entered,
        cause: l.cause,
      };
    });
}

/** A new posted slip that puts back exactly what the original moved, and reverses its money. */
/** The reversal's signatures, over its own content, as a draft's would be (printed in 经理审核 and 财务). */
function signReversal(w: SlipWriter, rev: SlipRow, signers: ReversalSigners): void {
  const hash = contentHash(w.db, rev);
  for (const [role, s] of [
    ['manager', signers.manager],
    ['finance', signers.finance],
  ] as const) {
    if (!s) continue;
    const signature = signWithOfficeKey(w.db, signaturePayload(rev.no, hash, role, s.name, w.nowIso));
    insertSignature(w.db, { slipId: rev.id, role, userId: s.id, at: w.nowIso, hash, signature });
  }
}

/** Who signed a reversal: 经理审核 always, 财务 where the original moved money. */
export interface ReversalSigners {
  manager: { id: number; name: string };
  finance: { id: number; name: string } | null;
}

export function reverseSlip(w: SlipWriter, slipId: number, reason: string, signers: ReversalSigners): { original: SlipRow; reversal: SlipRow } {
  const { db } = w;
  const row = slipRow(db, slipId);
  const moves = movesOfSlip(db, row.id);
  if (row.kind === 'opening') requireOpeningReversible(db, row.no, w.actor.roles);
  requireReversible(db, row, moves);
  requireReversalSignoffs(slipHasMoney(db, row.id), signers.manager, signers.finance);
  const no = nextSlipNo(db, 'reversal', w.businessDate);
  const seq = nextPostSeq(db);
  const { supplier_id, customer_id, delivery_note_no, payment_mode } = row;
  const revId = insertSlip(db, {
    ...{ no, kind: 'reversal', business_date: w.businessDate, supplier_id, customer_id, delivery_note_no, payment_mode },
    ...{ source_slip_id: row.id, memo: '', reason, created_by: w.actor.id, created_at: w.nowIso },
  });
  insertLines(db, revId, reversalLines(row.kind, lineRows(db, row.id)));
  const lineMap = new Map<number, number>();
  for (const l of lineRows(db, revId)) {
    lineMap.set(l.source_line_id!, l.id);
    setShipped(db, l.id, l.qty, l.amount_fen);
  }
  freezePaper(db, slipRow(db, revId), lineRows(db, revId));
  signReversal(w, slipRow(db, revId), signers);
  markPosted(db, revId, { by: w.actor.id, at: w.nowIso, seq, businessDate: w.businessDate, keepVersion: true });
  const pc: PostingCtx = { slipId: revId, businessDate: w.businessDate, postedAt: w.nowIso };
  // Undo in reverse order, so an issue's restored layers end exactly as they were.
  for (const m of [...moves].reverse()) reverseMove(db, pc, m, lineMap.get(m.slip_line_id)!);
  const reversal = slipRow(db, revId);
  reverseSlipMoney(books(w), row.id, `红字冲销 ${reversal.no}`);
  cancelPendingRefund(books(w), row.id, `红字冲销 ${reversal.no}: ${reason}`); // not paid yet: nothing moved
  cancelInTransit(books(w), row.id); // not handed over yet: nothing moved
  return { original: slipRow(db, row.id), reversal };
}
