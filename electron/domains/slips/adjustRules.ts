// The rules of the two slips that take goods out of stock without a sale (issue #12): the write-off
// (报损单: damaged, lost or expired goods, each line with its cause) and the return to HQ (退回总部:
// goods sent back to the supplier, naming HQ's delivery note and/or the inbound slip where known).
// Both leave at FIFO cost (no price, no cost entered), are signed by the manager, and never take
// more than is on hand: refused at signing and at posting, every short line named at once.

import { fail } from '../../../shared/errors';
import { SLIP_KIND_ZH, type AdjustmentKind, type SlipLineInput } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { poolQty } from '../../ledger/fifo';
import { invalid } from '../errors';
import { itemLabel, reversalOf, slipRow, type LineRow, type NewLine, type SlipRow } from './repo';

type BaseLine = Omit<NewLine, 'unit_cost_fen' | 'price_fen' | 'amount_fen'>;

/** A write-off or return-to-HQ line: an item and a quantity (the write-off's cause); its amount is
 *  the FIFO cost it leaves at, stored when posted. */
export function adjustmentLine(kind: AdjustmentKind, base: BaseLine, l: SlipLineInput): NewLine {
  const lineNo = base.line_no;
  if (l.priceFen != null) invalid(`第 ${lineNo} 行: ${SLIP_KIND_ZH[kind]}按先进先出成本出库, 不填价格`, `line ${lineNo}: goods leave at FIFO cost; no price`);
  if (kind !== 'writeoff' && l.cause != null) invalid(`第 ${lineNo} 行: 只有报损单填写报损原因`, `line ${lineNo}: only a write-off line has a cause`);
  return { ...base, unit_cost_fen: null, price_fen: null, amount_fen: 0, cause: l.cause ?? null, defective: l.defective ? 1 : 0 };
}

/** Only a write-off line takes a cause; only a write-off's or return to HQ's line says it takes
 *  defective stock (a customer return's is marked by the keeper at posting). */
export function requireNoCause(kind: string, lines: SlipLineInput[]): void {
  const i = lines.findIndex((l) => l.cause != null);
  if (kind !== 'writeoff' && i >= 0) invalid(`第 ${i + 1} 行: 只有报损单填写报损原因`, `line ${i + 1}: only a write-off line has a cause`);
  const d = lines.findIndex((l) => l.defective != null);
  if (kind !== 'writeoff' && kind !== 'hqReturn' && d >= 0)
    invalid(`第 ${d + 1} 行: 只有报损单、退回总部单的行可以指定次品`, `line ${d + 1}: only a write-off or return to HQ line takes defective stock`);
}

/** Each write-off line says why (其他: the memo says what). */
function requireCauses(lines: LineRow[]): void {
  for (const l of lines) {
    if (l.cause === null) fail('writeoff_cause_required', { lineNo: l.line_no, field: 'cause', field_zh: '报损原因', field_en: 'cause' });
    if (l.cause === 'other' && !l.memo.trim()) fail('writeoff_cause_required', { lineNo: l.line_no, field: 'memo', field_zh: '说明', field_en: 'note' });
  }
}

/** A return to HQ's supplier: the one given, else the inbound slip's; the inbound must be a posted,
 *  unreversed inbound of that supplier. */
export function hqReturnSupplier(db: ReadableDB, supplierId: number | null, sourceSlipId: number | null): number | null {
  if (sourceSlipId == null) return supplierId;
  const src = slipRow(db, sourceSlipId);
  if (src.kind !== 'inbound') fail('hq_return_source', { no: src.no, why: 'kind' });
  if (src.state !== 'posted') fail('hq_return_source', { no: src.no, why: 'state' });
  if (reversalOf(db, src.id)) fail('hq_return_source', { no: src.no, why: 'reversed' });
  if (supplierId != null && supplierId !== src.supplier_id) fail('hq_return_source', { no: src.no, why: 'supplier' });
  return src.supplier_id;
}

/** No line, item by item and pool by pool (saleable, or defective: 次品), takes more than is on hand. */
export function requireOnHand(db: ReadableDB, kind: AdjustmentKind, lines: Pick<LineRow, 'line_no' | 'item_id' | 'qty' | 'defective'>[]): void {
  const taken = new Map<string, number>();
  const short: { lineNo: number; itemCode: string; itemName: string; qty: number; onHand: number }[] = [];
  for (const l of lines) {
    const pool = `${l.item_id}:${l.defective}`;
    const before = taken.get(pool) ?? 0;
    taken.set(pool, before + l.qty);
    const onHand = poolQty(db, l.item_id, l.defective === 1) - before;
    if (l.qty > onHand) short.push({ lineNo: l.line_no, ...itemOf(db, l.item_id), qty: l.qty, onHand: Math.max(onHand, 0) });
  }
  if (short.length)
    fail('adjustment_exceeds_stock', { kind_zh: SLIP_KIND_ZH[kind], kind: KIND_EN[kind], field: 'qty', field_zh: '数量', field_en: 'quantity', lines: short });
}

const KIND_EN: Record<AdjustmentKind, string> = { writeoff: 'write-off', hqReturn: 'return to HQ' };

function itemOf(db: ReadableDB, itemId: number): { itemCode: string; itemName: string } {
  const it = itemLabel(db, itemId);
  return { itemCode: it.code, itemName: it.name };
}

/** Everything a write-off or return to HQ needs before it is signed or posted. */
export function requireAdjustmentComplete(db: ReadableDB, row: SlipRow & { kind: AdjustmentKind }, lines: LineRow[]): void {
  if (row.kind === 'writeoff') requireCauses(lines);
  else {
    if (row.supplier_id == null) fail('slip_field_required', { field: 'supplier (HQ)', field_zh: '供应商(总部)' });
    hqReturnSupplier(db, row.supplier_id, row.source_slip_id);
  }
  requireOnHand(db, row.kind, lines);
}
