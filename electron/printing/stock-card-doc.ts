// The stock card (库存明细账) of one item for a period, on A4 landscape: opening balance, each
// move with the balance after it, 本月合计 after each month, 本期合计 and 期末结存 at the end; on
// every page break the running totals are carried (过次页 at the foot, 承前页 at the head of the next).

import type { Item, StockCardRow } from '../../shared/contract';
import { dateZh, localTime, money, qty } from './format';
import { COLOR, MARGIN, NO_LINES, PAGE, PAD, RULE, boxWidths, fit, innerWidths, planPages, type Node } from './layout';
import { gridTable } from './grid';

interface Balance {
  qty: number;
  amountFen: number;
}

export interface StockCardDocData {
  office: { name: string; shortName: string; timezone: string };
  item: Item;
  from: string | null;
  to: string;
  opening: Balance;
  closing: Balance;
  rows: StockCardRow[];
  print: { printNo: number; printedAt: string; printedBy: string } | null;
}

const ROW = 13;
const SIZE = 8;
const HEAD = 46;
const FOOT = 10;

interface Entry {
  kind: 'opening' | 'move' | 'month' | 'period' | 'closing';
  date: string;
  slipNo: string;
  summary: string;
  inQty: number | null;
  inUnit: number | null;
  inAmount: number | null;
  outQty: number | null;
  outUnit: number | null;
  outAmount: number | null;
  balance: Balance | null;
}

interface Totals {
  inQty: number;
  inAmount: number;
  outQty: number;
  outAmount: number;
}
const zero = (): Totals => ({ inQty: 0, inAmount: 0, outQty: 0, outAmount: 0 });

function add(t: Totals, r: StockCardRow): void {
  t.inQty += r.inQty ?? 0;
  t.inAmount += r.inAmountFen ?? 0;
  t.outQty += r.outQty ?? 0;
  t.outAmount += r.outAmountFen ?? 0;
}

function sumEntry(kind: Entry['kind'], date: string, summary: string, t: Totals, balance: Balance | null): Entry {
  return {
    kind,
    date,
    slipNo: '',
    summary,
    inQty: t.inQty,
    inUnit: null,
    inAmount: t.inAmount,
    outQty: t.outQty,
    outUnit: null,
    outAmount: t.outAmount,
    balance,
  };
}

function entriesOf(d: StockCardDocData): { entries: Entry[]; totalsAfter: Totals[] } {
  const entries: Entry[] = [];
  const totalsAfter: Totals[] = []; // cumulative move totals after each entry (for 过次页)
  const period = zero();
  const push = (e: Entry) => {
    entries.push(e);
    totalsAfter.push({ ...period });
  };
  push({
    kind: 'opening',
    date: d.from ?? '',
    slipNo: '',
    summary: d.from ? '期初结存' : '期初结存(建账)',
    inQty: null,
    inUnit: null,
    inAmount: null,
    outQty: null,
    outUnit: null,
    outAmount: null,
    balance: d.opening,
  });
  const months = new Set(d.rows.map((r) => r.date.slice(0, 7)));
  let month = zero();
  d.rows.forEach((r, i) => {
    add(period, r);
    add(month, r);
    push({
      kind: 'move',
      date: r.date,
      slipNo: r.slipNo,
      summary: r.summary,
      inQty: r.inQty,
      inUnit: r.inUnitCostFen,
      inAmount: r.inAmountFen,
      outQty: r.outQty,
      outUnit: r.outUnitCostFen,
      outAmount: r.outAmountFen,
      balance: { qty: r.balanceQty, amountFen: r.balanceAmountFen },
    });
    const next = d.rows[i + 1];
    if (!next || next.date.slice(0, 7) !== r.date.slice(0, 7)) {
      const [y, m] = r.date.split('-');
      push(sumEntry('month', '', `${y}年${Number(m)}月 本月合计`, month, { qty: r.balanceQty, amountFen: r.balanceAmountFen }));
      month = zero();
    }
  });
  if (months.size > 1) push(sumEntry('period', '', '本期合计', period, d.closing));
  push({
    kind: 'closing',
    date: d.to,
    slipNo: '',
    summary: '期末结存',
    inQty: null,
    inUnit: null,
    inAmount: null,
    outQty: null,
    outUnit: null,
    outAmount: null,
    balance: d.closing,
  });
  return { entries, totalsAfter };
}

