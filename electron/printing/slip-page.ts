// One page of a printed slip (slip-doc.ts works out what the pages are laid out from): the header
// band with the copy, state, title, number and QR; the lines in fixed rows with 承前页 / 过次页
// running subtotals, blank rows, and on the last page 合计 with 合计人民币大写; the memo; the
// signature boxes; the footer with the copy and page X/Y of that copy.

import { PAYMENT_MODE_ZH, isAdjustmentKind, type Slip, type SlipLine } from '../../shared/contract';
import { fenToChineseCapital } from '../../shared/money';
import { ROLE_ZH } from '../../shared/roles';
import { blankRow, fillers, footerBar, headedHeights, spacedTitle, spanFit, wordsCells } from './blocks';
import { infoRows, type Pair } from './finance-form';
import { localTime, money, qty, yuan } from './format';
import { gridTable } from './grid';
import { COLOR, MARGIN, NO_LINES, PAD, fit, innerWidths, ruled, type FitOptions, type Node, type PageSpec } from './layout';
import { signRow, type SignBox } from './signatures';
import type { SlipDocData } from './slip-doc';

export const ROW = 14; // a line row, pt
export const HEAD = 66; // the header band: the QR with its quiet zone
export const SIGN = 36; // the signature boxes
export const THEAD = 16; // the table's column titles
export const FOOT = 10;
export const SIZE = 8.5;

export interface Col {
  title: string;
  width: number | '*';
  align: 'left' | 'center' | 'right';
  cell(l: SlipLine, sign: number): string;
}

/** What every page of a slip is laid out from, worked out once. */
export interface SlipForm {
  d: SlipDocData;
  page: PageSpec;
  /** the width inside the margins */
  W: number;
  /** -1 on a reversal: its quantities and amounts print negative, in red */
  sign: number;
  red: string | undefined;
  cols: Col[];
  boxes: number[];
  /** the quantity column: sums and 大写 stand left of it */
  qtyCol: number;
  /** table rows a page holds (rowsPerPage) */
  rows: number;
  kindZh: string;
  watermark: { text: string; color: string } | null;
  info: [Pair[], Pair[]];
  signs: SignBox[];
}

/** Page p (of `plan`, line counts per page) of one copy; `first` is the document's first page. */
export function slipPage(f: SlipForm, copy: string, plan: number[], p: number, first: boolean): Node {
  const start = plan.slice(0, p).reduce((a, b) => a + b, 0);
  return {
    stack: [
      slipHeader(f, copy, p + 1, plan.length),
      // pdfmake writes layout results into the nodes it lays out: each page gets fresh ones
      infoRows(f.W, [44, '*', 50, 118, 44, 92], f.info),
      linesTable(f, start, plan[p], p, p === plan.length - 1),
      signRow(f.W, f.signs, SIGN),
      slipFooter(f, copy, p + 1, plan.length),
    ],
    ...(first ? {} : { pageBreak: 'before' }),
  };
}

/** The table of one page: titles, 承前页, its lines, blank rows, 过次页 or the totals, the memo. */
/** An amount on paper: papers are laid out from the books (slips/repo.ts slipView), never from a
 *  reader's scoped answer (slips/scope.ts), so a hidden (null) amount here is a bug, not a blank. */
export function paperFen(v: number | null): number {
  if (v == null) throw new Error('a slip paper was given an amount hidden by the read scope');
  return v;
}

