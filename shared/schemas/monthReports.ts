// Finance's monthly reports to HQ (monthReports.*, 财务主管: 每月30日前报送): A 办事处现金日记帐目
// (the cash journal per money account for a month), C 费用统计表 (expenses by category against the
// budget, with the year to date) and D 客户应收款月报表 (per customer: opening, credit sales,
// collections, returns, closing and aging at month end). Reads only, from the books; each also as
// PDF (the printing layer, signed boxes 制表 / 财务主管 / 经理) and XLSX (the export layer).
// B 人员考勤表 is attendance.pdf / attendance.xlsx.

import { z } from 'zod';
import { LEDGER_READERS, MONEY_READERS, MonthStr, method } from './common';
import { MoneyAccount } from './journal';

const Fen = z.number().int();

// ------------------------------------------------------------------ A 现金日记帐

export const CashJournalLine = z.object({
  id: z.number().int(),
  date: z.string(),
  voucherNo: z.string(),
  /** 摘要 */
  summary: z.string(),
  /** 收入 (a red reversal of a receipt is negative) */
  receiptFen: Fen.nullable(),
  /** 支出 (a red reversal of a payment is negative) */
  paymentFen: Fen.nullable(),
  /** 余额 after this row, in date order */
  balanceFen: Fen,
});
export type CashJournalLine = z.infer<typeof CashJournalLine>;

const Flows = z.object({ receiptsFen: Fen, paymentsFen: Fen });

export const CashJournalAccount = z.object({
  account: MoneyAccount,
  name: z.string(),
  /** 上月结转: the balance at the end of the month before */
  openingFen: Fen,
  lines: z.array(CashJournalLine),
  /** 本月合计 */
  month: Flows,
  /** 本年累计: from 1 January to the end of the month */
  year: Flows,
  /** the balance at the end of the month */
  closingFen: Fen,
});
export type CashJournalAccount = z.infer<typeof CashJournalAccount>;

export const CashJournalMonth = z.object({ month: z.string(), accounts: z.array(CashJournalAccount) });
export type CashJournalMonth = z.infer<typeof CashJournalMonth>;

// ------------------------------------------------------------------ C 费用统计表

const BudgetActual = z.object({
  /** null: no budget set */
  budgetFen: Fen.nullable(),
  /** paid, by the date of payment (a red reversal in its own month) */
  actualFen: Fen,
  /** budget − actual (null without a budget); negative = over budget */
  varianceFen: Fen.nullable(),
});

export const ExpenseMonthRow = z.object({
  category: z.string(),
  month: BudgetActual,
  year: BudgetActual,
  /** approved, not yet paid, claims dated in the month (已审批未付) */
  approvedFen: Fen,
});
export type ExpenseMonthRow = z.infer<typeof ExpenseMonthRow>;

export const ExpenseMonth = z.object({
  month: z.string(),
  rows: z.array(ExpenseMonthRow),
  totals: ExpenseMonthRow.omit({ category: true }),
});
export type ExpenseMonth = z.infer<typeof ExpenseMonth>;

/** 执行率: actual ÷ budget as a percentage with one decimal; '' without a budget. */
export function usedPct(budgetFen: number | null, actualFen: number): string {
  return budgetFen ? `${((actualFen / budgetFen) * 100).toFixed(1)}%` : '';
}

// ------------------------------------------------------------------ D 客户应收款月报表

const ArFigures = {
  /** the balance at the end of the month before; negative = prepaid (预收) */
  openingFen: Fen,
  /** 本月赊销: credit sales (a reversed sale negative) */
  salesFen: Fen,
  /** 本月回款: collections (a reversed collection negative) */
  collectionsFen: Fen,
  /** 本月退货冲减: credit notes of returns and short picks */
  returnsFen: Fen,
  /** opening + sales − collections − returns */
  closingFen: Fen,
  /** the open sales at month end by age, in the receivables' aging buckets */
  aging: z.array(Fen),
  /** prepayments not yet applied at month end */
  prepaymentFen: Fen,
};

export const ReceivableMonthRow = z.object({ customerId: z.number().int(), code: z.string(), name: z.string(), ...ArFigures });
export type ReceivableMonthRow = z.infer<typeof ReceivableMonthRow>;

export const ReceivableMonth = z.object({
  month: z.string(),
  asOf: z.string(),
  buckets: z.array(z.object({ label: z.string(), fromDays: z.number().int(), toDays: z.number().int().nullable() })),
  rows: z.array(ReceivableMonthRow),
  totals: z.object(ArFigures),
});
export type ReceivableMonth = z.infer<typeof ReceivableMonth>;

// ------------------------------------------------------------------ the methods

export const MONTH_REPORTS = ['A', 'C', 'D'] as const;
export const MonthReportKind = z.enum(MONTH_REPORTS);
export type MonthReportKind = z.infer<typeof MonthReportKind>;
export const PAPER_LANGS = ['zh', 'en'] as const;
export const PaperLang = z.enum(PAPER_LANGS);
export type PaperLang = z.infer<typeof PaperLang>;

/** Who reads each report: the cash journal finance and the manager (as cash.journal); expenses and receivables the ledger readers. */
export const MONTH_REPORT_METHOD = { A: 'monthReports.cashJournal', C: 'monthReports.expenses', D: 'monthReports.receivables' } as const;

const FileTarget = z.object({
  report: MonthReportKind,
  month: MonthStr,
  /** A: one money account; left out, every account */
  account: MoneyAccount.optional(),
  lang: PaperLang.default('zh'),
});
const FileOut = z.object({ fileName: z.string(), base64: z.string() });

export const monthReportsMethods = {
  'monthReports.cashJournal': method({
    input: z.object({ month: MonthStr, account: MoneyAccount.optional() }),
    output: CashJournalMonth,
    access: MONEY_READERS,
    write: false,
    doc: 'A 现金日记帐 for a month: per money account 上月结转, each voucher (日期, 凭证号, 摘要, 收入, 支出, 余额), 本月合计 and 本年累计.',
  }),
  'monthReports.expenses': method({
    input: z.object({ month: MonthStr }),
    output: ExpenseMonth,
    access: LEDGER_READERS,
    write: false,
    doc: 'C 费用统计表 for a month: paid expenses by category against the budget, the variance, and the year to date.',
  }),
  'monthReports.receivables': method({
    input: z.object({ month: MonthStr }),
    output: ReceivableMonth,
    access: LEDGER_READERS,
    write: false,
    doc: 'D 客户应收款月报表 for a month: per customer opening balance, credit sales, collections, returns, closing balance and aging at month end; totals.',
  }),
  'monthReports.pdf': method({
    input: FileTarget,
    output: FileOut.extend({ pages: z.number().int() }),
    access: LEDGER_READERS,
    write: false,
    doc: 'Report A, C or D of a month as PDF (A4, signed boxes 制表 / 财务主管 / 经理); each report for who may read it.',
  }),
  'monthReports.xlsx': method({
    input: FileTarget,
    output: FileOut,
    access: LEDGER_READERS,
    write: false,
    doc: 'Report A, C or D of a month as XLSX; each report for who may read it.',
  }),
} as const;
