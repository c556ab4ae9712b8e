// Every permission and business rule of slips.* beside the contract's `access`: who may open and
// edit each kind, which header fields each kind has, what a line must be, when a slip is complete,
// who signs in which order, what a pick may be, and when a posted slip may be reversed.

import { fail } from '../../../shared/errors';
import {
  SLIP_CREATE_ROLES,
  SLIP_KIND_ZH,
  SLIP_SIGNATURES,
  isAdjustmentKind,
  type CreatableSlipKind,
  type Signature,
  type SlipLineInput,
} from '../../../shared/contract';
import { MAX_FEN } from '../../../shared/money';
import { ROLE_EN, ROLE_ZH, type Role } from '../../../shared/roles';
import { carrierOf } from './carrier';
import type { ReadableDB } from '../../store/db';
import { isLayerUntouched, poolQty, type MoveRow } from '../../ledger/fifo';
import { actor, type Ctx } from '../context';
import { invalid, notFound } from '../errors';
import { checkAmount } from './amounts';
import { checkPreGoLiveHeader, preGoLiveLine, requirePreGoLiveComplete, type CostSetter } from './preGoLiveRules';
import { adjustmentLine, requireAdjustmentComplete, requireNoCause } from './adjustRules';
import { partyExists } from '../partners/repo';
import {
  itemForLine,
  itemLabel,
  lineRow,
  liveReturnNos,
  nameOf,
  postedUnderDeliveryNote,
  returnedQtyOfLine,
  returnSourceLine,
  reversalOf,
  shippedOf,
  slipRow,
  type LineRow,
  type NewLine,
  type SlipRow,
} from './repo';

/** Who may open, edit or void a slip depends on its kind (the contract lists the union). */
export function requireKindRole(ctx: Ctx, kind: CreatableSlipKind, method: string): void {
  const allowed = SLIP_CREATE_ROLES[kind];
  if (!actor(ctx).roles.some((r) => allowed.includes(r))) fail('forbidden', { method, roles: allowed.map((r) => ROLE_ZH[r]) });
}

// ------------------------------------------------------------------ header

export interface SlipHeaderInput {
  supplierId?: number | null;
  customerId?: number | null;
  deliveryNoteNo?: string | null;
  paymentMode?: SlipRow['payment_mode'];
  sourceSlipId?: number | null;
  memo?: string | null;
  collectByCarrier?: boolean | null;
  requisitionId?: number | null;
}

const HEADER_FIELDS_BY_KIND: Record<CreatableSlipKind, (keyof SlipHeaderInput)[]> = {
  inbound: ['supplierId', 'deliveryNoteNo', 'memo', 'requisitionId'],
  dispatch: ['customerId', 'paymentMode', 'memo', 'collectByCarrier'],
  return: ['customerId', 'paymentMode', 'sourceSlipId', 'memo'],
  writeoff: ['memo'],
  hqReturn: ['supplierId', 'deliveryNoteNo', 'sourceSlipId', 'memo'],
};

const FIELD_ZH: Record<keyof SlipHeaderInput, string> = {
  supplierId: '供应商',
  customerId: '客户',
  deliveryNoteNo: '随货同行联号',
  paymentMode: '结算方式',
  sourceSlipId: '原发货单',
  memo: '备注',
  collectByCarrier: '送货收款',
  requisitionId: '要货单',
};

export function checkHeaderFields(kind: CreatableSlipKind, h: SlipHeaderInput): void {
  for (const k of Object.keys(h) as (keyof SlipHeaderInput)[]) {
    if (h[k] != null && !HEADER_FIELDS_BY_KIND[kind].includes(k)) invalid(`${SLIP_KIND_ZH[kind]}没有「${FIELD_ZH[k]}」`, `a ${kind} slip has no field ${k}`);
  }
}

/** 送货收款: only a cash dispatch; said of the header as it will be stored. */
export function requireCollectable(row: Pick<SlipRow, 'no' | 'collect_by_carrier' | 'payment_mode'>): void {
  if (row.collect_by_carrier === 1 && row.payment_mode != null && row.payment_mode !== 'cash') fail('cod_cash_only', { field: 'collectByCarrier', no: row.no });
}

/** 送货收款: the carrier who collects is named before the goods leave. */
export function requireCarrierToCollect(db: ReadableDB, row: SlipRow): void {
  if (row.collect_by_carrier === 1 && !carrierOf(db, row.id)) fail('cod_needs_carrier', { field: 'carrierId', no: row.no });
}