const unitOf = (b: Balance) => (b.qty === 0 ? null : Math.round(b.amountFen / b.qty));

export function stockCardRowsPerPage(): number {
  const page = PAGE.A4L;
  const avail = page.height - MARGIN.top - MARGIN.bottom;
  // header band, info row, the two title rows, footer, gaps, slack
  const fixed = HEAD + 2 + ROW + RULE + 4 + 2 * ROW + 3 + FOOT + 3;
  return Math.floor((avail - fixed) / ROW);
}

export function buildStockCardDoc(d: StockCardDocData): { doc: Node; pages: number } {
  const page = PAGE.A4L;
  const W = page.width - MARGIN.left - MARGIN.right;
  const spec: (number | '*')[] = [56, 78, '*', 44, 50, 66, 44, 50, 66, 44, 50, 68];
  const boxes = boxWidths(W, spec);
  const widths = boxes.map((b) => b - 2 * PAD.x);
  const n = spec.length;
  const { entries, totalsAfter } = entriesOf(d);
  const R = stockCardRowsPerPage();
  const plan = planPages(entries.length, (p) => R - (p > 0 ? 1 : 0), 0);
  const span = (from: number, to: number) => boxes.slice(from, to + 1).reduce((a, b) => a + b, 0) - 2 * PAD.x;
  const num = (ci: number, v: number | null, o: { bold?: boolean; fmt?: (x: number) => string } = {}) =>
    v == null ? { text: '' } : fit((o.fmt ?? money)(v), widths[ci], { size: SIZE, bold: o.bold, align: 'right', color: v < 0 ? COLOR.red : undefined });
  const filler = (k: number) => Array.from({ length: k }, () => ({}));

  const th = (t: string, ci: number, extra: Node = {}) => ({
    ...fit(t, extra.colSpan ? span(ci, ci + (extra.colSpan as number) - 1) : widths[ci], { size: 7.5, bold: true, align: 'center' }),
    fillColor: COLOR.fill,
    ...extra,
  });
  const head: Node[][] = [
    [
      th('日期', 0, { rowSpan: 2, margin: [0, 6.5, 0, 0] }),
      th('单号', 1, { rowSpan: 2, margin: [0, 6.5, 0, 0] }),
      th('摘要', 2, { rowSpan: 2, margin: [0, 6.5, 0, 0] }),
      th('收    入', 3, { colSpan: 3 }),
      ...filler(2),
      th('发    出', 6, { colSpan: 3 }),
      ...filler(2),
      th('结    存', 9, { colSpan: 3 }),
      ...filler(2),
    ],
    [{}, {}, {}, ...[3, 6, 9].flatMap((c) => [th('数量', c), th('单价', c + 1), th('金额', c + 2)])],
  ];

  const row = (e: Entry): Node[] => {
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
  };
  const carry = (label: string, t: Totals, b: Balance | null): Node[] => row(sumEntry('period', '', label, t, b));

  const period = d.from ? `${dateZh(d.from)} 至 ${dateZh(d.to)}` : `建账起 至 ${dateZh(d.to)}`;
  const it = d.item;
  const infoSpec: (number | '*')[] = [26, 84, 26, '*', 26, 110, 26, 30, 44, 60, 26, 170];
  const infoW = innerWidths(W, infoSpec, 2, 0, 0);
  const pairs: [string, string, boolean?][] = [
    ['编码', it.code, true],
    ['名称', it.name, true],
    ['规格', it.spec],
    ['单位', it.unit],
    ['安全库存', `${qty(it.safetyStock)} ${it.unit}`],
    ['期间', period],
  ];
  // fresh nodes per page: pdfmake writes its layout into them
  const infoTable = (): Node => ({
    table: {
      widths: infoW,
      heights: ROW - 1.5, // pdfmake's heights are inside the padding
      body: [pairs.flatMap(([l, v, bold], i) => [fit(l, infoW[2 * i], { size: 7.5, color: COLOR.grey }), fit(v, infoW[2 * i + 1], { size: 8.5, bold: !!bold })])],
    },
    layout: { ...NO_LINES, hLineWidth: (i: number) => (i === 1 ? RULE : 0), hLineColor: () => COLOR.light, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1.5 },
    margin: [0, 2, 0, 4],
  });

  const content: Node[] = [];
  let start = 0;
  plan.forEach((count, p) => {
    const last = p === plan.length - 1;
    const body: Node[][] = [...head];
    if (p > 0) {
      const prev = start - 1;
      body.push(carry('承 前 页', totalsAfter[prev], lastBalance(entries, prev)));
    }
    for (const e of entries.slice(start, start + count)) body.push(row(e));
    start += count;
    const used = (p > 0 ? 1 : 0) + count + (last ? 0 : 1);
    for (let i = used; i < R; i++) body.push(Array.from({ length: n }, () => ({ text: '' })));
    if (!last) body.push(carry('过 次 页', totalsAfter[start - 1], lastBalance(entries, start - 1)));
    const who = d.print ? `打印: ${d.print.printedBy} ${localTime(d.print.printedAt, d.office.timezone)}` : '预览, 未登记打印';
    content.push({
      stack: [
        {
          table: {
            widths: [200, W - 400, 200],
            heights: HEAD,
            body: [
              [
                { stack: [fit(d.office.shortName, 200, { size: 8 }), fit(`金额单位: 元 · 数量单位: ${it.unit}`, 200, { size: 7, color: COLOR.grey })], margin: [0, 24, 0, 0] },
                {
                  stack: [
                    fit(d.office.name, W - 400, { size: 11.5, bold: true, align: 'center' }),
                    { text: '库 存 明 细 账', fontSize: 17, bold: true, alignment: 'center', decoration: 'underline', decorationStyle: 'double' },
                  ],
                },
                { stack: [fit(`第 ${p + 1}/${plan.length} 页`, 200, { size: 8, align: 'right' }), fit(d.print && d.print.printNo > 1 ? `第${d.print.printNo}次打印` : ' ', 200, { size: 7, align: 'right', color: COLOR.grey })], margin: [0, 24, 0, 0] },
              ],
            ],
          },
          layout: NO_LINES,
        },
        infoTable(),
        gridTable({ boxes, heights: body.map(() => ROW), body }),
        {
          table: {
            widths: innerWidths(W, ['*', '*'], 0, 0, 0),
            heights: FOOT,
            body: [[fit(`${who} · ${d.office.shortName}`, W / 2, { size: 6.5, color: COLOR.grey }), fit(`库存明细账 ${it.code} · 第 ${p + 1}/${plan.length} 页`, W / 2, { size: 6.5, color: COLOR.grey, align: 'right' })]],
          },
          layout: NO_LINES,
          margin: [0, 3, 0, 0],
        },
      ],
      ...(p > 0 ? { pageBreak: 'before' } : {}),
    });
  });

  return {
    doc: {
      pageSize: page.pageSize,
      pageOrientation: page.pageOrientation,
      pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
      info: { title: `库存明细账 ${it.code} ${it.name}`, author: d.office.name, subject: '库存明细账', creator: 'Branch Desk 办事处仓财台' },
      defaultStyle: { font: 'NotoSC', fontSize: SIZE, lineHeight: 1, color: COLOR.ink },
      content,
    },
    pages: plan.length,
  };
}

/** The balance after entry i (the nearest entry at or before it that has one). */
function lastBalance(entries: Entry[], i: number): Balance | null {
  for (let k = i; k >= 0; k--) if (entries[k].balance) return entries[k].balance;
  return null;
}