function linesTable(f: SlipForm, start: number, n: number, p: number, last: boolean): Node {
  const lines = f.d.slip.lines;
  const upTo = (k: number) => lines.slice(0, k).reduce((a, l) => ({ q: a.q + l.qty, amount: a.amount + paperFen(l.amountFen) }), { q: 0, amount: 0 });
  const body: Node[][] = [f.cols.map((c, ci) => ({ ...cellText(f, c.title, ci, { bold: true, size: 7.5, align: 'center' }), fillColor: COLOR.fill }))];
  if (p > 0) body.push(sumRow(f, '承 前 页', upTo(start), false));
  for (const l of lines.slice(start, start + n))
    body.push(f.cols.map((c, ci) => cellText(f, c.cell(l, f.sign), ci, { color: f.red && ci >= f.qtyCol ? f.red : undefined })));
  const used = (p > 0 ? 1 : 0) + n + (last ? 2 : 1);
  for (let i = used; i < f.rows; i++) body.push(blankRow(f.cols.length));
  if (!last) body.push(sumRow(f, '过 次 页', upTo(start + n), false));
  else body.push(...totalRows(f));
  body.push(memoRow(f));
  return gridTable({ boxes: f.boxes, heights: headedHeights(body, THEAD, ROW), body });
}

/** Text in column ci, in that column's alignment unless told. */
function cellText(f: SlipForm, text: string, ci: number, o: FitOptions = {}): Node {
  return fit(text, f.boxes[ci] - 2 * PAD.x, { size: o.size ?? SIZE, bold: o.bold, color: o.color, align: o.align ?? f.cols[ci].align, minSize: o.minSize });
}

/** A row that sums lines: label over the columns before the quantity, then quantity and amount. */
function sumRow(f: SlipForm, label: string, sum: { q: number; amount: number | null }, withYuan: boolean): Node[] {
  const { qtyCol, sign, red } = f;
  const amountCol = f.cols.length - 1;
  const row: Node[] = [spanFit(label, f.boxes, 0, qtyCol - 1, { size: SIZE, bold: true, align: 'center' }), ...fillers(qtyCol - 1)];
  row.push(cellText(f, qty(sign * sum.q), qtyCol, { bold: true, color: red }));
  for (let c = qtyCol + 1; c < amountCol; c++) row.push({ text: '' });
  const amount = sum.amount === null ? '' : withYuan ? yuan(sign * sum.amount) : money(sign * sum.amount);
  row.push(cellText(f, amount, amountCol, { bold: true, color: red }));
  return row;
}

/** The last page's 合计 row, then 合计人民币(大写) beside the way of payment. */
function totalRows(f: SlipForm): Node[][] {
  const { slip } = f.d;
  const nCols = f.cols.length;
  // a write-off or return to HQ not posted yet has no cost: it is taken FIFO at posting
  const costPending = isAdjustmentKind(slip.kind) && slip.state !== 'posted';
  const words = `合计人民币(大写): ${costPending ? '(过账时按先进先出成本计)' : fenToChineseCapital(f.sign * paperFen(slip.totalAmountFen))}`;
  const pay = slip.paymentMode && slip.kind !== 'inbound' ? `${slip.kind === 'return' ? '退款方式' : '结算方式'}: ${PAYMENT_MODE_ZH[slip.paymentMode]}` : '';
  return [
    sumRow(f, '合    计', { q: slip.totalQty, amount: costPending ? null : paperFen(slip.totalAmountFen) }, true),
    [
      ...wordsCells(words, f.boxes, f.qtyCol - 1, f.red),
      spanFit(pay, f.boxes, f.qtyCol, nCols - 1, { size: 8, align: 'right' }),
      ...fillers(nCols - 1 - f.qtyCol),
    ],
  ];
}

function memoRow(f: SlipForm): Node[] {
  const { memo } = f.d.slip;
  const nCols = f.cols.length;
  return [spanFit(`备注: ${memo || ''}`, f.boxes, 0, nCols - 1, { size: 8, color: memo ? COLOR.ink : COLOR.grey }), ...fillers(nCols - 1)];
}

const SIDE = 136; // the header band's left and right columns