export function checkParties(db: ReadableDB, h: SlipHeaderInput): void {
  if (h.customerId != null && !partyExists(db, 'customers', h.customerId)) notFound('customer', h.customerId);
  if (h.supplierId != null && !partyExists(db, 'suppliers', h.supplierId)) notFound('supplier', h.supplierId);
}

/** The posted, unreversed dispatch a return may come back against. */
export function returnableDispatch(db: ReadableDB, sourceSlipId: number): SlipRow {
  const src = slipRow(db, sourceSlipId);
  if (src.kind !== 'dispatch') fail('wrong_slip_kind', { no: src.no, expected: 'dispatch', expected_zh: '发货单' });
  if (src.state !== 'posted') fail('slip_not_posted', { no: src.no, state: src.state });
  const rev = reversalOf(db, src.id);
  if (rev) fail('slip_already_reversed', { no: src.no, reversalNo: rev.no });
  return src;
}

/** A return's customer is the dispatch's customer. */
export function returnCustomer(db: ReadableDB, h: SlipHeaderInput, preGoLive = false): number | null {
  if (preGoLive) checkPreGoLiveHeader(db, h);
  if (h.sourceSlipId == null) return h.customerId ?? null;
  const src = returnableDispatch(db, h.sourceSlipId);
  if (h.customerId != null && h.customerId !== src.customer_id) invalid('退货单的客户须与原发货单一致', 'a return’s customer must be the dispatch’s customer');
  return src.customer_id;
}

// ------------------------------------------------------------------ lines

export { checkAmount } from './amounts';

function returnLine(db: ReadableDB, base: Omit<NewLine, 'unit_cost_fen' | 'price_fen' | 'amount_fen'>, l: SlipLineInput, sourceSlipId: number | null): NewLine {
  const lineNo = base.line_no;
  if (sourceSlipId == null) fail('slip_field_required', { field: 'sourceSlipId', field_zh: '原发货单' });
  if (l.sourceLineId == null) fail('return_line_mismatch', { lineNo });
  const src = lineRow(db, l.sourceLineId);
  if (!src || src.slip_id !== sourceSlipId || src.item_id !== l.itemId) fail('return_line_mismatch', { lineNo });
  if (l.priceFen != null && l.priceFen !== src.price_fen)
    invalid(`第 ${lineNo} 行: 退货按原发货单价`, `line ${lineNo}: a return is priced as it was dispatched`);
  return { ...base, source_line_id: src.id, unit_cost_fen: null, price_fen: src.price_fen, amount_fen: checkAmount(l.qty, src.price_fen) };
}

/** An inbound line by its unit cost (amount = qty × unit) or by HQ's amount (exact; no unit cost),
 *  never both: the FIFO layer then holds exactly that amount (fifo.ts). */
function inboundLine(base: Omit<NewLine, 'unit_cost_fen' | 'price_fen' | 'amount_fen'>, l: SlipLineInput): NewLine {
  const lineNo = base.line_no;
  if (l.priceFen != null) invalid(`第 ${lineNo} 行: 进仓单填写单位成本, 不填售价`, `line ${lineNo}: an inbound line takes a unit cost, not a price`);
  if (l.unitCostFen != null && l.amountFen != null)
    invalid(`第 ${lineNo} 行: 单位成本和金额只填一项`, `line ${lineNo}: give the unit cost or the amount, not both`);
  if (l.amountFen != null) {
    if (l.amountFen > MAX_FEN) fail('amount_too_large');
    return { ...base, unit_cost_fen: null, price_fen: null, amount_fen: l.amountFen, amount_entered: 1 };
  }
  const unit = l.unitCostFen ?? null;
  return { ...base, unit_cost_fen: unit, price_fen: null, amount_fen: checkAmount(l.qty, unit) };
}

