// 客户对账单: a customer's statement for a period. Pure: data in, pdfmake definition out
// (documents.ts gathers it from receivables.statement).
//
// A4 portrait pages of the same height: the office and customer header; the rows (date, slip or
// voucher no., summary, 增加, 减少, balance) in fixed rows with 承前页/过次页 running totals like
// the slips; on the last page the totals, the closing balance in figures and 大写, the slips
// still owed with their age, and the confirmation block for the customer (余额无误/有误, 签章,
// 日期) beside the office's 财务 signature line.

import { fenToChineseCapital } from '../../shared/money';
import type { ReceivableKind } from '../../shared/contract';
import { dateZh, money, yuan } from './format';
import { COLOR, MARGIN, PAGE, boxWidths, fit, planPages, type FitOptions, type Node } from './layout';
import { gridTable } from './grid';
import { blankRow, docDefinition, fillers, headedHeights, spanFit, wordsCells } from './blocks';
import { FOOT, ROW, SIZE, THEAD, TITLE_BAND, caption, cellFit, footer, headCells, infoRows, titleBand, type OfficeInfo } from './finance-form';

export interface StatementData {
  office: OfficeInfo;
  customer: { code: string; name: string; contact: string; phone: string; address: string };
  from: string;
  to: string;
  openingFen: number;
  rows: { date: string; kind: ReceivableKind; docNo: string | null; summary: string; debitFen: number | null; creditFen: number | null; balanceFen: number }[];
  salesFen: number;
  collectionsFen: number;
  creditNotesFen: number;
  closingFen: number;
  openSlips: { slipNo: string | null; date: string; amountFen: number; settledFen: number; openFen: number; ageDays: number }[];
  prepaymentFen: number;
}

/** Open slips listed on the last page at most; more are summed in one line. */
export const OPEN_SLIPS_LISTED = 8;
const CONFIRM = 84;

function balanceText(fen: number): string {
  return fen < 0 ? `预收 ${money(-fen)}` : money(fen);
}

/** Statement rows per page (承前页/过次页 and totals included). */
export function statementRowsPerPage(): number {
  const avail = PAGE.A4P.height - MARGIN.top - MARGIN.bottom;
  const fixed = TITLE_BAND + 2 * ROW + 8 + THEAD + FOOT + 4 + 6;
  return Math.floor((avail - fixed) / ROW);
}

/** What every page is laid out from. */
interface StatementForm {
  d: StatementData;
  W: number;
  /** the rows' grid: date, no., summary, 增加, 减少, balance */
  boxes: number[];
  /** rows per page */
  rows: number;
  /** statement rows per page */
  plan: number[];
  period: string;
}

export function buildStatementDoc(d: StatementData): { doc: Node; pages: number } {
  const page = PAGE.A4P;
  const W = page.width - MARGIN.left - MARGIN.right;
  const f: StatementForm = {
    d,
    W,
    boxes: boxWidths(W, [62, 112, '*', 74, 74, 80]),
    rows: statementRowsPerPage(),
    plan: statementPlan(d),
    period: `${dateZh(d.from)} 至 ${dateZh(d.to)}`,
  };
  const content = f.plan.map((_, p) => statementPage(f, p));
  const info = { title: `客户对账单 ${d.customer.name} ${d.from}~${d.to}`, author: d.office.name, subject: '客户对账单' };
  return { doc: docDefinition(page, info, SIZE, content), pages: f.plan.length };
}

/** Rows per page: the last page keeps room for 合计, 大写, the open slips and the confirmation block. */
function statementPlan(d: StatementData): number[] {
  const R = statementRowsPerPage();
  const listed = Math.min(d.openSlips.length, OPEN_SLIPS_LISTED);
  const more = d.openSlips.length - listed;
  // the last page: 合计, 大写, then the open slips (caption, head, rows, total) and the confirmation block
  const openRows = d.openSlips.length ? listed + (more > 0 ? 1 : 0) + 1 : 1;
  const tailPt = 2 * ROW + 22 + THEAD + openRows * ROW + 22 + CONFIRM;
  const lastExtra = Math.ceil(tailPt / ROW) + 1; // +1: the opening row (期初余额) on page 1
  return planPages(d.rows.length, (p) => R - (p > 0 ? 1 : 0) - (p === 0 ? 1 : 0), lastExtra - 1);
}

