// The stock card (库存明细账) of one item for a period, on A4 landscape, as the screen shows it:
// opening balance, each row (merged FIFO takes) with the balance and 结存单价 after it, 本月合计 and
// 本年累计 after each month, 本期合计 and 期末结存 at the end; returns as the office writes them; on
// every page break the running totals are carried (过次页 at the foot, 承前页 at the head of the next).
// The rows are worked out in stock-card-entries.ts; this file lays them out.

import type { CardMonthEnd, Item, ReturnsOnCard, StockCardRow } from '../../shared/contract';
import { dateZh, localTime, money, qty } from './format';
import { COLOR, MARGIN, NO_LINES, PAGE, PAD, RULE, boxWidths, fit, innerWidths, planPages, type Node } from './layout';
import { gridTable } from './grid';
import { blankRow, docDefinition, fillers, footerBar, spacedTitle } from './blocks';
import type { PagedDoc } from './paged';
import { entriesOf, lastBalance, sumEntry, unitOf, type Balance, type Entry, type Totals } from './stock-card-entries';

export interface StockCardDocData {
  office: { name: string; shortName: string; timezone: string };
  item: Item;
  from: string | null;
  to: string;
  opening: Balance;
  closing: Balance;
  rows: StockCardRow[];
  monthEnds: CardMonthEnd[];
  returnsOnCard: ReturnsOnCard;
  print: { printNo: number; printedAt: string; printedBy: string } | null;
}

const RETURNS_ZH: Record<ReturnsOnCard, string> = { redIssue: '红字发出', receipt: '收入' };
const ROW = 13;
const SIZE = 8;
const HEAD = 46;
const FOOT = 10;
/** date, no., summary; then 数量, 单价, 金额 of 收入, 发出 and 结存 */
const SPEC: (number | '*')[] = [56, 78, '*', 44, 50, 66, 44, 50, 66, 44, 50, 68];

export function stockCardRowsPerPage(): number {
  const page = PAGE.A4L;
  const avail = page.height - MARGIN.top - MARGIN.bottom;
  // header band, info row, the two title rows, footer, gaps, slack
  const fixed = HEAD + 2 + ROW + RULE + 4 + 2 * ROW + 3 + FOOT + 3;
  return Math.floor((avail - fixed) / ROW);
}

/** What every page is laid out from. */
interface CardForm {
  d: StockCardDocData;
  W: number;
  boxes: number[];
  /** the columns' widths inside the padding */
  widths: number[];
  entries: Entry[];
  totalsAfter: Totals[];
  /** rows per page */
  rows: number;
  /** entries per page */
  plan: number[];
  /** the two rows of column titles, the same on every page */
  head: Node[][];
}

export function buildStockCardDoc(d: StockCardDocData): { doc: Node; pages: number } {
  const paged = buildStockCardPages(d);
  const content = Array.from({ length: paged.pages }, (_, p) => paged.page(p));
  return { doc: { ...paged.base, content }, pages: paged.pages };
}

/** The card page by page (printing/paged.ts lays each out when its turn comes). */
export function buildStockCardPages(d: StockCardDocData): PagedDoc {
  const page = PAGE.A4L;
  const W = page.width - MARGIN.left - MARGIN.right;
  const boxes = boxWidths(W, SPEC);
  const widths = boxes.map((b) => b - 2 * PAD.x);
  const { entries, totalsAfter } = entriesOf(d);
  const R = stockCardRowsPerPage();
  const plan = planPages(entries.length, (p) => R - (p > 0 ? 1 : 0), 0);
  const f: CardForm = { d, W, boxes, widths, entries, totalsAfter, rows: R, plan, head: headRows(boxes, widths) };
  const info = { title: `库存明细账 ${d.item.code} ${d.item.name}`, author: d.office.name, subject: '库存明细账' };
  return { base: docDefinition(page, info, SIZE, []), pages: plan.length, page: (p) => cardPage(f, p) };
}

function cardPage(f: CardForm, p: number): Node {
  const { plan, entries } = f;
  const start = plan.slice(0, p).reduce((a, b) => a + b, 0);
  const count = plan[p];
  const last = p === plan.length - 1;
  const body: Node[][] = [...f.head];
  if (p > 0) body.push(carryRow(f, '承 前 页', start - 1));
  for (const e of entries.slice(start, start + count)) body.push(entryRow(f.widths, e));
  const used = (p > 0 ? 1 : 0) + count + (last ? 0 : 1);
  for (let i = used; i < f.rows; i++) body.push(blankRow(SPEC.length));
  if (!last) body.push(carryRow(f, '过 次 页', start + count - 1));
  return {
    stack: [cardHeader(f, p), cardInfo(f), gridTable({ boxes: f.boxes, heights: body.map(() => ROW), body }), cardFooter(f, p)],
    ...(p > 0 ? { pageBreak: 'before' } : {}),
  };
}