/** Lines as entered → lines as stored: each kind's unit (cost, price, the dispatch's price) and amount. */
export function normaliseLines(
  db: ReadableDB,
  kind: CreatableSlipKind,
  sourceSlipId: number | null,
  lines: SlipLineInput[],
  preGoLive: CostSetter | null = null,
): NewLine[] {
  requireNoCause(kind, lines);
  return lines.map((l, i) => {
    const lineNo = i + 1;
    const item = itemForLine(db, l.itemId) ?? notFound('item', l.itemId);
    const base = { line_no: lineNo, item_id: l.itemId, qty: l.qty, memo: l.memo ?? '', source_line_id: null as number | null };
    if (kind !== 'return' && l.sourceLineId != null)
      invalid(`第 ${lineNo} 行: 只有退货单的行可以指向原发货行`, `line ${lineNo}: only return lines point at a dispatch line`);
    if (kind === 'inbound') return inboundLine(base, l);
    if (l.amountFen != null) invalid(`第 ${lineNo} 行: 只有进仓单的行可以填写金额`, `line ${lineNo}: only an inbound line takes an amount`);
    if (preGoLive) return preGoLiveLine(db, base, l, item, preGoLive); // no dispatch: the manager's cost
    if (l.unitCostFen != null) invalid(`第 ${lineNo} 行: 成本由先进先出自动计算, 不能填写`, `line ${lineNo}: cost comes from FIFO and cannot be entered`);
    if (isAdjustmentKind(kind)) return adjustmentLine(kind, base, l); // 报损单, 退回总部: out at FIFO cost
    if (kind === 'dispatch') {
      const price = l.priceFen ?? item.price_fen;
      return { ...base, unit_cost_fen: null, price_fen: price, amount_fen: checkAmount(l.qty, price) };
    }
    return returnLine(db, base, l, sourceSlipId); // against a line of the source dispatch, at its price
  });
}

/** A return may not take back more of a dispatch line than went out and has not yet come back. */
export function checkReturnable(db: ReadableDB, lines: Pick<NewLine, 'source_line_id' | 'qty'>[]): void {
  const want = new Map<number, number>();
  for (const l of lines) want.set(l.source_line_id!, (want.get(l.source_line_id!) ?? 0) + l.qty);
  const short: { itemCode: string; requested: number; returnable: number }[] = [];
  for (const [srcLineId, requested] of want) {
    const src = returnSourceLine(db, srcLineId);
    const returnable = shippedOf(src) - returnedQtyOfLine(db, srcLineId);
    if (requested > returnable) short.push({ itemCode: src.code, requested, returnable });
  }
  if (short.length) fail('return_exceeds_dispatch', { lines: short });
}

// ------------------------------------------------------------------ state, completeness, signatures

export function requireDraft(row: SlipRow): void {
  if (row.state !== 'draft') fail('slip_not_draft', { no: row.no, state: row.state });
}

/** A draft the user made (a reversal is never edited), at the version the editor started from. */
export function requireEditable(row: SlipRow, version: number | undefined): void {
  requireDraft(row);
  if (row.kind === 'reversal') fail('slip_not_draft', { no: row.no, state: row.state });
  if (version != null && version !== row.version) fail('version_conflict', { no: row.no });
}

/** Everything a slip needs before it can be signed or posted (stock aside). */
export function requireComplete(db: ReadableDB, row: SlipRow, lines: LineRow[]): void {
  const need = (ok: unknown, field: string, field_zh: string) => {
    if (ok == null || ok === '') fail('slip_field_required', { field, field_zh });
  };
  if (lines.length === 0) fail('slip_empty', { no: row.no });
  if (isAdjustmentKind(row.kind)) requireAdjustmentComplete(db, { ...row, kind: row.kind }, lines);
  else if (row.kind === 'inbound') {
    need(row.supplier_id, 'supplier', '供应商');
    need(row.delivery_note_no, 'delivery note no. (随货同行联)', '随货同行联号');
    for (const l of lines) {
      if (l.amount_entered !== 1) need(l.unit_cost_fen, `unit cost of line ${l.line_no}`, `第 ${l.line_no} 行的单位成本`);
    }
  } else if (row.kind === 'dispatch') {
    need(row.customer_id, 'customer', '客户');
    need(row.payment_mode, 'payment mode', '结算方式');
  } else if (row.kind === 'return' && row.pre_golive === 1) {
    requirePreGoLiveComplete(db, row, lines);
  } else if (row.kind === 'return') {
    need(row.source_slip_id, 'original dispatch', '原发货单');
    need(row.payment_mode, 'refund mode', '退款方式');
    returnableDispatch(db, row.source_slip_id!);
  }
}

/** A supplier's delivery note number posts once, unless the keeper confirms a second delivery
 *  under the same note and says why (recorded on the slip and, with the input, in the audit). */