function statementPage(f: StatementForm, p: number): Node {
  const { d, W, boxes, plan } = f;
  const start = plan.slice(0, p).reduce((a, b) => a + b, 0);
  const n = plan[p];
  const body = rowsBody(f, p, start, n);
  const stack: Node[] = [statementTitle(f, p), statementInfo(f)];
  if (p < plan.length - 1) {
    for (let i = 1 + n + 1; i < f.rows; i++) body.push(blankRow(boxes.length));
    body.push(sumRow(boxes, '过 次 页', totalsUpTo(d, start + n)));
    stack.push(gridTable({ boxes, heights: headedHeights(body, THEAD, ROW), body }));
  } else {
    body.push(...closingRows(d, boxes));
    stack.push(gridTable({ boxes, heights: headedHeights(body, THEAD, ROW), body }), periodLine(d, W), ...openSlipsBlock(d, W));
    stack.push({ text: '', margin: [0, 6, 0, 0] }, confirmBlock(d, W));
  }
  stack.push(footer(W, d.office, `客户对账单 · ${d.customer.code} · ${d.from}~${d.to}`, p + 1, plan.length, null));
  return { stack, ...(p > 0 ? { pageBreak: 'before' } : {}) };
}

function statementTitle(f: StatementForm, p: number): Node {
  return titleBand(f.W, {
    office: f.d.office.name,
    title: '客户对账单',
    sub: `对账期间: ${f.period}`,
    left: [{ text: `客户编码 ${f.d.customer.code}` }, { text: '请核对后签章回传', bold: false, color: COLOR.grey }],
    pageNo: p + 1,
    pageCount: f.plan.length,
  });
}

function statementInfo(f: StatementForm): Node {
  const c = f.d.customer;
  return infoRows(
    f.W,
    [40, '*', 40, 90, 40, 120],
    [
      [
        ['客户', c.name, true],
        ['联系人', c.contact],
        ['电话', c.phone],
      ],
      [
        ['地址', c.address],
        ['币种', '人民币(元)'],
        ['期间', f.period],
      ],
    ],
  );
}

interface Running {
  inc: number;
  dec: number;
  bal: number;
}

/** 增加, 减少 and the balance after the first k rows (the opening balance before any). */
function totalsUpTo(d: StatementData, k: number): Running {
  const rows = d.rows.slice(0, k);
  return {
    inc: rows.reduce((a, r) => a + (r.debitFen ?? 0), 0),
    dec: rows.reduce((a, r) => a + (r.creditFen ?? 0), 0),
    bal: k > 0 ? d.rows[k - 1].balanceFen : d.openingFen,
  };
}

/** The page's column titles, 期初余额 (page 1) or 承前页, and its rows. */
function rowsBody(f: StatementForm, p: number, start: number, n: number): Node[][] {
  const { d, boxes } = f;
  const body: Node[][] = [headCells(['日期', '单据/凭证号', '摘要', '增加(发货)', '减少(回款/退货)', '余额'], boxes)];
  if (p === 0)
    body.push([
      span(boxes, '期初余额', 0, 2, { bold: true, align: 'center' }),
      ...fillers(2),
      {},
      {},
      cellFit(balanceText(d.openingFen), boxes[5], { align: 'right', bold: true }),
    ]);
  else body.push(sumRow(boxes, '承 前 页', totalsUpTo(d, start)));
  for (const r of d.rows.slice(start, start + n)) {
    const red = r.kind !== 'sale' && (r.debitFen ?? 0) > 0 ? COLOR.red : undefined; // a reversed collection
    body.push([
      cellFit(r.date, boxes[0], { align: 'center' }),
      cellFit(r.docNo ?? '', boxes[1]),
      cellFit(r.summary, boxes[2]),
      cellFit(r.debitFen ? money(r.debitFen) : '', boxes[3], { align: 'right', color: red }),
      cellFit(r.creditFen ? money(r.creditFen) : '', boxes[4], { align: 'right' }),
      cellFit(balanceText(r.balanceFen), boxes[5], { align: 'right' }),
    ]);
  }
  return body;
}

function span(boxes: number[], text: string, from: number, to: number, o: FitOptions = {}): Node {
  return spanFit(text, boxes, from, to, { size: SIZE, ...o });
}

function sumRow(boxes: number[], label: string, t: Running): Node[] {
  return [
    span(boxes, label, 0, 2, { bold: true, align: 'center' }),
    ...fillers(2),
    cellFit(money(t.inc), boxes[3], { align: 'right', bold: true }),
    cellFit(money(t.dec), boxes[4], { align: 'right', bold: true }),
    cellFit(balanceText(t.bal), boxes[5], { align: 'right', bold: true }),
  ];
}

/** 本期合计, then the closing balance in words and in figures. */
function closingRows(d: StatementData, boxes: number[]): Node[][] {
  const closing = d.closingFen;
  return [
    sumRow(boxes, '本期合计', { inc: d.salesFen, dec: d.collectionsFen + d.creditNotesFen, bal: closing }),
    [
      ...wordsCells(`期末余额(大写): ${closing < 0 ? '预收 ' : ''}${fenToChineseCapital(Math.abs(closing))}`, boxes, 2),
      span(boxes, `期末余额 ${closing < 0 ? `预收 ${yuan(-closing)}` : yuan(closing)}`, 3, 5, { bold: true, align: 'right', size: 9 }),
      ...fillers(2),
    ],
  ];
}

