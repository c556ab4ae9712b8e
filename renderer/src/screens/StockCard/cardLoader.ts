// Loads a stock card into a CardWindow a page at a time, one request at a time: from the start
// (forward) or from the end (backward, Ctrl+End: one request however long the card is), and then
// further down or up as the grid scrolls. 100,000 moves are never all fetched unless someone
// scrolls through them.

import type { Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { CardWindow } from '../../slip/card';

export type CardMeta = Pick<Output<'stock.card'>, 'item' | 'opening' | 'closing' | 'from' | 'to' | 'returnsOnCard' | 'hasDefective'>;

export interface CardQuery {
  itemId: number;
  from?: string;
  to?: string;
}

export class CardLoader {
  readonly window: CardWindow;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly q: CardQuery,
    showLayers: boolean,
    private readonly onMeta: (m: CardMeta) => void,
    /** the first page only needs a screenful; pages read while scrolling are bigger */
    private readonly pageSizes = { first: 100, more: 500 },
  ) {
    this.window = new CardWindow(showLayers);
  }

  /** The first page: the card's start (forward) or its end (backward). */
  start(direction: 'forward' | 'backward'): Promise<number> {
    return this.read(direction, () => undefined);
  }

  /** The page after the window (nothing at the end); resolves with 0. */
  later(): Promise<number> {
    return this.read('forward', () => (this.window.atEnd ? null : (this.window.nextCursor ?? undefined)));
  }

  /** The page before the window (nothing at the start); resolves with how many rows it put above. */
  earlier(): Promise<number> {
    return this.read('backward', () => (this.window.atStart ? null : (this.window.prevCursor ?? undefined)));
  }

  /** One request after the ones before it; `cursorOf` (asked when its turn comes) says null for nothing to read. */
  private read(direction: 'forward' | 'backward', cursorOf: () => number | undefined | null): Promise<number> {
    const next = this.chain.then(async () => {
      const cursor = cursorOf();
      if (cursor === null) return 0;
      const limit = cursor === undefined ? this.pageSizes.first : this.pageSizes.more;
      const r = await call('stock.card', { ...this.q, cursor, direction, limit });
      if (!r.ok) throw r.error as DeskErr;
      if (cursor === undefined) this.onMeta(r.value);
      return this.window.add(r.value, direction);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
