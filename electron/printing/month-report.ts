// The paper of finance's monthly reports to HQ (A 现金日记帐, C 费用统计表, D 客户应收款月报表). Pure.
// Each report lays out its body as pdfmake content (domains/monthReports/<report>.ts) from the parts
// here: a ruled table whose column titles repeat on every page (rows fitted to one line), captions
// and a totals line. The frame around the body is the finance papers' (finance-form.ts): the title
// band with 第 N/M 页 on each page, the footer, and the signed boxes 制表 / 财务主管 / 经理 after the
// last row. The month pack (monthPack) may put several bodies into one frame of its own.

import { COLOR, MARGIN, PAGE, fit, innerWidths, ruled, type Node, type PageSpec } from './layout';
import { docDefinition, footerBar } from './blocks';
import { FOOT, SIZE, TITLE_BAND, titleBand, type OfficeInfo } from './finance-form';
import { signRow } from './signatures';
import { money } from './format';
import type { PaperLang } from '../../shared/contract';

export type { PaperLang };
/** A word on the paper in both languages. */
export type Words = readonly [zh: string, en: string];
export const say = (w: Words, lang: PaperLang): string => (lang === 'zh' ? w[0] : w[1]);

/** The usable width of a report page. */
export function reportWidth(landscape: boolean): number {
  const page = landscape ? PAGE.A4L : PAGE.A4P;
  return page.width - MARGIN.left - MARGIN.right;
}

export interface ReportColumn {
  head: Words;
  /** inner width in pt, or '*' to share what is left */
  width: number | '*';
  align?: 'left' | 'center' | 'right';
}

/** A cell of a report row: text, or text with its style. */
export type ReportCell = string | { text: string; bold?: boolean; color?: string; fill?: boolean };

/** An amount in a column: '' for null, red when negative (a red reversal). */
export function amountCell(fen: number | null, o: { bold?: boolean; blankZero?: boolean } = {}): ReportCell {
  if (fen === null || (o.blankZero && fen === 0)) return '';
  return { text: money(fen), bold: o.bold, color: fen < 0 ? COLOR.red : undefined };
}

/** A ruled table whose column titles repeat on each page; each cell fitted to one line. */
export function reportTable(W: number, columns: ReportColumn[], rows: ReportCell[][], lang: PaperLang): Node {
  const widths = innerWidths(
    W,
    columns.map((c) => c.width),
  );
  const cell = (c: ReportCell, i: number, head = false): Node => {
    const o = typeof c === 'string' ? { text: c } : c;
    const align = head ? 'center' : (columns[i].align ?? 'left');
    const node = fit(o.text, widths[i], { size: head ? 7.5 : SIZE, bold: head || o.bold, color: o.color, align });
    return head || o.fill ? { ...node, fillColor: COLOR.fill } : node;
  };
  const head = columns.map((c, i) => cell(say(c.head, lang), i, true));
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...rows.map((r) => r.map((c, i) => cell(c, i)))] },
    layout: ruled(),
    margin: [0, 2, 0, 0],
  };
}

/** A caption above a block: bold left, grey right. */
export function reportCaption(W: number, left: string, right = ''): Node {
  return {
    columns: [fit(left, W * 0.6, { size: 9.5, bold: true }), fit(right, W * 0.4, { size: 7.5, color: COLOR.grey, align: 'right' })],
    margin: [0, 6, 0, 1],
  };
}

/** A grey note line under a block. */
export function reportNote(W: number, text: string): Node {
  return { ...fit(text, W, { size: 7, color: COLOR.grey }), margin: [0, 2, 0, 0] };
}

export interface MonthPaper {
  office: OfficeInfo;
  /** the report's letter on HQ's list: A, C, D */
  code: string;
  title: Words;
  /** YYYY-MM */
  month: string;
  lang: PaperLang;
  landscape: boolean;
  /** who made the paper (制表) */
  madeBy: string;
}

const SIGN_H = 40;

function monthText(month: string, lang: PaperLang): string {
  const [y, m] = month.split('-');
  return lang === 'zh' ? `${y} 年 ${Number(m)} 月` : `${month}`;
}

/** The signed boxes after the last row: 制表 (who made the paper) / 财务主管 / 经理. */
function signBoxes(W: number, p: MonthPaper): Node {
  const signs = [say(['制表', 'Prepared by'], p.lang), say(['财务主管', 'Finance supervisor'], p.lang), say(['经理', 'Manager'], p.lang)];
  return { ...signRow(W, [{ label: signs[0], name: p.madeBy }, { label: signs[1] }, { label: signs[2] }], SIGN_H), unbreakable: true };
}

/** A report as a section of a bigger document (the month pack, whose pages have one frame): its
 *  heading (letter, title, office, month), the body and the signed boxes. */
export function monthReportSection(p: MonthPaper, body: Node[]): Node[] {
  const W = reportWidth(p.landscape);
  const title = say(p.title, p.lang);
  return [
    { ...fit(`${say(['报表', 'Report'], p.lang)} ${p.code}  ${title}`, W, { size: 16, bold: true, align: 'center' }) },
    { ...fit(`${p.office.name} · ${monthText(p.month, p.lang)}`, W, { size: 8.5, color: COLOR.grey, align: 'center' }), margin: [0, 2, 0, 6] },
    ...body,
    signBoxes(W, p),
  ];
}

/** The frame: the title band on every page, the body, the signed boxes, the footer with 第 N/M 页. */
export function monthReportDoc(p: MonthPaper, body: Node[]): Node {
  const page: PageSpec = p.landscape ? PAGE.A4L : PAGE.A4P;
  const W = page.width - MARGIN.left - MARGIN.right;
  const title = say(p.title, p.lang);
  const content = [...body, signBoxes(W, p)];
  const doc = docDefinition(page, { title: `${title} ${p.month}`, author: p.office.name, subject: `${p.code} ${title}` }, SIZE, content);
  return {
    ...doc,
    pageMargins: [MARGIN.left, MARGIN.top + TITLE_BAND + 4, MARGIN.right, MARGIN.bottom + FOOT + 6],
    header: (pageNo: number, pageCount: number) => ({
      ...titleBand(W, {
        office: p.office.name,
        title,
        sub: monthText(p.month, p.lang),
        left: [
          { text: say(['报表', 'Report'], p.lang) + ` ${p.code}` },
          { text: say(['报总部 · 每月30日前', 'to HQ by the 30th'], p.lang), bold: false, color: COLOR.grey },
        ],
        pageNo,
        pageCount,
        en: p.lang === 'en',
      }),
      margin: [MARGIN.left, MARGIN.top, MARGIN.right, 0],
    }),
    footer: (pageNo: number, pageCount: number) => ({
      ...footerBar(W, {
        left: say(['预览, 未登记打印', 'preview, not a logged print'], p.lang),
        middle: { text: `${title} · ${p.month}`, width: 200 },
        right: p.lang === 'zh' ? `第 ${pageNo}/${pageCount} 页` : `page ${pageNo}/${pageCount}`,
        height: FOOT,
        top: 4,
      }),
      margin: [MARGIN.left, 0, MARGIN.right, 0],
    }),
  };
}
