// 商品: search by code, name, barcode or pinyin initials; rows below safety stock stand out.
// Keys: F3 search · ↓ into the list · Enter edit · F2 new · a scan finds the item (or offers to create it).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef, RowClassParams } from 'ag-grid-community';
import type { Item, OnHandRow } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, formatDateTime, moneyCol, qtyCol } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useScan } from '../../scan';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { ItemDialog } from './ItemDialog';

interface Row extends Item {
  onHand: number | null;
  below: boolean;
  lastMoveAt: string | null;
}

export function ItemsScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<DeskErr | null>(null);
  const [editing, setEditing] = useState<{ item: Item | null; barcode?: string } | null>(null);
  const grid = useRef<AgGridReact<Row>>(null);
  const search = useRef<HTMLInputElement>(null);
  const canCreate = session.can('items.create');
  const canStock = session.can('stock.onHand');

  const load = useCallback(
    async (q: string) => {
      const r = await call('items.list', { query: q, limit: 1000 });
      if (!r.ok) return setError(r.error);
      setError(null);
      let stock = new Map<number, OnHandRow>();
      if (canStock && r.value.rows.length) {
        const s = await call('stock.onHand', { itemIds: r.value.rows.map((i) => i.id) });
        if (s.ok) stock = new Map(s.value.rows.map((x) => [x.itemId, x]));
      }
      setTotal(r.value.total);
      setRows(
        r.value.rows.map((i) => {
          const s = stock.get(i.id);
          return { ...i, onHand: s?.qty ?? null, below: s?.belowSafety ?? false, lastMoveAt: s?.lastMoveAt ?? null };
        }),
      );
    },
    [canStock],
  );

  useEffect(() => {
    const h = setTimeout(() => void load(query.trim()), 150);
    return () => clearTimeout(h);
  }, [query, load]);

  useScan(async (e) => {
    const f = await call('items.findByBarcode', { code: e.code });
    if (f.ok) {
      beep('ok');
      setQuery(e.code);
    } else if (canCreate) {
      beep('error');
      setEditing({ item: null, barcode: e.code });
    } else {
      beep('error');
      setError(f.error);
    }
  });

  const editFocused = () => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    const node = cell ? api?.getDisplayedRowAtIndex(cell.rowIndex) : null;
    if (node?.data && session.can('items.update')) setEditing({ item: node.data });
  };

  const openCard = () => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    const node = cell ? api?.getDisplayedRowAtIndex(cell.rowIndex) : null;
    if (node?.data && session.can('stock.card')) navigate(`/card/${node.data.id}`);
  };

  useHotkeys({
    F5: openCard,
    F2: () => canCreate && setEditing({ item: null }),
    F3: () => search.current?.focus(),
    'Ctrl+F': () => search.current?.focus(),
    F4: editFocused,
  });

  const cols = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'code', headerName: t('item.code'), width: 120, pinned: 'left' },
      { field: 'name', headerName: t('item.name'), flex: 2, minWidth: 170 },
      { field: 'spec', headerName: t('item.spec'), width: 120, tooltipField: 'spec' },
      { field: 'unit', headerName: t('item.unit'), width: 60 },
      moneyCol<Row>({ field: 'priceFen', headerName: t('item.price'), width: 110 }),
      qtyCol<Row>({ field: 'safetyStock', headerName: t('item.safetyStock'), width: 100 }),
      ...(canStock
        ? [
            qtyCol<Row>({
              field: 'onHand',
              headerName: t('stock.onHand'),
              width: 140,
              cellRenderer: (p: { data?: Row; valueFormatted?: string | null }) =>
                p.data?.below ? (
                  <span className="below-safety">
                    {p.valueFormatted} <span className="tag-warn">{t('stock.belowTag')}</span>
                  </span>
                ) : (
                  p.valueFormatted
                ),
            }),
          ]
        : []),
      {
        colId: 'barcodes',
        headerName: t('item.barcodes'),
        flex: 2,
        minWidth: 180,
        valueGetter: (p) =>
          (p.data?.barcodes ?? []).map((b) => (b.packQty > 1 ? `${b.code} (${t('item.caseOf', { n: b.packQty })})` : b.code)).join('  '),
        cellClass: 'mono',
      },
      ...(canStock ? [{ field: 'lastMoveAt' as const, headerName: t('stock.lastMove'), width: 130, valueFormatter: (p: { value: string | null }) => formatDateTime(p.value) }] : []),
    ],
    [t, canStock],
  );

  return (
    <div className="screen-col">
      <Toolbar title={t('nav.items')} sub={t('items.count', { n: total })}>
        <input
          ref={search}
          className="input search"
          placeholder={t('items.searchPlaceholder')}
          value={query}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && rows.length) {
              e.preventDefault();
              grid.current?.api.setFocusedCell(0, 'code');
            }
          }}
        />
        {canCreate ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setEditing({ item: null })}>
            {t('items.new')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<Row>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(p) => String(p.data.id)}
          rowClassRules={{ 'row-below': (p: RowClassParams<Row>) => !!p.data?.below }}
          onRowDoubleClicked={(e) => e.data && session.can('items.update') && setEditing({ item: e.data })}
          onCellKeyDown={(e) => {
            const k = (e.event as KeyboardEvent | undefined)?.key;
            if (k === 'Enter' && e.data) {
              if (session.can('items.update')) setEditing({ item: e.data });
            } else if (k === 'ArrowUp' && e.rowIndex === 0) search.current?.focus();
          }}
        />
      </div>
      <KeyHints
        items={[
          ['F3', t('keys.search')],
          ['↓', t('keys.toList')],
          ...(session.can('items.update') ? ([['Enter', t('keys.edit')]] as [string, string][]) : []),
          ...(canCreate ? ([['F2', t('items.new')]] as [string, string][]) : []),
          ...(session.can('stock.card') ? ([['F5', t('nav.card')]] as [string, string][]) : []),
          [t('keys.scan'), t('items.scanHint')],
        ]}
      />
      {editing ? (
        <ItemDialog
          item={editing.item}
          initialBarcode={editing.barcode}
          onCancel={() => setEditing(null)}
          onSaved={(i) => {
            setEditing(null);
            setQuery(i.code);
            void load(i.code);
          }}
        />
      ) : null}
    </div>
  );
}
