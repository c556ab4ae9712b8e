// The stock card (库存明细账) as displayed: a window of it that grows page by page either way —
// from the start (期初结存 first) or, after Ctrl+End, from the end (期末结存 last) upwards. Each
// page's rows come from the core merged (one row per slip line and unit cost) with 本月合计 and
// 本年累计 after each month; with the layers shown, the FIFO takes behind a merged row follow it.
// Pure and unit-tested (tests/renderer/slip-logic.test.ts).

import type { CardLayer, CardMonthEnd, Output, StockCardRow } from '../../../shared/contract';

type Page = Pick<Output<'stock.card'>, 'opening' | 'closing' | 'from' | 'rows' | 'monthEnds' | 'nextCursor' | 'prevCursor'>;

interface Figures {
  inQty: number;
  inAmountFen: number;
  outQty: number;
  outAmountFen: number;
}

interface Bal {
  balanceQty: number;
  balanceAmountFen: number;
  balanceUnitCostFen: number | null;
}

export type CardRow =
  | ({ type: 'move'; rowKey: string } & StockCardRow)
  | {
      type: 'layer';
      rowKey: string;
      slipId: number;
      /** on the side of its row, signed as its row is (a red issue's layers are red too) */
      side: 'in' | 'out';
      qty: number;
      unitCostFen: number;
      amountFen: number;
      layerId: number;
    }
  | ({ type: 'opening' | 'closing'; rowKey: string; date: string } & Bal)
  | ({ type: 'month' | 'year'; rowKey: string; month: string } & Figures & Bal);

const unitOf = (b: { qty: number; amountFen: number }) => (b.qty > 0 ? Math.floor((2 * b.amountFen + b.qty) / (2 * b.qty)) : null);

function layerRows(r: StockCardRow): CardRow[] {
  const side = r.inQty !== null ? 'in' : 'out';
  const shown = side === 'in' ? r.inQty! : r.outQty!;
  const sign = Math.sign(shown) * Math.sign(r.layers.reduce((n, l) => n + l.qty, 0));
  return r.layers.map((l: CardLayer) => ({
    type: 'layer',
    rowKey: `layer-${l.moveId}`,
    slipId: r.slipId,
    side,
    qty: sign * l.qty,
    unitCostFen: l.unitCostFen,
    amountFen: sign * l.amountFen,
    layerId: l.layerId,
  }));
}

function sumRows(m: CardMonthEnd): CardRow[] {
  const bal = { balanceQty: m.balanceQty, balanceAmountFen: m.balanceAmountFen, balanceUnitCostFen: m.balanceUnitCostFen };
  return [
    { type: 'month', rowKey: `month-${m.afterMoveId}`, month: m.month, ...m.monthTotals, ...bal },
    { type: 'year', rowKey: `year-${m.afterMoveId}`, month: m.month, ...m.yearTotals, ...bal },
  ];
}

/** A page's rows for the grid: each move row, its layers (when shown and more than one), its month's sums. */
export function pageRows(page: Pick<Page, 'rows' | 'monthEnds'>, showLayers: boolean): CardRow[] {
  const ends = new Map(page.monthEnds.map((m) => [m.afterMoveId, m]));
  const out: CardRow[] = [];
  for (const r of page.rows) {
    out.push({ type: 'move', rowKey: `move-${r.moveId}`, ...r });
    if (showLayers && r.layers.length > 1) out.push(...layerRows(r));
    const end = ends.get(r.lastMoveId);
    if (end) out.push(...sumRows(end));
  }
  return out;
}

/** A contiguous part of the card, from its start, its end, or both once every page between is in. */
export class CardWindow {
  private pages: Page[] = [];
  rows: CardRow[] = [];

  constructor(private showLayers: boolean) {}

  /** more pages after the last one read: the cursor to read them with, null at the end */
  get nextCursor(): number | null {
    return this.pages.length ? this.pages[this.pages.length - 1].nextCursor : null;
  }
  get prevCursor(): number | null {
    return this.pages.length ? this.pages[0].prevCursor : null;
  }
  get atStart(): boolean {
    return this.pages.length > 0 && this.pages[0].prevCursor === null;
  }
  get atEnd(): boolean {
    return this.pages.length > 0 && this.pages[this.pages.length - 1].nextCursor === null;
  }

  /** A page read forward (after the last) or backward (before the first); returns how many rows it put above the old first. */
  add(page: Page, direction: 'forward' | 'backward'): number {
    const had = this.rows.length;
    if (direction === 'forward') this.pages.push(page);
    else this.pages.unshift(page);
    this.build();
    return direction === 'backward' ? this.rows.length - had : 0;
  }

  /** Show or hide the FIFO layers behind merged rows: the same pages, rows again. */
  setShowLayers(show: boolean): void {
    this.showLayers = show;
    this.build();
  }

  private build(): void {
    const rows: CardRow[] = [];
    const first = this.pages[0];
    if (!first) return;
    if (this.atStart)
      rows.push({
        type: 'opening',
        rowKey: 'opening',
        date: first.from ?? '',
        balanceQty: first.opening.qty,
        balanceAmountFen: first.opening.amountFen,
        balanceUnitCostFen: unitOf(first.opening),
      });
    for (const p of this.pages) rows.push(...pageRows(p, this.showLayers));
    if (this.atEnd)
      rows.push({
        type: 'closing',
        rowKey: 'closing',
        date: '',
        balanceQty: first.closing.qty,
        balanceAmountFen: first.closing.amountFen,
        balanceUnitCostFen: unitOf(first.closing),
      });
    this.rows = rows;
  }
}
