// The writes of opening balances (期初建账). The opening stock is one slip of kind 'opening', signed
// by the manager with the office key as any slip is, and posted at once: each line is one FIFO layer
// holding exactly the amount entered (fifo.receive keeps the amount; issues split it exactly, the
// take that empties the layer getting what is left). Receivables are sale entries dated on their
// original sale (aging counts from there); cash is one journal row per account. All of it dated
// the business day, and refused once any day has been closed.
import type { MoneyAccount, PinSignoff } from '../../../shared/contract';
import { MONEY_ACCOUNT_ZH } from '../../../shared/contract';
import { receive } from '../../ledger/fifo';
import { appendEntry, appendJournal, type BookCtx } from '../../ledger/journal';
import { signWithOfficeKey } from '../../ledger/officeKey';
import { postedRef } from '../../store/postedSlip';
import { managerSignoff, type WriteCtx } from '../context';
import {
  contentHash,
  freezePaper,
  insertLines,
  insertSignature,
  insertSlip,
  lineRows,
  markPosted,
  nextPostSeq,
  setShipped,
  signaturePayload,
  slipRow,
} from '../slips/repo';
import { nextSlipNo } from '../slips/service';
import { insertOpeningReceivable } from './repo';
import { requireItems, requireNoOpeningCash, requireNoOpeningStock, requireNotClosed, requireReceivableLines } from './rules';

export interface OpeningStockLine {
  itemId: number;
  qty: number;
  amountFen: number;
}

/** The unit cost shown on the line: exact when the amount divides by the quantity, else none (the layer keeps the amount). */
function exactUnit(l: OpeningStockLine): number | null {
  return l.amountFen % l.qty === 0 ? l.amountFen / l.qty : null;
}

function insertOpeningSlip(ctx: WriteCtx, lines: OpeningStockLine[], userId: number): number {
  const id = insertSlip(ctx.db, {
    no: nextSlipNo(ctx.db, 'opening', ctx.businessDate),
    kind: 'opening',
    business_date: ctx.businessDate,
    supplier_id: null,
    customer_id: null,
    delivery_note_no: null,
    payment_mode: null,
    source_slip_id: null,
    memo: '期初建账',
    reason: null,
    created_by: userId,
    created_at: ctx.nowIso,
  });
  insertLines(
    ctx.db,
    id,
    lines.map((l, i) => ({
      line_no: i + 1,
      item_id: l.itemId,
      qty: l.qty,
      unit_cost_fen: exactUnit(l),
      price_fen: null,
      amount_fen: l.amountFen,
      source_line_id: null,
      memo: '',
      // an amount that does not divide is kept as entered (金额), its unit cost shown rounded, as an inbound line by amount
      amount_entered: exactUnit(l) === null ? 1 : 0,
    })),
  );
  return id;
}

/** opening.postStock: the opening slip, signed by the manager and posted; returns what the audit row names: its number and posted hash. */
export function postOpeningStock(ctx: WriteCtx, lines: OpeningStockLine[], s: PinSignoff, userId: number): string {
  const { db } = ctx;
  requireNotClosed(db);
  requireNoOpeningStock(db);
  requireItems(
    db,
    lines.map((l) => l.itemId),
  );
  const manager = managerSignoff(ctx, s);
  const id = insertOpeningSlip(ctx, lines, userId);
  const rows = lineRows(db, id);
  freezePaper(db, slipRow(db, id), rows); // what its paper shows, signed with it
  const row = slipRow(db, id);
  const hash = contentHash(db, row, rows);
  const signature = signWithOfficeKey(db, signaturePayload(row.no, hash, 'manager', manager.name, ctx.nowIso));
  insertSignature(db, { slipId: id, role: 'manager', userId: manager.id, at: ctx.nowIso, hash, signature });
  for (const l of rows) setShipped(db, l.id, l.qty, l.amount_fen);
  const posted = markPosted(db, id, { by: userId, at: ctx.nowIso, seq: nextPostSeq(db), businessDate: ctx.businessDate });
  const pc = { slipId: id, businessDate: ctx.businessDate, postedAt: ctx.nowIso };
  for (const l of rows) receive(db, pc, { itemId: l.item_id, lineId: l.id, qty: l.qty, amountFen: l.amount_fen });
  return postedRef(row.no, posted);
}

/** opening.addReceivables: one sale entry per line, dated on the original sale. */
export function addOpeningReceivables(b: BookCtx, lines: { customerId: number; saleDate: string; docRef: string; amountFen: number }[]): number {
  requireNotClosed(b.db);
  requireReceivableLines(b.db, lines, b.businessDate);
  for (const l of lines) {
    const summary = `期初应收${l.docRef ? ` 原单 ${l.docRef}` : ''}`;
    const entry = appendEntry({ ...b, businessDate: l.saleDate }, { customerId: l.customerId, kind: 'sale', amountFen: l.amountFen, summary, memo: l.docRef });
    insertOpeningReceivable(b.db, { entryId: entry.id, ...l });
  }
  return lines.length;
}

/** opening.setCash: the opening balance of each account named, once per account. */
export function setOpeningCash(b: BookCtx, lines: { account: MoneyAccount; amountFen: number }[]): void {
  requireNotClosed(b.db);
  requireNoOpeningCash(
    b.db,
    lines.map((l) => l.account),
  );
  for (const l of lines)
    appendJournal(b, {
      account: l.account,
      direction: 'in',
      amountFen: l.amountFen,
      cause: 'opening',
      contraKind: 'opening',
      summary: `期初余额 ${MONEY_ACCOUNT_ZH[l.account]}`,
    });
}