/** The two rows of column titles: 日期, 单号, 摘要, then 收入 / 发出 / 结存 over 数量, 单价, 金额. */
function headRows(boxes: number[], widths: number[]): Node[][] {
  const span = (from: number, to: number) => boxes.slice(from, to + 1).reduce((a, b) => a + b, 0) - 2 * PAD.x;
  const th = (t: string, ci: number, extra: Node = {}) => ({
    ...fit(t, extra.colSpan ? span(ci, ci + (extra.colSpan as number) - 1) : widths[ci], { size: 7.5, bold: true, align: 'center' }),
    fillColor: COLOR.fill,
    ...extra,
  });
  return [
    [
      th('日期', 0, { rowSpan: 2, margin: [0, 6.5, 0, 0] }),
      th('单号', 1, { rowSpan: 2, margin: [0, 6.5, 0, 0] }),
      th('摘要', 2, { rowSpan: 2, margin: [0, 6.5, 0, 0] }),
      th('收    入', 3, { colSpan: 3 }),
      ...fillers(2),
      th('发    出', 6, { colSpan: 3 }),
      ...fillers(2),
      th('结    存', 9, { colSpan: 3 }),
      ...fillers(2),
    ],
    [{}, {}, {}, ...[3, 6, 9].flatMap((c) => [th('数量', c), th('单价', c + 1), th('金额', c + 2)])],
  ];
}

/** One entry's row: sums and balances bold, negative figures red. */
function entryRow(widths: number[], e: Entry): Node[] {
  const num = (ci: number, v: number | null, o: { bold?: boolean; fmt?: (x: number) => string } = {}) =>
    v == null ? { text: '' } : fit((o.fmt ?? money)(v), widths[ci], { size: SIZE, bold: o.bold, align: 'right', color: v < 0 ? COLOR.red : undefined });
  const bold = e.kind !== 'move';
  const b = e.balance;
  return [
    fit(e.date, widths[0], { size: SIZE, align: 'center' }),
    fit(e.slipNo, widths[1], { size: SIZE }),
    fit(e.summary, widths[2], { size: SIZE, bold, minSize: 5.5, align: bold && e.kind !== 'opening' && e.kind !== 'closing' ? 'center' : 'left' }),
    num(3, e.inQty, { bold, fmt: qty }),
    num(4, e.inUnit),
    num(5, e.inAmount, { bold }),
    num(6, e.outQty, { bold, fmt: qty }),
    num(7, e.outUnit),
    num(8, e.outAmount, { bold }),
    num(9, b ? b.qty : null, { bold, fmt: qty }),
    num(10, b ? unitOf(b) : null),
    num(11, b ? b.amountFen : null, { bold }),
  ];
}

/** 承前页 / 过次页: the move totals and the balance after entry i. */
function carryRow(f: CardForm, label: string, i: number): Node[] {
  return entryRow(f.widths, sumEntry('period', '', label, f.totalsAfter[i], lastBalance(f.entries, i)));
}

/** The header band: office short name and units left, office and title centred, page and print right. */
function cardHeader(f: CardForm, p: number): Node {
  const { d, W } = f;
  const print = d.print && d.print.printNo > 1 ? `第${d.print.printNo}次打印` : ' ';
  const left = {
    stack: [
      fit(d.office.shortName, 200, { size: 8 }),
      fit(`金额单位: 元 · 数量单位: ${d.item.unit} · 退货记为${RETURNS_ZH[d.returnsOnCard]}`, 200, { size: 7, color: COLOR.grey }),
    ],
    margin: [0, 24, 0, 0],
  };
  const center = { stack: [fit(d.office.name, W - 400, { size: 11.5, bold: true, align: 'center' }), spacedTitle('库存明细账', 17)] };
  const right = {
    stack: [fit(`第 ${p + 1}/${f.plan.length} 页`, 200, { size: 8, align: 'right' }), fit(print, 200, { size: 7, align: 'right', color: COLOR.grey })],
    margin: [0, 24, 0, 0],
  };
  return { table: { widths: [200, W - 400, 200], heights: HEAD, body: [[left, center, right]] }, layout: NO_LINES };
}

/** The item: code, name, spec, unit, safety stock, the period. A fresh node per page: pdfmake writes its layout into it. */
function cardInfo(f: CardForm): Node {
  const { d, W } = f;
  const it = d.item;
  const period = d.from ? `${dateZh(d.from)} 至 ${dateZh(d.to)}` : `建账起 至 ${dateZh(d.to)}`;
  const infoW = innerWidths(W, [26, 84, 26, '*', 26, 110, 26, 30, 44, 60, 26, 170], 2, 0, 0);
  const pairs: [string, string, boolean?][] = [
    ['编码', it.code, true],
    ['名称', it.name, true],
    ['规格', it.spec],
    ['单位', it.unit],
    ['安全库存', `${qty(it.safetyStock)} ${it.unit}`],
    ['期间', period],
  ];
  return {
    table: {
      widths: infoW,
      heights: ROW - 1.5, // pdfmake's heights are inside the padding
      body: [
        pairs.flatMap(([l, v, bold], i) => [fit(l, infoW[2 * i], { size: 7.5, color: COLOR.grey }), fit(v, infoW[2 * i + 1], { size: 8.5, bold: !!bold })]),
      ],
    },
    layout: {
      ...NO_LINES,
      hLineWidth: (i: number) => (i === 1 ? RULE : 0),
      hLineColor: () => COLOR.light,
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1.5,
    },
    margin: [0, 2, 0, 4],
  };
}

function cardFooter(f: CardForm, p: number): Node {
  const { d } = f;
  const who = d.print ? `打印: ${d.print.printedBy} ${localTime(d.print.printedAt, d.office.timezone)}` : '预览, 未登记打印';
  return footerBar(f.W, { left: `${who} · ${d.office.shortName}`, right: `库存明细账 ${d.item.code} · 第 ${p + 1}/${f.plan.length} 页`, height: FOOT, top: 3 });
}
