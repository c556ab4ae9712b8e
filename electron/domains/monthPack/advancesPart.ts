// The month pack's part E: the advances (借支) still open at the month's end — who owes what since
// when — beside the cash journal (A), so HQ sees the cash given out that no claim or return has
// settled yet. From advances' own reckoning as of a day (openAdvances), laid out with the monthly
// reports' table parts.

import type { OpenAdvance } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { amountCell, reportCaption, reportNote, reportTable, reportWidth, say, type PaperLang, type ReportColumn } from '../../printing/month-report';
import type { Node } from '../../printing/layout';
import type { ReadableDB } from '../../store/db';
import { openAdvances } from '../advances/service';
import { monthPeriod } from '../monthReports/period';
import type { Sheet } from '../export/xlsx';

export interface OpenAdvancesMonth {
  asOf: string;
  rows: OpenAdvance[];
  totalFen: number;
}

export const OPEN_ADVANCES_TITLE = ['月末未清借支', 'Open advances'] as const;

export function buildOpenAdvancesMonth(db: ReadableDB, month: string): OpenAdvancesMonth {
  const asOf = monthPeriod(month).to;
  const rows = openAdvances(db, asOf);
  return { asOf, rows, totalFen: rows.reduce((a, r) => a + r.openFen, 0) };
}

const COLUMNS: ReportColumn[] = [
  { head: ['借支单号', 'Advance'], width: 90 },
  { head: ['借支人', 'Person'], width: 70 },
  { head: ['事由', 'Purpose'], width: '*' },
  { head: ['借支日期', 'Date'], width: 56, align: 'center' },
  { head: ['借支金额', 'Amount'], width: 60, align: 'right' },
  { head: ['未核销', 'Open'], width: 60, align: 'right' },
  { head: ['天数', 'Days'], width: 32, align: 'right' },
];

export function openAdvancesMonthContent(data: OpenAdvancesMonth, lang: PaperLang): Node[] {
  const W = reportWidth(false);
  const rows = data.rows.map((r) => [r.no, r.person.name, r.purpose, r.date, amountCell(r.amountFen), amountCell(r.openFen), String(r.ageDays)]);
  const total = [{ text: say(['合计', 'Total'], lang), bold: true }, `${data.rows.length}`, '', '', '', amountCell(data.totalFen, { bold: true }), ''];
  return [
    reportCaption(W, `${say(['截至', 'As of'], lang)} ${data.asOf}`, say(['单位: 元', 'in yuan'], lang)),
    reportTable(W, COLUMNS, [...rows, total], lang),
    reportNote(
      W,
      say(
        [
          '未核销 = 借支金额 − 已用报销核销 − 已退回现金; 天数自借支日起算至月末。',
          'Open = advanced − claims applied − cash returned; days from the advance to the month’s end.',
        ],
        lang,
      ),
    ),
  ];
}

export function openAdvancesMonthSheet(data: OpenAdvancesMonth): Sheet {
  const rows: SheetCell[][] = data.rows.map((r) => [r.no, r.person.name, r.purpose, r.date, r.amountFen, r.openFen, r.ageDays]);
  rows.push(['合计', `${data.rows.length}`, '', '', null, data.totalFen, null]);
  return {
    title: OPEN_ADVANCES_TITLE[0],
    columns: COLUMNS.map((c, i) => ({ header: c.head[0], format: i === 4 || i === 5 ? 'yuan' : i === 6 ? 'int' : 'text' })),
    rows,
    filters: [{ label: '截至', value: data.asOf }],
  };
}
