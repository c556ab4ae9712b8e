// A 办事处现金日记帐目: per money account for a month, in the layout of a Chinese cash journal —
// 上月结转 (上年结转 in January), each voucher in date order (日期, 凭证号, 摘要, 收入, 支出, 余额),
// 本月合计 and 本年累计. From the money journal as posted: a red reversal is a negative amount in
// its original's column. An account shows when it has any row up to the month's end (cash always).

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { MONEY_ACCOUNTS, MONEY_ACCOUNT_ZH, type CashJournalAccount, type CashJournalMonth, type MoneyAccount } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { balanceBefore } from '../cash/repo';
import { amountCell, reportCaption, reportTable, reportWidth, say, type PaperLang, type ReportCell, type Words } from '../../printing/month-report';
import type { Node } from '../../printing/layout';
import { monthPeriod } from './period';

export const CASH_JOURNAL_TITLE: Words = ['办事处现金日记帐', 'Cash journal'];
const ACCOUNT_EN: Record<MoneyAccount, string> = { cash: 'Cash on hand', wechat: 'WeChat', alipay: 'Alipay', bank: 'Bank' };

interface Row {
  id: number;
  business_date: string;
  voucher_no: string;
  summary: string;
  direction: 'in' | 'out';
  amount_fen: number;
}

function flows(db: ReadableDB, account: MoneyAccount, from: string, to: string) {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS receiptsFen,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS paymentsFen
     FROM money_journal WHERE account = ? AND business_date >= ? AND business_date <= ?`,
  ).get(account, from, to) as { receiptsFen: number; paymentsFen: number };
}

function accountMonth(db: ReadableDB, account: MoneyAccount, month: string): CashJournalAccount {
  const p = monthPeriod(month);
  const openingFen = balanceBefore(db, account, p.from);
  const rows = sql(
    db,
    `SELECT id, business_date, voucher_no, summary, direction, amount_fen FROM money_journal
     WHERE account = ? AND business_date >= ? AND business_date <= ? ORDER BY business_date, id`,
  ).all(account, p.from, p.to) as Row[];
  let balanceFen = openingFen;
  const lines = rows.map((r) => {
    balanceFen += r.direction === 'in' ? r.amount_fen : -r.amount_fen;
    return {
      id: r.id,
      date: r.business_date,
      voucherNo: r.voucher_no,
      summary: r.summary,
      receiptFen: r.direction === 'in' ? r.amount_fen : null,
      paymentFen: r.direction === 'out' ? r.amount_fen : null,
      balanceFen,
    };
  });
  const m = flows(db, account, p.from, p.to);
  return { account, name: MONEY_ACCOUNT_ZH[account], openingFen, lines, month: m, year: flows(db, account, p.yearFrom, p.to), closingFen: balanceFen };
}

function accountsUsed(db: ReadableDB, to: string): MoneyAccount[] {
  const used = new Set(sql(db, 'SELECT DISTINCT account FROM money_journal WHERE business_date <= ?').pluck().all(to) as string[]);
  return MONEY_ACCOUNTS.filter((a) => a === 'cash' || used.has(a));
}

/** The month's cash journal of one account, or of every account used by the month's end. */
export function buildCashJournalMonth(db: ReadableDB, month: string, account?: MoneyAccount): CashJournalMonth {
  const accounts = account ? [account] : accountsUsed(db, monthPeriod(month).to);
  return { month, accounts: accounts.map((a) => accountMonth(db, a, month)) };
}

// ------------------------------------------------------------------ paper and sheet

const W_ = {
  carried: ['上月结转', 'Brought forward'] as Words,
  carriedYear: ['上年结转', 'Brought forward from last year'] as Words,
  month: ['本月合计', 'Month total'] as Words,
  year: ['本年累计', 'Year to date'] as Words,
};

/** 上月结转, or 上年结转 for January. */
const carriedWords = (month: string): Words => (month.endsWith('-01') ? W_.carriedYear : W_.carried);

const COLUMNS = [
  { head: ['日期', 'Date'] as Words, width: 50, align: 'center' as const },
  { head: ['凭证号', 'Voucher'] as Words, width: 86 },
  { head: ['摘要', 'Summary'] as Words, width: '*' as const },
  { head: ['收入', 'Receipts'] as Words, width: 62, align: 'right' as const },
  { head: ['支出', 'Payments'] as Words, width: 62, align: 'right' as const },
  { head: ['余额', 'Balance'] as Words, width: 66, align: 'right' as const },
];

function accountRows(a: CashJournalAccount, month: string, lang: PaperLang): ReportCell[][] {
  const bold = (text: string): ReportCell => ({ text, bold: true });
  const sum = (w: Words, f: { receiptsFen: number; paymentsFen: number }): ReportCell[] => [
    '',
    '',
    bold(say(w, lang)),
    amountCell(f.receiptsFen, { bold: true }),
    amountCell(f.paymentsFen, { bold: true }),
    amountCell(a.closingFen, { bold: true }),
  ];
  return [
    [`${month}-01`, '', bold(say(carriedWords(month), lang)), '', '', amountCell(a.openingFen, { bold: true })],
    ...a.lines.map((l) => [l.date, l.voucherNo, l.summary, amountCell(l.receiptFen), amountCell(l.paymentFen), amountCell(l.balanceFen)]),
    sum(W_.month, a.month),
    sum(W_.year, a.year),
  ];
}

const accountName = (a: CashJournalAccount, lang: PaperLang) => (lang === 'zh' ? a.name : ACCOUNT_EN[a.account]);

/** The body of report A: per account a caption and the journal in the form's columns. */
export function cashJournalMonthContent(data: CashJournalMonth, lang: PaperLang): Node[] {
  const W = reportWidth(false);
  return data.accounts.flatMap((a) => [
    reportCaption(W, `${say(['账户', 'Account'], lang)}: ${accountName(a, lang)}`, `${say(['单位: 元', 'in yuan'], lang)}`),
    reportTable(W, COLUMNS, accountRows(a, data.month, lang), lang),
  ]);
}

/** Report A as a sheet: one row per voucher with its account; 上月结转, 本月合计 and 本年累计 rows per account. */
export function cashJournalMonthSheet(data: CashJournalMonth) {
  const columns = [
    { header: '账户', format: 'text' as const },
    { header: '日期', format: 'text' as const },
    { header: '凭证号', format: 'text' as const },
    { header: '摘要', format: 'text' as const },
    { header: '收入(元)', format: 'yuan' as const },
    { header: '支出(元)', format: 'yuan' as const },
    { header: '余额(元)', format: 'yuan' as const },
  ];
  const rows: SheetCell[][] = data.accounts.flatMap((a) => [
    [a.name, `${data.month}-01`, '', carriedWords(data.month)[0], null, null, a.openingFen],
    ...a.lines.map((l): SheetCell[] => [a.name, l.date, l.voucherNo, l.summary, l.receiptFen, l.paymentFen, l.balanceFen]),
    [a.name, '', '', W_.month[0], a.month.receiptsFen, a.month.paymentsFen, a.closingFen],
    [a.name, '', '', W_.year[0], a.year.receiptsFen, a.year.paymentsFen, a.closingFen],
  ]);
  return { title: `${CASH_JOURNAL_TITLE[0]} ${data.month}`, columns, rows, filters: [{ label: '月份', value: data.month }] };
}
