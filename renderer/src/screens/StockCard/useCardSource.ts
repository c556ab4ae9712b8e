// Where the stock card grid reads its rows: one CardLoader per item and period, behind ag-grid's
// infinite row model, and "to the end" (Ctrl+End). F5 (reload) makes a new loader too — the old
// one keeps the pages it has read — and a new grid: the key names the loader the grid reads from.

import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { IDatasource } from 'ag-grid-community';
import { toDeskErr, type DeskErr } from '../../api';
import { screenMayTakeFocus } from '../../components/gridKeys';
import type { CardRow } from '../../slip/card';
import { CardLoader, type CardMeta } from './cardLoader';

export function useCardSource(itemId: number | null, from: string, to: string, grid: RefObject<AgGridReact<CardRow> | null>) {
  const [meta, setMeta] = useState<CardMeta | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [reload, setReload] = useState(0);
  const [toEnd, setToEnd] = useState(false);

  const source = useMemo(() => {
    if (itemId === null) return null;
    const loader = new CardLoader({ itemId, from: from || undefined, to: to || undefined }, setMeta);
    const datasource: IDatasource = {
      getRows: (p) => {
        loader
          .rows(p.startRow, p.endRow)
          .then(({ rows, lastRow }) => {
            setError(null);
            p.successCallback(rows, lastRow);
          })
          .catch((e) => {
            setError(toDeskErr(e));
            p.failCallback();
          });
      },
    };
    return { key: `${itemId}-${from}-${to}-${reload}`, loader, datasource };
  }, [itemId, from, to, reload]);

  useEffect(() => setMeta(null), [source]);

  /** Ctrl+End: load the pages still missing and go to the closing balance. */
  const jumpToEnd = async () => {
    const api = grid.current?.api;
    if (!source || !api || toEnd) return;
    setToEnd(true);
    try {
      const n = await source.loader.all();
      api.setRowCount(n, true);
      api.ensureIndexVisible(n - 1, 'bottom');
      setTimeout(() => screenMayTakeFocus() && api.setFocusedCell(n - 1, 'summary'), 50);
    } catch (e) {
      setError(toDeskErr(e));
    } finally {
      setToEnd(false);
    }
  };

  return { source, meta, error, setError, toEnd, jumpToEnd, reload: () => setReload((n) => n + 1) };
}