/** The header band: copy, state and print marks left; office, title and number centred; the QR right. */
function slipHeader(f: SlipForm, copy: string, pageNo: number, pageCount: number): Node {
  const centerW = f.W - 2 * SIDE;
  const right: Node = {
    stack: [
      { text: '扫码核验', fontSize: 6.5, color: COLOR.grey, alignment: 'right', margin: [0, 46, HEAD, 0] },
      { text: `第 ${pageNo}/${pageCount} 页`, fontSize: 6.5, color: COLOR.grey, alignment: 'right', margin: [0, 0, HEAD, 0] },
    ],
  };
  return {
    stack: [
      // the QR (with its quiet zone) is placed absolutely, so its box never changes the band's height
      { image: 'qr', width: HEAD, height: HEAD, absolutePosition: { x: f.page.width - MARGIN.right - HEAD + 4, y: MARGIN.top - 4 } },
      {
        table: { widths: [SIDE, centerW, SIDE], heights: HEAD, body: [[{ stack: headerLeft(f, copy) }, { stack: headerCenter(f, centerW) }, right]] },
        layout: NO_LINES,
      },
    ],
  };
}

/** The copy (联) in a box, the slip's state, and 补打 or 预览 when so. */
function headerLeft(f: SlipForm, copy: string): Node[] {
  const { print } = f.d;
  const left: Node[] = [
    {
      table: { widths: [innerWidths(SIDE - 10, ['*'], 3)[0]], body: [[fit(copy, SIDE - 18, { size: 9.5, bold: true, align: 'center' })]] },
      layout: { ...ruled({ outer: 0.9 }), paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 1, paddingBottom: () => 0.5 },
      margin: [0, 2, 10, 3],
    },
    fit(stateLine(f.d.slip), SIDE - 4, { size: 8, bold: true, color: f.watermark && f.watermark.text !== '作废' ? COLOR.red : COLOR.ink }),
  ];
  if (print && print.printNo > 1) left.push(fit(`补打(第${print.printNo}次打印)`, SIDE - 4, { size: 8, bold: true, color: COLOR.red }));
  if (!print) left.push(fit('预览 · 非正式打印', SIDE - 4, { size: 7, color: COLOR.grey }));
  return left;
}

function headerCenter(f: SlipForm, centerW: number): Node[] {
  return [
    fit(f.d.office.name, centerW, { size: 11.5, bold: true, align: 'center' }),
    spacedTitle(f.kindZh, f.kindZh.length > 3 ? 16 : 18, { color: f.sign < 0 ? COLOR.red : COLOR.ink, lineHeight: 1.1 }),
    { text: `No. ${f.d.slip.no}`, fontSize: 9.5, bold: true, alignment: 'center', color: COLOR.red, margin: [0, 1, 0, 0] },
  ];
}

/** Where the slip stands: draft and whose signature it waits for, posted, void, reversed. */
function stateLine(slip: Slip): string {
  if (slip.state === 'void') return '已作废';
  if (slip.reversedBy) return `已红字冲销 ${slip.reversedBy.no}`;
  if (slip.kind === 'reversal') return '已过账(红字)';
  if (slip.state === 'posted') return slip.kind === 'inbound' || slip.kind === 'return' || slip.kind === 'opening' ? '已过账 · 已入库' : '已过账 · 已出库';
  const missing = slip.missingSignatures;
  if (missing.includes('manager')) return '草稿 · 未签发';
  if (missing.length) return `草稿 · 待${missing.map((r) => ROLE_ZH[r]).join('、')}签字`;
  return slip.requiredSignatures.length ? '草稿 · 已签发 待过账' : '草稿 · 待过账';
}

function slipFooter(f: SlipForm, copy: string, pageNo: number, pageCount: number): Node {
  const { print, office, slip } = f.d;
  const who = print
    ? `打印: ${print.printedBy} ${localTime(print.printedAt, office.timezone)}${print.printNo > 1 ? ` · 补打(第${print.printNo}次打印)` : ''}`
    : '预览, 未登记打印';
  return footerBar(f.W, {
    left: who,
    middle: { text: `${f.kindZh} ${slip.no} · ${copy}`, width: 150 },
    right: `第 ${pageNo}/${pageCount} 页`,
    height: FOOT,
    top: 3,
  });
}
