// The finance papers as documents.render makes them: the cash count sheet (现金盘点表) of a day —
// the close when the day is closed, else a 未日结 preview — and a customer's statement (客户对账单).
// Data from the dayClose, cash and receivables domains; layout in electron/printing/.

import { DeskError, fail } from '../../../shared/errors';
import type { RenderedDocument } from '../../../shared/contract';
import { NONCASH_ACCOUNTS } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { buildCashCountDoc, type CashCountData } from '../../printing/cash-count-doc';
import { money } from '../../printing/format';
import { buildStatementDoc } from '../../printing/statement-doc';
import { anchorOfClose } from '../../ledger/anchors';
import { closeRecord, preview as dayPreview } from '../dayClose/service';
import { dayMoneyBeforeClose } from '../cash/repo';
import { partyContact } from '../partners/repo';
import { statement as customerStatement } from '../receivables/views';
import { requireNoPrintId, requirePeriod } from './rules';
import { fileSafe, officeInfo, renderBuilt, signatureImages, type DocTarget } from './service';

const CHECK_NOTES: Record<string, (f: Record<string, number>) => string> = {
  sales_vs_money: (f) =>
    `销售 ${money(f.salesDetailFen)} = 收款 ${money(f.cashChannelReceiptsFen)} + 应收 ${money(f.newReceivablesFen)}${f.pendingRefundsFen ? ` − 待付 ${money(f.pendingRefundsFen)}` : ''}`,
  dispatch_signed_paid: (f) => `发货单 ${f.dispatches} 张, 缺 ${f.missing} 张`,
  returns_refunds: (f) =>
    `退货 ${money(f.returnsFen)} = 退款 ${money(f.refundedFen)}${f.pendingRefundsFen ? ` + 待付 ${money(f.pendingRefundsFen)}` : ''} + 冲减 ${money(f.creditNotesFen)}`,
  stock_value: (f) => `${money(f.openingFen)} + ${money(f.inFen)} - ${money(f.outFen)} = ${money(f.closingFen)}`,
  cash_not_negative: (f) => `最低 ${money(f.lowestFen)}`,
};

/** What the 现金盘点表 of a day shows: the close when the day is closed, else the preview. */
export function cashCountData(db: ReadableDB, date: string, today: string, office: CashCountData['office']): CashCountData {
  const p = dayPreview(db, date, today);
  const rec = closeRecord(db, date);
  const cashDay = dayMoneyBeforeClose(db, 'cash', date);
  const cash = { openingFen: p.cash.openingFen, ...cashDay, expectedFen: p.cash.openingFen + cashDay.receiptsFen - cashDay.paymentsFen };
  const channels = NONCASH_ACCOUNTS.map((a) => {
    const m = p.channels.find((c) => c.account === a)!;
    const closed = rec?.channels.find((c) => c.account === a);
    return {
      account: a,
      openingFen: m.openingFen,
      receiptsFen: m.receiptsFen,
      paymentsFen: m.paymentsFen,
      expectedFen: closed?.expectedFen ?? m.expectedFen,
      confirmedFen: closed ? closed.confirmedFen : null,
    };
  });
  return {
    office,
    date,
    close: rec
      ? {
          closedAt: rec.closedAt,
          closedBy: rec.closedBy.name,
          finance: rec.finance.name,
          statistician: rec.statistician.name,
          manager: rec.manager?.name ?? null,
          counts: rec.counts,
          countedFen: rec.countedCashFen,
          differenceFen: rec.differenceFen,
          reason: rec.reason,
          adjustmentVoucherNo: rec.adjustmentVoucherNo,
          anchor: anchorOfClose(db, rec.id),
        }
      : null,
    cash: rec ? { ...cash, expectedFen: rec.expectedCashFen } : cash,
    channels,
    // a closed day shows the checks as they stood at the close
    checks: p.checks.map((c) => ({
      title: c.title_zh,
      pass: rec ? !rec.failedChecks.includes(c.code) : c.pass,
      note: CHECK_NOTES[c.code]?.(c.figures as Record<string, number>) ?? '',
    })),
    blockers: rec || p.closed ? [] : p.blockers.map((b) => b.message_zh),
    lockedWithoutClose: !rec && p.closed,
    pendingRefunds: { count: p.pendingRefunds.count, amountFen: p.pendingRefunds.amountFen, slipNos: p.pendingRefunds.rows.map((r) => r.slipNo) },
  };
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/** documents.render of a cash count sheet (现金盘点表) or a customer statement (客户对账单): previews only. */
export async function renderFinancePaper(db: ReadableDB, input: DocTarget & { printId?: number }, today: string): Promise<RenderedDocument> {
  const office = officeInfo(db);
  const doc = input.doc;
  requireNoPrintId(input.printId);
  let built: { doc: Record<string, unknown>; pages: number };
  let fileName: string;
  if (doc === 'cashCount') {
    const date = input.date ?? today;
    if (date > today) throw new DeskError('invalid_input', { summary_zh: '不能盘点未来的日期', summary_en: 'the date is in the future' });
    const data = cashCountData(db, date, today, office);
    built = buildCashCountDoc({ ...data, signatureImages: signatureImages(db) });
    fileName = `现金盘点表_${date}${data.close || data.lockedWithoutClose ? '' : '_未日结'}.pdf`;
  } else {
    if (input.customerId == null) fail('document_target', { doc, needs: 'customerId', needs_zh: '打印客户对账单须指定客户' });
    const to = input.to ?? today;
    const from = input.from ?? firstOfMonth(to);
    requirePeriod(from, to);
    const st = customerStatement(db, { customerId: input.customerId, from, to }, today);
    const c = partyContact(db, 'customers', st.customer.id);
    built = buildStatementDoc({
      office,
      customer: c,
      from,
      to,
      openingFen: st.openingFen,
      rows: st.rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        docNo: r.docNo,
        summary: r.summary,
        debitFen: r.debitFen,
        creditFen: r.creditFen,
        balanceFen: r.balanceFen,
      })),
      salesFen: st.salesFen,
      collectionsFen: st.collectionsFen,
      creditNotesFen: st.creditNotesFen,
      closingFen: st.closingFen,
      openSlips: st.openSlips.map((s) => ({
        slipNo: s.slipNo,
        date: s.date,
        amountFen: s.amountFen,
        settledFen: s.settledFen,
        openFen: s.openFen,
        ageDays: s.ageDays,
      })),
      prepaymentFen: st.prepaymentFen,
    });
    fileName = `客户对账单_${fileSafe(c.code)}_${fileSafe(c.name)}_${from}_${to}.pdf`;
  }
  return renderBuilt({ built, fileName, paper: 'A4', copies: [] }, null);
}