export function requireNewDeliveryNote(db: ReadableDB, row: SlipRow, secondDelivery: { reason: string } | undefined): void {
  if (row.kind !== 'inbound' || row.supplier_id == null || row.delivery_note_no == null) return;
  const postedNos = postedUnderDeliveryNote(db, row.supplier_id, row.delivery_note_no);
  if (postedNos.length === 0) return;
  if (secondDelivery?.reason.trim()) return;
  fail('duplicate_delivery_note', {
    supplier: nameOf(db, 'suppliers', row.supplier_id) ?? '',
    deliveryNoteNo: row.delivery_note_no,
    postedNos,
    field: 'deliveryNoteNo',
  });
}

/** The role signs this kind of slip, and the signer holds it. */
export function requireSigner(row: SlipRow, role: Role, signer: { name: string; roles: Role[] }): void {
  if (!SLIP_SIGNATURES[row.kind].includes(role)) fail('role_cannot_sign', { role, role_zh: ROLE_ZH[role], kind: row.kind, kind_zh: SLIP_KIND_ZH[row.kind] });
  if (!signer.roles.includes(role)) fail('role_not_held', { user: signer.name, role, role_zh: ROLE_ZH[role] });
}

/** The role has not signed this content yet, and the roles before it in the kind's order have. */
export function requireSigningOrder(row: SlipRow, role: Role, sigs: Signature[]): void {
  const order = SLIP_SIGNATURES[row.kind];
  if (sigs.find((s) => s.role === role)?.valid) fail('already_signed', { role, role_zh: ROLE_ZH[role] });
  for (const before of order.slice(0, order.indexOf(role))) {
    if (!sigs.some((s) => s.role === before && s.valid)) fail('signature_order', { needs: ROLE_EN[before], needs_zh: ROLE_ZH[before] });
  }
}

/** Separation of duties: one person gives one of a slip's signatures, even when holding both roles (兼任 yes, 自审 no). */
export function requireOtherSigner(role: Role, signer: { id: number; name: string }, sigs: Signature[]): void {
  const own = sigs.find((s) => s.valid && s.userId === signer.id && s.role !== role);
  if (own) fail('self_approval', { user: signer.name, signed: ROLE_EN[own.role], signed_zh: ROLE_ZH[own.role], role: ROLE_EN[role], role_zh: ROLE_ZH[role] });
}

export function requireSignatures(row: SlipRow, missing: Role[]): void {
  if (missing.length) fail('signature_required', { no: row.no, missing: missing.map((r) => ROLE_EN[r]), missing_zh: missing.map((r) => ROLE_ZH[r]) });
}

// ------------------------------------------------------------------ picking and stock

export interface PickInput {
  picked?: { lineId: number; qty: number; defective?: boolean }[];
  confirmShort: boolean;
}

/**
 * The lines the keeper marks defective (次品) on receipt: only on a return, and only a line that
 * received something. The goods come back at the cost they went out at, as every return does, into
 * layers kept apart from saleable stock (0025: stock_layers.defective), which no dispatch takes.
 */
export function defectiveLineIds(db: ReadableDB, row: SlipRow, lines: LineRow[], shipped: number[], pick: PickInput): number[] {
  const marked = (pick.picked ?? []).filter((p) => p.defective).map((p) => p.lineId);
  for (const id of new Set(marked)) {
    const i = lines.findIndex((l) => l.id === id);
    const itemCode = itemLabel(db, lines[i].item_id).code;
    if (row.kind !== 'return') fail('defective_not_allowed', { no: row.no, itemCode, why: 'kind' });
    if (shipped[i] === 0) fail('defective_not_allowed', { no: row.no, itemCode, why: 'none_received' });
  }
  return [...new Set(marked)];
}

/** What each line ships: the slip's quantities, or the keeper's pick (short only when confirmed). */
export function shippedQuantities(db: ReadableDB, row: SlipRow, lines: LineRow[], pick: PickInput): number[] {
  if (!pick.picked) return lines.map((l) => l.qty);
  if (row.kind !== 'dispatch' && row.kind !== 'return') fail('pick_not_allowed', { no: row.no });
  const byLine = new Map<number, number>();
  for (const p of pick.picked) {
    if (!lines.some((l) => l.id === p.lineId)) notFound('line', p.lineId);
    byLine.set(p.lineId, (byLine.get(p.lineId) ?? 0) + p.qty);
  }
  const shipped = lines.map((l) => byLine.get(l.id) ?? 0);
  const label = (i: number) => ({ itemCode: itemLabel(db, lines[i].item_id).code, ordered: lines[i].qty, picked: shipped[i] });
  const over = lines.flatMap((l, i) => (shipped[i] > l.qty ? [label(i)] : []));
  if (over.length) fail('over_pick', { lines: over });
  if (shipped.every((q) => q === 0)) fail('nothing_picked', { no: row.no });
  const short = lines.flatMap((l, i) => (shipped[i] < l.qty ? [label(i)] : []));
  if (short.length && !pick.confirmShort) fail('short_pick_unconfirmed', { lines: short });
  return shipped;
}

