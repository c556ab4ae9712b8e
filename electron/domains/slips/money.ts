// The money of slips (发货收款, 退货退款). The finance supervisor's signature on a dispatch records its
// payment: cash or a channel → a receipt (现收/银收) linked to the slip; credit → a sale on the
// customer's receivable, within the credit limit or with the manager's override (现金现货原则).
// When that signature is dropped (the draft is edited), the draft is voided or the posted slip is
// reversed, the money is reversed in red. Posting a confirmed short pick credits the unshipped part
// or makes a refund of it; a posted customer return is credited or makes a refund in its payment
// mode. A refund waits for the finance supervisor (refunds/: 待付退款): no money leaves the cash box
// until finance confirms it with the PIN.
//
// Called from the slips service (service.ts), in the same transaction as the slip's own write.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { PaymentMode } from '../../../shared/contract';
import type { MoneyAccount } from '../../../shared/contract';
import {
  appendEntry,
  appendJournal,
  applyCredit,
  applyPrepayments,
  customerBalance,
  reverseEntry,
  reverseJournal,
  type BookCtx,
  type EntryDbRow,
  type JournalDbRow,
} from '../../ledger/journal';
import { hasFinanceSignature } from './repo';
import { createRefund } from '../refunds/service';
import { hasInTransit, putInTransit } from '../deliveryCash/service';

interface SlipHead {
  id: number;
  no: string;
  kind: string;
  state: string;
  customer_id: number | null;
  payment_mode: PaymentMode | null;
  source_slip_id: number | null;
  collect_by_carrier: number;
}

function head(db: ReadableDB, slipId: number): SlipHead {
  return sql(db, 'SELECT id, no, kind, state, customer_id, payment_mode, source_slip_id, collect_by_carrier FROM slips WHERE id = ?').get(slipId) as SlipHead;
}

function customerName(db: ReadableDB, id: number | null): string {
  return id == null ? '' : ((sql(db, 'SELECT name FROM customers WHERE id = ?').pluck().get(id) as string | undefined) ?? '');
}

/** The slip's amount as written (a draft) — Σ qty × price. */
export function slipAmount(db: ReadableDB, slipId: number): number {
  return sql(db, 'SELECT COALESCE(SUM(amount_fen), 0) FROM slip_lines WHERE slip_id = ?').pluck().get(slipId) as number;
}

/** What actually moved on a posted slip, at the slip's prices (stored on each line at posting). */
export function shippedAmount(db: ReadableDB, slipId: number): number {
  return sql(db, 'SELECT COALESCE(SUM(COALESCE(shipped_amount_fen, amount_fen)), 0) FROM slip_lines WHERE slip_id = ?').pluck().get(slipId) as number;
}

/** Live (not red, not reversed) money rows of a slip. */
function liveJournal(db: ReadableDB, slipId: number): JournalDbRow[] {
  return sql(
    db,
    `SELECT j.* FROM money_journal j WHERE j.slip_id = ? AND j.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM money_journal r WHERE r.reverses_id = j.id) ORDER BY j.id`,
  ).all(slipId) as JournalDbRow[];
}

/** The slip still carries money in the books (a payment, a refund or a receivable not reversed), or money in transit with its carrier. */
export function slipHasMoney(db: ReadableDB, slipId: number): boolean {
  return liveJournal(db, slipId).length > 0 || liveEntries(db, slipId).length > 0 || hasInTransit(db, slipId);
}

function liveEntries(db: ReadableDB, slipId: number): EntryDbRow[] {
  return sql(
    db,
    `SELECT e.* FROM receivable_entries e WHERE e.slip_id = ? AND e.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM receivable_entries r WHERE r.reverses_id = e.id) ORDER BY e.id`,
  ).all(slipId) as EntryDbRow[];
}

/** Net money recorded for a slip: received (receipts − refunds) and owed on account (sales − credit notes). */
export function slipMoney(db: ReadableDB, slipId: number): { receivedFen: number; receivableFen: number; rows: number } {
  const j = sql(
    db,
    `SELECT COUNT(*) AS n, COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) AS net FROM money_journal WHERE slip_id = ?`,
  ).get(slipId) as { n: number; net: number };
  const e = sql(db, 'SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS net FROM receivable_entries WHERE slip_id = ?').get(slipId) as {
    n: number;
    net: number;
  };
  return { receivedFen: j.net, receivableFen: e.net, rows: j.n + e.n };
}

/** Reverse (红字) every live money row of a slip: receipts, refunds, receivable sales and credit notes. */
export function reverseSlipMoney(b: BookCtx, slipId: number, why: string): void {
  for (const e of liveEntries(b.db, slipId)) reverseEntry(b, e, `冲销 ${e.summary}(${why})`);
  // Payments first (their red rows bring money back), then receipts, so cash never dips below zero midway.
  const rows = liveJournal(b.db, slipId);
  for (const j of [...rows.filter((r) => r.direction === 'out'), ...rows.filter((r) => r.direction === 'in')])
    reverseJournal(b, j, `冲销 ${j.summary}(${why})`);
}

export interface Override {
  id: number;
  name: string;
}

