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
import { COLOR, MARGIN, PAGE, boxWidths, fit, planPages, type Node } from './layout';
import { gridTable } from './grid';
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

export function buildStatementDoc(d: StatementData): { doc: Node; pages: number } {
  const page = PAGE.A4P;
  const W = page.width - MARGIN.left - MARGIN.right;
  const boxes = boxWidths(W, [62, 112, '*', 74, 74, 80]);
  const R = statementRowsPerPage();
  const listed = d.openSlips.slice(0, OPEN_SLIPS_LISTED);
  const more = d.openSlips.length - listed.length;
  // the last page: 合计, 大写, then the open slips (caption, head, rows, total) and the confirmation block
  const openRows = d.openSlips.length ? listed.length + (more > 0 ? 1 : 0) + 1 : 1;
  const tailPt = 2 * ROW + 22 + THEAD + openRows * ROW + 22 + CONFIRM;
  const lastExtra = Math.ceil(tailPt / ROW) + 1; // +1: the opening row (期初余额) on page 1
  const plan = planPages(d.rows.length, (p) => R - (p > 0 ? 1 : 0) - (p === 0 ? 1 : 0), lastExtra - 1);
  const content: Node[] = [];
  const period = `${dateZh(d.from)} 至 ${dateZh(d.to)}`;

  const span = (text: string, from: number, to: number, o: { bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string; size?: number } = {}) => ({
    ...fit(text, boxes.slice(from, to + 1).reduce((a, b) => a + b, 0) - 5, { size: o.size ?? SIZE, bold: o.bold, align: o.align, color: o.color }),
    colSpan: to - from + 1,
  });
  const fill = (n: number) => Array.from({ length: n }, () => ({}));
  const sumRow = (label: string, inc: number, dec: number, bal: number | null, bold = true): Node[] => [
    span(label, 0, 2, { bold, align: 'center' }),
    ...fill(2),
    cellFit(money(inc), boxes[3], { align: 'right', bold }),
    cellFit(money(dec), boxes[4], { align: 'right', bold }),
    cellFit(bal == null ? '' : balanceText(bal), boxes[5], { align: 'right', bold }),
  ];

  let start = 0;
  let inc = 0;
  let dec = 0;
  let bal = d.openingFen;
  plan.forEach((n, p) => {
    const last = p === plan.length - 1;
    const stack: Node[] = [];
    stack.push(
      titleBand(W, {
        office: d.office.name,
        title: '客户对账单',
        sub: `对账期间: ${period}`,
        left: [{ text: `客户编码 ${d.customer.code}` }, { text: '请核对后签章回传', bold: false, color: COLOR.grey }],
        pageNo: p + 1,
        pageCount: plan.length,
      }),
    );
    stack.push(
      infoRows(W, [40, '*', 40, 90, 40, 120], [
        [
          ['客户', d.customer.name, true],
          ['联系人', d.customer.contact],
          ['电话', d.customer.phone],
        ],
        [
          ['地址', d.customer.address],
          ['币种', '人民币(元)'],
          ['期间', period],
        ],
      ]),
    );
    const body: Node[][] = [headCells(['日期', '单据/凭证号', '摘要', '增加(发货)', '减少(回款/退货)', '余额'], boxes)];
    if (p === 0) body.push([span('期初余额', 0, 2, { bold: true, align: 'center' }), ...fill(2), {}, {}, cellFit(balanceText(d.openingFen), boxes[5], { align: 'right', bold: true })]);
    else body.push(sumRow('承 前 页', inc, dec, bal));
    for (const r of d.rows.slice(start, start + n)) {
      inc += r.debitFen ?? 0;
      dec += r.creditFen ?? 0;
      bal = r.balanceFen;
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
    start += n;
    if (!last) {
      const used = 1 + n + 1;
      for (let i = used; i < R; i++) body.push(boxes.map(() => ({ text: '' })));
      body.push(sumRow('过 次 页', inc, dec, bal));
      stack.push(gridTable({ boxes, heights: body.map((_, i) => (i === 0 ? THEAD : ROW)), body }));
    } else {
      body.push(sumRow('本期合计', d.salesFen, d.collectionsFen + d.creditNotesFen, d.closingFen));
      body.push([
        span(`期末余额(大写): ${d.closingFen < 0 ? '预收 ' : ''}${fenToChineseCapital(Math.abs(d.closingFen))}`, 0, 2, { bold: true, size: 9 }),
        ...fill(2),
        span(`期末余额 ${d.closingFen < 0 ? `预收 ${yuan(-d.closingFen)}` : yuan(d.closingFen)}`, 3, 5, { bold: true, align: 'right', size: 9 }),
        ...fill(2),
      ]);
      stack.push(gridTable({ boxes, heights: body.map((_, i) => (i === 0 ? THEAD : ROW)), body }));
      stack.push(
        fit(
          `本期增加(发货) ${yuan(d.salesFen)}  减少: 回款 ${yuan(d.collectionsFen)}, 退货冲减 ${yuan(d.creditNotesFen)}${d.prepaymentFen ? `  预收款未冲抵 ${yuan(d.prepaymentFen)}` : ''}`,
          W,
          { size: 7.5, color: COLOR.grey },
        ),
      );
      stack[stack.length - 1].margin = [0, 2, 0, 0];
      // the slips still owed at the end of the period
      const oBoxes = boxWidths(W, [30, 120, 80, '*', '*', '*', 60]);
      const oBody: Node[][] = [headCells(['序号', '单据号', '发货日期', '单据金额', '已回款/冲减', '未结金额', '账龄(天)'], oBoxes)];
      listed.forEach((s, i) =>
        oBody.push([
          cellFit(String(i + 1), oBoxes[0], { align: 'center' }),
          cellFit(s.slipNo ?? '', oBoxes[1]),
          cellFit(s.date, oBoxes[2], { align: 'center' }),
          cellFit(money(s.amountFen), oBoxes[3], { align: 'right' }),
          cellFit(money(s.settledFen), oBoxes[4], { align: 'right' }),
          cellFit(money(s.openFen), oBoxes[5], { align: 'right', bold: true }),
          cellFit(String(s.ageDays), oBoxes[6], { align: 'right', color: s.ageDays > 60 ? COLOR.red : undefined }),
        ]),
      );
      const oSpan = (text: string, from: number, to: number, o: { bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string } = {}) => ({
        ...fit(text, oBoxes.slice(from, to + 1).reduce((a, b) => a + b, 0) - 5, { size: SIZE, ...o }),
        colSpan: to - from + 1,
      });
      if (more > 0) {
        const rest = d.openSlips.slice(OPEN_SLIPS_LISTED);
        oBody.push([
          oSpan(`另有 ${more} 张未结单据 (最早 ${rest[0].date})`, 0, 4, { color: COLOR.grey }),
          ...fill(4),
          cellFit(money(rest.reduce((a, s) => a + s.openFen, 0)), oBoxes[5], { align: 'right' }),
          cellFit(`最长 ${Math.max(...rest.map((s) => s.ageDays))}`, oBoxes[6], { align: 'right' }),
        ]);
      }
      if (d.openSlips.length)
        oBody.push([oSpan('未结合计', 0, 4, { bold: true, align: 'center' }), ...fill(4), cellFit(yuan(d.openSlips.reduce((a, s) => a + s.openFen, 0)), oBoxes[5], { align: 'right', bold: true }), {}]);
      else oBody.push([oSpan('截至期末无未结清单据', 0, 6, { align: 'center', color: COLOR.grey }), ...fill(6)]);
      stack.push(caption('未结清单据 (截至期末)', W, `账龄按 ${dateZh(d.to)} 计`));
      stack.push(gridTable({ boxes: oBoxes, heights: oBody.map((_, i) => (i === 0 ? THEAD : ROW)), body: oBody }));
      // the confirmation block
      const cBoxes = boxWidths(W, ['*', 190]);
      const line = (t: string, o: { bold?: boolean; size?: number; color?: string } = {}) => fit(t, cBoxes[0] - 8, { size: o.size ?? 8.5, bold: o.bold, color: o.color });
      const rline = (t: string, o: { bold?: boolean; size?: number; color?: string } = {}) => fit(t, cBoxes[1] - 8, { size: o.size ?? 8.5, bold: o.bold, color: o.color });
      stack.push({ text: '', margin: [0, 6, 0, 0] });
      stack.push(
        gridTable({
          boxes: cBoxes,
          heights: [CONFIRM],
          pad: { x: 4, top: 3, bottom: 0 },
          body: [
            [
              {
                stack: [
                  line('客户确认:', { bold: true }),
                  { ...line(`截至 ${dateZh(d.to)}, 贵单位欠本办事处货款 ${d.closingFen < 0 ? `(预收) ${yuan(-d.closingFen)}` : yuan(d.closingFen)}。`, { size: 8 }), margin: [0, 2, 0, 0] },
                  { ...line('□ 余额无误     □ 余额有误, 差异说明: ________________________________'), margin: [0, 10, 0, 0] },
                  { ...line('客户签章: ______________________     日期: ______年____月____日'), margin: [0, 16, 0, 0] },
                ],
              },
              {
                stack: [
                  rline(d.office.name, { bold: true }),
                  { ...rline('(对账专用)', { size: 7, color: COLOR.grey }), margin: [0, 1, 0, 0] },
                  { ...rline('财务(签章): ____________________'), margin: [0, 10, 0, 0] },
                  { ...rline('日期: ______年____月____日'), margin: [0, 16, 0, 0] },
                ],
              },
            ],
          ],
        }),
      );
    }
    stack.push(footer(W, d.office, `客户对账单 · ${d.customer.code} · ${d.from}~${d.to}`, p + 1, plan.length, null));
    content.push({ stack, ...(p > 0 ? { pageBreak: 'before' } : {}) });
  });

  const doc: Node = {
    pageSize: page.pageSize,
    pageOrientation: page.pageOrientation,
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { title: `客户对账单 ${d.customer.name} ${d.from}~${d.to}`, author: d.office.name, subject: '客户对账单', creator: 'Branch Desk 办事处仓财台' },
    defaultStyle: { font: 'NotoSC', fontSize: SIZE, lineHeight: 1, color: COLOR.ink },
    content,
  };
  return { doc, pages: plan.length };
}