/** A dispatch ships only saleable stock on hand, every line's item counted together: defective goods
 *  (次品, kept apart since 0025) are never dispatched — refused as such where they would make up the need. */
export function requireStock(db: ReadableDB, lines: LineRow[]): void {
  const need = new Map<number, number>();
  for (const l of lines) need.set(l.item_id, (need.get(l.item_id) ?? 0) + shippedOf(l));
  const short: { itemCode: string; itemName: string; needed: number; onHand: number }[] = [];
  const defective: { itemCode: string; itemName: string; needed: number; saleable: number; defective: number }[] = [];
  for (const [itemId, needed] of need) {
    const saleable = poolQty(db, itemId, false);
    if (saleable >= needed) continue;
    const it = itemLabel(db, itemId);
    const bad = poolQty(db, itemId, true);
    if (saleable + bad >= needed) defective.push({ itemCode: it.code, itemName: it.name, needed, saleable, defective: bad });
    else short.push({ itemCode: it.code, itemName: it.name, needed, onHand: saleable });
  }
  if (defective.length) fail('defective_not_dispatchable', { lines: defective });
  if (short.length) fail('insufficient_stock', { lines: short });
}

// ------------------------------------------------------------------ reversal

/** A reversal is signed by the manager, and by finance (someone else) where the original moved money. */
export function requireReversalSignoffs(movesMoney: boolean, manager: { id: number; name: string }, finance: { id: number; name: string } | null): void {
  if (movesMoney && !finance) fail('slip_field_required', { field: 'finance', field_zh: '财务签字 (原单涉及收付款)' });
  if (finance && finance.id === manager.id)
    fail('self_approval', { user: manager.name, signed: ROLE_EN.manager, signed_zh: ROLE_ZH.manager, role: ROLE_EN.finance, role_zh: ROLE_ZH.finance });
}

/** A count's slip is reversed through its count (counts.reverse), which marks the count reversed too. */
export function requireNotCount(row: SlipRow): void {
  if (row.kind === 'repair') fail('repair_slip', { no: row.no }); // a repair slip undoes nothing: a new record does
  if (row.kind === 'count')
    fail('wrong_slip_kind', {
      no: row.no,
      expected: 'inbound, dispatch, return or opening (a count is reversed on the count screen)',
      expected_zh: '进仓单、发货单、退货单或期初入库单(盘点单在盘点界面冲销)',
    });
}

/** A posted inbound, dispatch or return, not reversed yet, whose effects can still be undone exactly. */
export function requireReversible(db: ReadableDB, row: SlipRow, moves: MoveRow[]): void {
  if (row.kind === 'reversal') fail('wrong_slip_kind', { no: row.no, expected: 'inbound, dispatch or return', expected_zh: '进仓单、发货单或退货单' });
  if (row.state !== 'posted') fail('slip_not_posted', { no: row.no, state: row.state });
  const existing = reversalOf(db, row.id);
  if (existing) fail('slip_already_reversed', { no: row.no, reversalNo: existing.no });
  if (row.kind === 'dispatch') {
    const returns = liveReturnNos(db, row.id);
    if (returns.length) fail('slip_has_returns', { no: row.no, returnNos: returns });
    return;
  }
  if (isAdjustmentKind(row.kind)) return; // goods out: the reversal puts them back into the layers they left
  // a layer this slip made must be untouched (a count's losses took from older layers: those come back)
  const touched = moves.filter((m) => m.direction === 'in' && !isLayerUntouched(db, m.layer_id));
  if (touched.length) {
    const codes = [...new Set(touched.map((m) => itemLabel(db, m.item_id).code))];
    fail('layers_consumed', { no: row.no, lines: codes.map((itemCode) => ({ itemCode })) });
  }
}
