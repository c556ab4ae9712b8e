// Loads a stock card page by page (cursor paging) into a CardBuilder, one request at a time, as
// far as the grid has scrolled. 100,000 moves are never all fetched unless someone scrolls there.

import type { Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { CardBuilder, type CardRow } from '../../slip/card';

export type CardMeta = Pick<Output<'stock.card'>, 'item' | 'opening' | 'closing' | 'from' | 'to'>;

export class CardLoader {
  private builder: CardBuilder | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly q: { itemId: number; from?: string; to?: string },
    private readonly onMeta: (m: CardMeta) => void,
    private readonly pageSize = 500,
  ) {}

  get done(): boolean {
    return !!this.builder?.done;
  }
  get loaded(): number {
    return this.builder?.rows.length ?? 0;
  }

  /** Rows [start, end) once loaded, and the total when the last page is in. */
  async rows(start: number, end: number): Promise<{ rows: CardRow[]; lastRow: number | undefined }> {
    this.chain = this.chain.then(() => this.fill(end));
    await this.chain;
    const b = this.builder!;
    return { rows: b.rows.slice(start, end), lastRow: b.done ? b.rows.length : undefined };
  }

  /** Load every remaining page (for "to the end"); returns the number of rows. */
  async all(): Promise<number> {
    this.chain = this.chain.then(() => this.fill(Number.MAX_SAFE_INTEGER));
    await this.chain;
    return this.builder!.rows.length;
  }

  private async fill(n: number): Promise<void> {
    while (!this.builder || (this.builder.rows.length < n && !this.builder.done)) {
      const r = await call('stock.card', {
        itemId: this.q.itemId,
        from: this.q.from,
        to: this.q.to,
        cursor: this.builder?.cursor ?? undefined,
        limit: this.pageSize,
      });
      if (!r.ok) throw r.error as DeskErr;
      if (!this.builder) {
        this.builder = new CardBuilder(r.value.opening, r.value.from);
        this.onMeta(r.value);
      }
      this.builder.addPage(r.value);
    }
  }
}
