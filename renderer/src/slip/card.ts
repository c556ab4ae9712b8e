// The stock card (库存明细账) as displayed: an opening row (期初结存), the moves page by page as
// they arrive, a month subtotal row (本月合计) whenever the month changes, and a closing row
// (期末结存) once the last page is in. Pure and unit-tested (tests/renderer/slip-logic.test.ts).

import type { StockCardRow } from '../../../shared/contract';

interface Bal {
  qty: number;
  amountFen: number;
}

export type CardRow =
  | ({ type: 'move'; rowKey: string } & StockCardRow)
  | { type: 'opening' | 'closing'; rowKey: string; date: string; balanceQty: number; balanceAmountFen: number }
  | {
      type: 'month';
      rowKey: string;
      month: string;
      inQty: number;
      inAmountFen: number;
      outQty: number;
      outAmountFen: number;
      balanceQty: number;
      balanceAmountFen: number;
    };

export class CardBuilder {
  readonly rows: CardRow[] = [];
  done = false;
  cursor: number | null = null;
  private month: Extract<CardRow, { type: 'month' }> | null = null;

  constructor(opening: Bal, from: string | null) {
    this.rows.push({ type: 'opening', rowKey: 'opening', date: from ?? '', balanceQty: opening.qty, balanceAmountFen: opening.amountFen });
  }

  /** Append one page from stock.card. */
  addPage(page: { rows: StockCardRow[]; nextCursor: number | null; closing: Bal }): void {
    if (this.done) return;
    for (const r of page.rows) {
      const m = r.date.slice(0, 7);
      if (this.month && this.month.month !== m) this.closeMonth();
      if (!this.month)
        this.month = {
          type: 'month',
          rowKey: `month-${m}`,
          month: m,
          inQty: 0,
          inAmountFen: 0,
          outQty: 0,
          outAmountFen: 0,
          balanceQty: 0,
          balanceAmountFen: 0,
        };
      this.month.inQty += r.inQty ?? 0;
      this.month.inAmountFen += r.inAmountFen ?? 0;
      this.month.outQty += r.outQty ?? 0;
      this.month.outAmountFen += r.outAmountFen ?? 0;
      this.month.balanceQty = r.balanceQty;
      this.month.balanceAmountFen = r.balanceAmountFen;
      this.rows.push({ type: 'move', rowKey: `move-${r.moveId}`, ...r });
    }
    this.cursor = page.nextCursor;
    if (page.nextCursor === null) {
      this.closeMonth();
      this.rows.push({ type: 'closing', rowKey: 'closing', date: '', balanceQty: page.closing.qty, balanceAmountFen: page.closing.amountFen });
      this.done = true;
    }
  }

  private closeMonth(): void {
    if (this.month) this.rows.push(this.month);
    this.month = null;
  }
}
