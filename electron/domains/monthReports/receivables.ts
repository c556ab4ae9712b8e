// D 客户应收款月报表: per customer for a month — the balance brought forward, credit sales (赊销),
// collections (回款), returns (退货冲减: the credit notes of customer returns and short picks), the
// closing balance, and the aging of what is open at the month's end in the receivables' own buckets
// (receivables/views.ts aging, 0–30 … over 180 days). From the receivable entries: a red reversal
// counts, negative, under the kind it reverses. A customer shows with a balance or a movement in the month.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { DEFAULT_AGING_BUCKETS, type ReceivableMonth, type ReceivableMonthRow } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { aging } from '../receivables/views';
import {
  amountCell,
  reportCaption,
  reportNote,
  reportTable,
  reportWidth,
  say,
  type PaperLang,
  type ReportCell,
  type ReportColumn,
  type Words,
} from '../../printing/month-report';
import type { Node } from '../../printing/layout';
import { monthPeriod } from './period';

export const RECEIVABLES_TITLE: Words = ['客户应收款月报表', 'Customer receivables'];

interface Movement {
  customer_id: number;
  code: string;
  name: string;
  opening: number;
  sales: number;
  collections: number;
  returns: number;
}

/** Per customer with entries up to `to`: the balance before `from`, and each kind's sum from–to (credits as positive). */
function movements(db: ReadableDB, from: string, to: string): Movement[] {
  const inMonth = (kind: string) => `SUM(CASE WHEN e.kind = '${kind}' AND e.business_date >= @from THEN e.amount_fen ELSE 0 END)`;
  return sql(
    db,
    `SELECT c.id AS customer_id, c.code, c.name,
         SUM(CASE WHEN e.business_date < @from THEN e.amount_fen ELSE 0 END) AS opening,
         ${inMonth('sale')} AS sales, -${inMonth('collection')} AS collections, -${inMonth('credit_note')} AS returns
       FROM receivable_entries e JOIN customers c ON c.id = e.customer_id
       WHERE e.business_date <= @to GROUP BY c.id ORDER BY c.code`,
  ).all({ from, to }) as Movement[];
}

/** `today`: the office's calendar date (aging reads the live open items when the month's end is today or later). */
export function buildReceivablesMonth(db: ReadableDB, month: string, today: string): ReceivableMonth {
  const p = monthPeriod(month);
  const ages = aging(db, { asOf: p.to, buckets: [...DEFAULT_AGING_BUCKETS], includeSettled: false }, today);
  const byCustomer = new Map(ages.rows.map((r) => [r.customerId, r]));
  const noAge = ages.buckets.map(() => 0);
  const moved = movements(db, p.from, p.to).filter((m) => m.opening || m.sales || m.collections || m.returns);
  const rows: ReceivableMonthRow[] = moved.map((m) => ({
    customerId: m.customer_id,
    code: m.code,
    name: m.name,
    openingFen: m.opening,
    salesFen: m.sales,
    collectionsFen: m.collections,
    returnsFen: m.returns,
    closingFen: m.opening + m.sales - m.collections - m.returns,
    aging: byCustomer.get(m.customer_id)?.buckets ?? noAge,
    prepaymentFen: byCustomer.get(m.customer_id)?.prepaymentFen ?? 0,
  }));
  const sum = (f: (r: ReceivableMonthRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const totals = {
    openingFen: sum((r) => r.openingFen),
    salesFen: sum((r) => r.salesFen),
    collectionsFen: sum((r) => r.collectionsFen),
    returnsFen: sum((r) => r.returnsFen),
    closingFen: sum((r) => r.closingFen),
    aging: noAge.map((_, k) => sum((r) => r.aging[k])),
    prepaymentFen: sum((r) => r.prepaymentFen),
  };
  return { month, asOf: p.to, buckets: ages.buckets, rows, totals };
}

// ------------------------------------------------------------------ paper and sheet

const bucketWords = (b: ReceivableMonth['buckets'][number]): Words =>
  b.toDays === null ? [`${b.fromDays - 1}天以上`, `over ${b.fromDays - 1} d`] : [`${b.fromDays}–${b.toDays}天`, `${b.fromDays}–${b.toDays} d`];

function columns(data: ReceivableMonth): ReportColumn[] {
  const money = (head: Words, width = 56): ReportColumn => ({ head, width, align: 'right' });
  return [
    { head: ['客户编码', 'Code'], width: 46 },
    { head: ['客户名称', 'Customer'], width: '*' },
    money(['期初余额', 'Opening'], 58),
    money(['本月赊销', 'Credit sales']),
    money(['本月回款', 'Collections']),
    money(['退货冲减', 'Returns'], 50),
    money(['期末余额', 'Closing'], 60),
    ...data.buckets.map((b) => money(bucketWords(b), 48)),
    money(['预收', 'Prepaid'], 46),
  ];
}

function figures(r: ReceivableMonth['totals'], bold = false): ReportCell[] {
  const a = (fen: number) => amountCell(fen, { bold, blankZero: !bold });
  return [a(r.openingFen), a(r.salesFen), a(r.collectionsFen), a(r.returnsFen), amountCell(r.closingFen, { bold }), ...r.aging.map(a), a(r.prepaymentFen)];
}

export function receivablesMonthContent(data: ReceivableMonth, lang: PaperLang): Node[] {
  const W = reportWidth(true);
  const rows = [
    ...data.rows.map((r) => [r.code, r.name, ...figures(r)]),
    [
      { text: say(['合计', 'Total'], lang), bold: true },
      { text: `${data.rows.length} ${say(['户', 'customers'], lang)}`, bold: true },
      ...figures(data.totals, true),
    ],
  ];
  return [
    reportCaption(W, say(['按客户', 'By customer'], lang), `${say(['账龄截至', 'Aging as of'], lang)} ${data.asOf} · ${say(['单位: 元', 'in yuan'], lang)}`),
    reportTable(W, columns(data), rows, lang),
    reportNote(
      W,
      say(
        [
          '期末余额 = 期初余额 + 本月赊销 − 本月回款 − 退货冲减; 账龄按发货日期计未结清单据, 预收为未冲抵的预收款; 红字冲销在原类别中以负数计。',
          'Closing = opening + credit sales − collections − returns; aging of the sales still open by their date; prepaid = prepayments not yet applied; red reversals count negative under their kind.',
        ],
        lang,
      ),
    ),
  ];
}

export function receivablesMonthSheet(data: ReceivableMonth) {
  const cols = columns(data);
  const sheetColumns = cols.map((c, i) => ({ header: c.head[0], format: i < 2 ? ('text' as const) : ('yuan' as const) }));
  const line = (code: string, name: string, r: ReceivableMonth['totals']): SheetCell[] => [
    code,
    name,
    r.openingFen,
    r.salesFen,
    r.collectionsFen,
    r.returnsFen,
    r.closingFen,
    ...r.aging,
    r.prepaymentFen,
  ];
  const rows = [...data.rows.map((r) => line(r.code, r.name, r)), line('合计', `${data.rows.length} 户`, data.totals)];
  return {
    title: `${RECEIVABLES_TITLE[0]} ${data.month}`,
    columns: sheetColumns,
    rows,
    filters: [
      { label: '月份', value: data.month },
      { label: '账龄截至', value: data.asOf },
    ],
  };
}