/** Finance has signed a dispatch: record its payment or its receivable. */
export function bookDispatchPayment(b: BookCtx, slipId: number, override: Override | null): void {
  const { db } = b;
  const s = head(db, slipId);
  if (s.kind !== 'dispatch' || s.customer_id == null || s.payment_mode == null) return;
  if (s.collect_by_carrier === 1) return; // 送货收款: the money comes with the carrier, after posting
  // A re-signature (the earlier one no longer valid) replaces what the earlier one booked.
  if (liveJournal(db, slipId).length || liveEntries(db, slipId).length) reverseSlipMoney(b, slipId, '重新签字');
  const amount = slipAmount(db, slipId);
  if (amount <= 0) return;
  const name = customerName(db, s.customer_id);
  if (s.payment_mode !== 'credit') {
    appendJournal(b, {
      account: s.payment_mode as MoneyAccount,
      direction: 'in',
      amountFen: amount,
      cause: 'sale',
      contraKind: 'slip',
      slipId,
      customerId: s.customer_id,
      summary: `销售收款 ${s.no} ${name}`,
    });
    return;
  }
  const limit = sql(db, 'SELECT credit_limit_fen FROM customers WHERE id = ?').pluck().get(s.customer_id) as number;
  const balance = customerBalance(db, s.customer_id);
  const over = balance + amount > limit;
  if (over && !override) fail('credit_limit_exceeded', { customer: name, limitFen: limit, balanceFen: balance, amountFen: amount });
  const sale = appendEntry(b, {
    customerId: s.customer_id,
    kind: 'sale',
    amountFen: amount,
    slipId,
    overrideBy: over ? override!.id : null,
    summary: `赊销 ${s.no}${over ? `(超额度, 经理 ${override!.name} 授权)` : ''}`,
  });
  applyPrepayments(b, sale.id);
}

/** A dispatch was posted: a confirmed short pick credits what did not go out, or owes it back (a pending refund). */
export function settleDispatchPosted(b: BookCtx, slipId: number): void {
  const { db } = b;
  const s = head(db, slipId);
  if (s.kind !== 'dispatch' || s.customer_id == null) return;
  const money = slipMoney(db, slipId);
  if (money.rows === 0) return; // nothing was booked (no amount, or signed before the finance books existed)
  const excess = money.receivedFen + money.receivableFen - shippedAmount(db, slipId);
  if (excess <= 0) return;
  if (money.receivableFen > 0) {
    const sale = liveEntries(db, slipId).find((e) => e.kind === 'sale');
    const note = appendEntry(b, {
      customerId: s.customer_id,
      kind: 'credit_note',
      amountFen: -excess,
      slipId,
      summary: `短拣冲减应收 ${s.no}`,
    });
    applyCredit(b, note.id, sale ? [sale.id] : []);
  } else {
    const receipt = liveJournal(db, slipId).find((j) => j.cause === 'sale');
    createRefund(b, {
      account: receipt?.account ?? (s.payment_mode as MoneyAccount),
      amountFen: excess,
      cause: 'sale_refund',
      slipId,
      customerId: s.customer_id,
      summary: `短拣退款 ${s.no} ${customerName(db, s.customer_id)}`,
    });
  }
}

/** A customer return was posted: owe it back in its payment mode (a pending refund), or credit the customer's account. */
export function settleReturnPosted(b: BookCtx, slipId: number): void {
  const { db } = b;
  const s = head(db, slipId);
  if (s.kind !== 'return' || s.customer_id == null || s.payment_mode == null) return;
  const amount = shippedAmount(db, slipId);
  if (amount <= 0) return;
  const src = s.source_slip_id == null ? null : head(db, s.source_slip_id);
  const srcNo = src ? ` 原单 ${src.no}` : '';
  if (s.payment_mode !== 'credit') {
    createRefund(b, {
      account: s.payment_mode as MoneyAccount,
      amountFen: amount,
      cause: 'return_refund',
      slipId,
      customerId: s.customer_id,
      summary: `退货退款 ${s.no}${srcNo} ${customerName(db, s.customer_id)}`,
    });
    return;
  }
  const note = appendEntry(b, { customerId: s.customer_id, kind: 'credit_note', amountFen: -amount, slipId, summary: `退货冲减应收 ${s.no}${srcNo}` });
  const srcSale = src ? liveEntries(db, src.id).find((e) => e.kind === 'sale') : undefined;
  applyCredit(b, note.id, srcSale ? [srcSale.id] : []);
}

/** A posted dispatch the carrier collects (送货收款): what shipped is in transit with the carrier until finance takes it. */
export function putDispatchInTransit(b: BookCtx, slipId: number): void {
  const s = head(b.db, slipId);
  if (s.kind !== 'dispatch' || s.customer_id == null || s.collect_by_carrier !== 1) return;
  putInTransit(b, {
    slipId,
    customerId: s.customer_id,
    amountFen: shippedAmount(b.db, slipId),
    summary: `送货收款 ${s.no} ${customerName(b.db, s.customer_id)}`,
  });
}

/** After a draft was edited: if finance's signature went, so does the money it recorded. */
export function afterDraftEdited(b: BookCtx, slipId: number): void {
  if (hasFinanceSignature(b.db, slipId)) return;
  if (liveJournal(b.db, slipId).length || liveEntries(b.db, slipId).length) reverseSlipMoney(b, slipId, '单据修改, 财务签字失效');
}
