// Where the stock card grid reads its rows: one CardLoader per item, period and start (the card's
// start, or its end after Ctrl+End), grown page by page as the grid scrolls near either edge of
// what is loaded. Ctrl+End reads the last page with the backward cursor (one request, however long
// the card); Ctrl+Home the first. F5 (reload) starts again from the start.

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { toDeskErr, type DeskErr } from '../../api';
import { screenMayTakeFocus } from '../../components/gridKeys';
import type { CardRow } from '../../slip/card';
import { CardLoader, type CardMeta } from './cardLoader';

/** Rows from an edge of what is loaded at which the next page is read. */
const NEAR = 40;

type Target = { index: number | 'last'; position: 'top' | 'bottom'; focus: boolean };

export function useCardSource(itemId: number | null, from: string, to: string, showLayers: boolean, grid: RefObject<AgGridReact<CardRow> | null>) {
  const [meta, setMeta] = useState<CardMeta | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [rows, setRows] = useState<CardRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const loader = useRef<CardLoader | null>(null);
  const reading = useRef(false);
  const target = useRef<Target | null>(null);
  const layers = useRef(showLayers);

  /** Where the grid goes once it has the rows: an index (or the last), scrolled to, focused. */
  const goTo = useCallback(
    (t: Target) => {
      const api = grid.current?.api;
      if (!api || api.isDestroyed()) return;
      const n = api.getDisplayedRowCount();
      const index = t.index === 'last' ? n - 1 : Math.min(t.index, n - 1);
      if (index < 0) return;
      api.ensureIndexVisible(index, t.position);
      // focus once the scrolled-to row is drawn (a cell focused before it exists never gets the
      // browser's focus), and never away from a dialog opened meanwhile
      if (t.focus) setTimeout(() => api.isDestroyed() || !screenMayTakeFocus() || api.setFocusedCell(index, 'summary'), 50);
    },
    [grid],
  );

  const open = useCallback(
    async (direction: 'forward' | 'backward', then: Target | null) => {
      if (itemId === null) return;
      const l = new CardLoader({ itemId, from: from || undefined, to: to || undefined }, layers.current, setMeta);
      loader.current = l;
      setBusy(true);
      try {
        await l.start(direction);
        if (loader.current !== l) return;
        setError(null);
        target.current = then;
        setRows(l.window.rows);
      } catch (e) {
        setError(toDeskErr(e));
      } finally {
        setBusy(false);
      }
    },
    [itemId, from, to],
  );

  useEffect(() => {
    setMeta(null);
    setRows(null);
    void open('forward', null);
  }, [open, reload]);

  useEffect(() => {
    if (layers.current === showLayers) return;
    layers.current = showLayers;
    const l = loader.current;
    if (!l) return;
    l.window.setShowLayers(showLayers);
    setRows(l.window.rows);
  }, [showLayers]);

  /** The grid scrolled: read the next page when it comes near the end or the start of what is loaded. */
  const onScrolled = () => {
    const api = grid.current?.api;
    const l = loader.current;
    if (!api || !l || reading.current) return;
    const last = api.getLastDisplayedRowIndex();
    const first = api.getFirstDisplayedRowIndex();
    const down = !l.window.atEnd && last >= l.window.rows.length - NEAR;
    const up = !down && !l.window.atStart && first <= NEAR;
    if (!down && !up) return;
    reading.current = true;
    (down ? l.later() : l.earlier())
      .then((above) => {
        if (loader.current !== l) return;
        // rows put above: keep the rows on screen where they were
        target.current = above ? { index: first + above, position: 'top', focus: false } : null;
        setRows(l.window.rows);
      })
      .catch((e) => setError(toDeskErr(e)))
      .finally(() => (reading.current = false));
  };

  /** After the grid took new rows: go where a jump or a page read above asked, then see whether
   *  the view is still near an edge with more to read (no scroll event would say so). */
  const onRowsShown = () => {
    const t = target.current;
    target.current = null;
    if (t) goTo(t);
    setTimeout(onScrolled, 0);
  };

  /** Ctrl+End: the closing balance, by the backward cursor unless the end is already loaded. */
  const jumpToEnd = () => {
    const l = loader.current;
    const t: Target = { index: 'last', position: 'bottom', focus: true };
    if (l?.window.atEnd) goTo(t);
    else void open('backward', t);
  };

  /** Ctrl+Home: the opening balance. */
  const jumpToStart = () => {
    const l = loader.current;
    const t: Target = { index: 0, position: 'top', focus: true };
    if (l?.window.atStart) goTo(t);
    else void open('forward', t);
  };

  return { rows, meta, error, setError, busy, jumpToEnd, jumpToStart, onScrolled, onRowsShown, reload: () => setReload((n) => n + 1) };
}
