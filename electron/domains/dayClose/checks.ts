// The reconciliation checks of a day (对账), as the close-of-day preview lists them:
//  1. sales detail (销售明细) = cash-channel receipts + new receivables − refunds still owed back
//     + cash the carriers collected and have not handed over (送货收款);
//  2. every dispatch posted that day has the finance signature and a payment or receivable record;
//  3. returns = refunds (paid, or waiting for finance: 待付退款) + credit notes;
//  4. stock value: opening + in − out = closing (with the day's cost of goods sold);
//  5. the cash box never went below zero during the day (date order).
// A slip reversed on or before the day is expected to carry no money.

import type { DayCheck } from '../../../shared/contract';
import { formatFen } from '../../../shared/money';
import type { ReadableDB } from '../../store/db';
import { cogsOn, lowestCashRunOn, slipsOfDay, stockMovedOn, stockValue, type SlipMoneyRow } from './repo';

export const yuan = (fen: number) => formatFen(fen, { grouping: false });

type SlipProblem = DayCheck['slips'][number];

/** What a slip of the day should carry: nothing once it is reversed (on or before the day), else what shipped. */
const expectedOf = (s: SlipMoneyRow, date: string) => (s.reversed_on != null && s.reversed_on <= date ? 0 : s.shipped);

function slipProblem(s: SlipMoneyRow, expectedFen: number, recordedFen: number, problem_zh: string, problem_en: string): SlipProblem {
  return { slipId: s.id, no: s.no, expectedFen, recordedFen, problem_zh, problem_en };
}

/** Checks 1 and 2, over the day's posted dispatches; with the sales figures of the preview. */
export function salesChecks(db: ReadableDB, date: string) {
  const dispatches = slipsOfDay(db, 'dispatch', date);
  let salesDetailFen = 0;
  let receivedFen = 0;
  let receivableFen = 0;
  let pendingFen = 0;
  let transitFen = 0;
  const salesBad: SlipProblem[] = [];
  const signBad: SlipProblem[] = [];
  for (const s of dispatches) {
    const expected = expectedOf(s, date);
    const recorded = s.received + s.receivable - s.pending + s.transit;
    salesDetailFen += expected;
    receivedFen += s.received;
    receivableFen += s.receivable;
    pendingFen += s.pending;
    transitFen += s.transit;
    if (expected !== recorded)
      salesBad.push(
        slipProblem(
          s,
          expected,
          recorded,
          `发货金额 ${yuan(expected)} 元, 已记收款/应收 ${yuan(recorded)} 元`,
          `shipped ${yuan(expected)}, money recorded ${yuan(recorded)}`,
        ),
      );
    if (!s.signed || (s.nrows === 0 && s.shipped !== 0))
      signBad.push(
        slipProblem(
          s,
          s.shipped,
          recorded,
          !s.signed ? '缺财务主管签字' : '没有收款或应收记录',
          !s.signed ? 'no finance signature' : 'no payment or receivable recorded',
        ),
      );
  }
  const checks: DayCheck[] = [
    {
      code: 'sales_vs_money',
      title_zh: '销售明细 = 现金及各渠道收款 + 新增应收 − 待付退款 + 送货收款未交回',
      title_en: 'Sales detail = cash and channel receipts + new receivables − refunds awaiting finance + delivery cash not handed over',
      pass: salesBad.length === 0 && salesDetailFen === receivedFen + receivableFen - pendingFen + transitFen,
      figures: {
        salesDetailFen,
        cashChannelReceiptsFen: receivedFen,
        newReceivablesFen: receivableFen,
        pendingRefundsFen: pendingFen,
        inTransitFen: transitFen,
        differenceFen: salesDetailFen - receivedFen - receivableFen + pendingFen - transitFen,
      },
      slips: salesBad,
    },
    {
      code: 'dispatch_signed_paid',
      title_zh: '当日出库的发货单均有财务签字及收款/应收记录',
      title_en: 'Every dispatch posted today has the finance signature and a payment record',
      pass: signBad.length === 0,
      figures: { dispatches: dispatches.length, missing: signBad.length },
      slips: signBad,
    },
  ];
  return { checks, dispatchCount: dispatches.length, salesDetailFen, cashChannelReceiptsFen: receivedFen, newReceivablesFen: receivableFen };
}

/** Check 3, over the day's posted returns; with the returns figures of the preview. */
export function returnsCheck(db: ReadableDB, date: string) {
  const returns = slipsOfDay(db, 'return', date);
  let returnsFen = 0;
  let refundedFen = 0;
  let creditNotesFen = 0;
  let pendingFen = 0;
  const retBad: SlipProblem[] = [];
  for (const r of returns) {
    const expected = expectedOf(r, date);
    const recorded = -(r.received + r.receivable) + r.pending;
    returnsFen += expected;
    refundedFen += -r.received;
    creditNotesFen += -r.receivable;
    pendingFen += r.pending;
    if (expected !== recorded)
      retBad.push(
        slipProblem(
          r,
          expected,
          recorded,
          `退货金额 ${yuan(expected)} 元, 已退款/冲减应收 ${yuan(recorded)} 元`,
          `returned ${yuan(expected)}, refunded or credited ${yuan(recorded)}`,
        ),
      );
  }
  const check: DayCheck = {
    code: 'returns_refunds',
    title_zh: '退货金额 = 退款(已付 + 待财务确认) + 冲减应收',
    title_en: 'Returns = refunds (paid + awaiting finance) + credit notes',
    pass: retBad.length === 0,
    figures: { returns: returns.length, returnsFen, refundedFen, pendingRefundsFen: pendingFen, creditNotesFen },
    slips: retBad,
  };
  return { check, returns: { count: returns.length, amountFen: returnsFen, refundedFen, creditNotesFen, pendingRefundsFen: pendingFen } };
}

/** Check 4: the day's stock value; with the stock figures of the preview. */
export function stockCheck(db: ReadableDB, date: string) {
  const mv = stockMovedOn(db, date);
  const cogsFen = cogsOn(db, date);
  const stock = { openingFen: stockValue(db, date, false), inFen: mv.inF, outFen: mv.outF, closingFen: stockValue(db, date, true), cogsFen };
  const check: DayCheck = {
    code: 'stock_value',
    title_zh: '库存金额: 期初 + 入库 − 出库 = 期末',
    title_en: 'Stock value: opening + in − out = closing',
    pass: stock.openingFen + stock.inFen - stock.outFen === stock.closingFen,
    figures: { ...stock },
    slips: [],
  };
  return { check, stock };
}

/** Check 5: from the day's opening cash, the journal never ran below zero. */
export function cashCheck(db: ReadableDB, date: string, openingFen: number): DayCheck {
  const minCash = lowestCashRunOn(db, date);
  return {
    code: 'cash_not_negative',
    title_zh: '库存现金余额始终不为负',
    title_en: 'Cash on hand never below zero',
    pass: minCash == null || openingFen + minCash >= 0,
    figures: { lowestFen: minCash == null ? openingFen : openingFen + minCash },
    slips: [],
  };
}