/** The period in one grey line: sales, collections, credit notes, prepayment not yet used. */
function periodLine(d: StatementData, W: number): Node {
  const text = `本期增加(发货) ${yuan(d.salesFen)}  减少: 回款 ${yuan(d.collectionsFen)}, 退货冲减 ${yuan(d.creditNotesFen)}${d.prepaymentFen ? `  预收款未冲抵 ${yuan(d.prepaymentFen)}` : ''}`;
  return { ...fit(text, W, { size: 7.5, color: COLOR.grey }), margin: [0, 2, 0, 0] };
}

/** The slips still owed at the end of the period: the first OPEN_SLIPS_LISTED, the rest in one line, the total. */
function openSlipsBlock(d: StatementData, W: number): Node[] {
  const boxes = boxWidths(W, [30, 120, 80, '*', '*', '*', 60]);
  const body: Node[][] = [headCells(['序号', '单据号', '发货日期', '单据金额', '已回款/冲减', '未结金额', '账龄(天)'], boxes)];
  d.openSlips
    .slice(0, OPEN_SLIPS_LISTED)
    .forEach((s, i) =>
      body.push([
        cellFit(String(i + 1), boxes[0], { align: 'center' }),
        cellFit(s.slipNo ?? '', boxes[1]),
        cellFit(s.date, boxes[2], { align: 'center' }),
        cellFit(money(s.amountFen), boxes[3], { align: 'right' }),
        cellFit(money(s.settledFen), boxes[4], { align: 'right' }),
        cellFit(money(s.openFen), boxes[5], { align: 'right', bold: true }),
        cellFit(String(s.ageDays), boxes[6], { align: 'right', color: s.ageDays > 60 ? COLOR.red : undefined }),
      ]),
    );
  const rest = d.openSlips.slice(OPEN_SLIPS_LISTED);
  if (rest.length > 0)
    body.push([
      span(boxes, `另有 ${rest.length} 张未结单据 (最早 ${rest[0].date})`, 0, 4, { color: COLOR.grey }),
      ...fillers(4),
      cellFit(money(rest.reduce((a, s) => a + s.openFen, 0)), boxes[5], { align: 'right' }),
      cellFit(`最长 ${Math.max(...rest.map((s) => s.ageDays))}`, boxes[6], { align: 'right' }),
    ]);
  if (d.openSlips.length)
    body.push([
      span(boxes, '未结合计', 0, 4, { bold: true, align: 'center' }),
      ...fillers(4),
      cellFit(yuan(d.openSlips.reduce((a, s) => a + s.openFen, 0)), boxes[5], { align: 'right', bold: true }),
      {},
    ]);
  else body.push([span(boxes, '截至期末无未结清单据', 0, 6, { align: 'center', color: COLOR.grey }), ...fillers(6)]);
  return [caption('未结清单据 (截至期末)', W, `账龄按 ${dateZh(d.to)} 计`), gridTable({ boxes, heights: headedHeights(body, THEAD, ROW), body })];
}

/** The confirmation block: the customer's 余额无误/有误, 签章 and 日期 beside the office's 财务 line. */
function confirmBlock(d: StatementData, W: number): Node {
  const boxes = boxWidths(W, ['*', 190]);
  const closing = d.closingFen < 0 ? `(预收) ${yuan(-d.closingFen)}` : yuan(d.closingFen);
  const line =
    (w: number) =>
    (t: string, o: { bold?: boolean; size?: number; color?: string } = {}) =>
      fit(t, w - 8, { size: o.size ?? 8.5, bold: o.bold, color: o.color });
  const left = line(boxes[0]);
  const right = line(boxes[1]);
  const customer = [
    left('客户确认:', { bold: true }),
    { ...left(`截至 ${dateZh(d.to)}, 贵单位欠本办事处货款 ${closing}。`, { size: 8 }), margin: [0, 2, 0, 0] },
    { ...left('□ 余额无误     □ 余额有误, 差异说明: ________________________________'), margin: [0, 10, 0, 0] },
    { ...left('客户签章: ______________________     日期: ______年____月____日'), margin: [0, 16, 0, 0] },
  ];
  const office = [
    right(d.office.name, { bold: true }),
    { ...right(d.office.phone ? `(对账专用 · 电话 ${d.office.phone})` : '(对账专用)', { size: 7, color: COLOR.grey }), margin: [0, 1, 0, 0] },
    { ...right('财务(签章): ____________________'), margin: [0, 10, 0, 0] },
    { ...right('日期: ______年____月____日'), margin: [0, 16, 0, 0] },
  ];
  return gridTable({ boxes, heights: [CONFIRM], pad: { x: 4, top: 3, bottom: 0 }, body: [[{ stack: customer }, { stack: office }]] });
}
