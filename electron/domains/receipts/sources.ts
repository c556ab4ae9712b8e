// What each receipt prints, read from the books: a money journal row received (收款收据), a dispatch
// slip as signed with its verification QR (发货小票, the same payload as its PDF), a close of day
// (日结汇总). Each source names the document (for the log) and lays out the receipt for a paper
// width (electron/devices/receipt/layouts.ts); and a count's differences (盘点差异), once counting is
// done (a blind count's variance stays hidden while it is open).

import { COUNT_CAUSE_ZH, MONEY_ACCOUNT_ZH, SLIP_KIND_ZH, isReceiptRow, type ReceiptKind } from '../../../shared/contract';
import { SLIP_STATE_ZH, fail } from '../../../shared/errors';
import type { ReceiptDoc, ReceiptWidth } from '../../devices/receipt/doc';
import { cashReceiptDoc, countVarianceDoc, dayCloseDoc, dispatchTicketDoc, type ReceiptHead } from '../../devices/receipt/layouts';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { journalViewById } from '../cash/repo';
import { preview, recordOf } from '../dayClose/service';
import { asSigned, slipQrPayload } from '../documents/service';
import { slipRow, slipView } from '../slips/repo';
import { countRow } from '../counts/repo';
import { varianceOf } from '../counts/variance';

export interface ReceiptSource {
  /** the document in words, for the log and the audit row */
  label: string;
  build(width: ReceiptWidth, head: ReceiptHead): ReceiptDoc;
}

const exists = (db: ReadableDB, table: 'money_journal' | 'day_closes', id: number) => sql(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) != null;

function cashReceipt(db: ReadableDB, id: number): ReceiptSource {
  if (!exists(db, 'money_journal', id)) fail('not_found', { what: 'voucher', what_zh: '凭证', key: id });
  const j = journalViewById(db, id);
  if (!isReceiptRow(j)) fail('not_a_receipt', { voucherNo: j.voucherNo });
  const data = {
    voucherNo: j.voucherNo,
    date: j.date,
    payer: j.customerName ?? j.contra.label,
    cause: j.cause === 'sale' ? `销售 ${j.slipNo ?? ''}`.trim() : '回款',
    account: MONEY_ACCOUNT_ZH[j.account],
    amountFen: j.receiptFen ?? 0,
    receivedBy: j.user.name,
    memo: j.memo,
  };
  return { label: `收款收据 ${j.voucherNo}`, build: (w, h) => cashReceiptDoc(w, h, data) };
}

function dispatchTicket(db: ReadableDB, id: number): ReceiptSource {
  const { slip, party } = asSigned(db, slipView(db, slipRow(db, id)));
  if (slip.kind !== 'dispatch') fail('wrong_slip_kind', { no: slip.no, expected: 'dispatch', expected_zh: SLIP_KIND_ZH.dispatch });
  const lines = slip.lines.map((l) => ({ name: l.itemName, qty: l.shippedQty ?? l.qty, unit: l.unit, amountFen: l.amountFen ?? 0 }));
  const data = {
    slipNo: slip.no,
    date: slip.businessDate,
    customer: party?.name ?? slip.customerName ?? '',
    state: SLIP_STATE_ZH[slip.state] ?? slip.state,
    lines,
    totalFen: slip.totalAmountFen ?? lines.reduce((a, l) => a + l.amountFen, 0),
    qrPayload: slipQrPayload(db, slip.no, slip.contentHash),
  };
  return { label: `发货小票 ${slip.no}`, build: (w, h) => dispatchTicketDoc(w, h, data) };
}

function dayClose(db: ReadableDB, id: number, today: string, timezone: (iso: string) => string): ReceiptSource {
  if (!exists(db, 'day_closes', id)) fail('not_found', { what: 'day close', what_zh: '日结', key: id });
  const r = recordOf(db, id);
  const p = preview(db, r.date, today);
  const data = {
    date: r.date,
    closedAt: timezone(r.closedAt),
    closedBy: r.closedBy.name,
    expectedCashFen: r.expectedCashFen,
    countedCashFen: r.countedCashFen,
    differenceFen: r.differenceFen,
    result: r.result,
    channels: r.channels.map((c) => ({ name: MONEY_ACCOUNT_ZH[c.account], expectedFen: c.expectedFen, confirmedFen: c.confirmedFen })),
    dispatchCount: p.sales.dispatchCount,
    salesFen: p.sales.salesDetailFen,
    returnsCount: p.returns.count,
    returnsFen: p.returns.amountFen,
    collectionsCount: p.collections.count,
    collectionsFen: p.collections.amountFen,
    expensesCount: p.expenses.count,
    expensesFen: p.expenses.paidFen,
    stockClosingFen: p.stock.closingFen,
    signers: [`财务 ${r.finance.name}`, `统计 ${r.statistician.name}`, ...(r.manager ? [`经理 ${r.manager.name}`] : [])].join(' · '),
    reopened: r.reopened != null,
  };
  return { label: `日结汇总 ${r.date}`, build: (w, h) => dayCloseDoc(w, h, data) };
}

const COUNT_STATE_ZH: Record<string, string> = { open: '盘点中', counted: '已盘完', posted: '已过账', reversed: '已冲销' };

function countVariance(db: ReadableDB, id: number): ReceiptSource {
  const c = countRow(db, id);
  if (c.state === 'open') fail('count_blind_open', { no: c.no });
  const v = varianceOf(db, c);
  const data = {
    no: v.count.no,
    date: v.count.businessDate,
    state: COUNT_STATE_ZH[v.count.state] ?? v.count.state,
    scope: v.count.scope,
    lineCount: v.count.lineCount,
    lines: v.lines.map((l) => ({ code: l.itemCode, name: l.itemName, diffQty: l.diffQty, diffFen: l.diffFen, cause: l.cause ? COUNT_CAUSE_ZH[l.cause] : '' })),
    gainQty: v.gainQty,
    gainFen: v.gainFen,
    lossQty: v.lossQty,
    lossFen: v.lossFen,
    approvedBy: v.count.approvedBy?.name ?? null,
  };
  return { label: `盘点差异 ${c.no}`, build: (w, h) => countVarianceDoc(w, h, data) };
}

/** The receipt of a document, as the books have it now. */
export function receiptSource(db: ReadableDB, kind: ReceiptKind, id: number, today: string, localTime: (iso: string) => string): ReceiptSource {
  switch (kind) {
    case 'cashReceipt':
      return cashReceipt(db, id);
    case 'dispatchTicket':
      return dispatchTicket(db, id);
    case 'dayClose':
      return dayClose(db, id, today, localTime);
    case 'countVariance':
      return countVariance(db, id);
  }
}
