// 库存总览: on hand, value, safety stock, shortfall, last move per item; rows below the safety
// stock stand out (每天核对库存, 根据安全库存提出订货计划). Enter opens the item's stock card.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef, RowClassParams } from 'ag-grid-community';
import type { OnHandRow } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { downIntoGrid } from '../../components/gridKeys';
import { formatDateTime } from '../../i18n/clock';
import { ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { ExportButton } from '../../components/ExportButton';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { formatFen } from '../../../../shared/money';
import { StockTabs } from '../DailyCheck/StockTabs';

export function StockOverview() {
  const { t } = useI18n();
  const session = useSession();
  const [query, setQuery] = useState('');
  const [belowOnly, setBelowOnly] = useState(false);
  const [data, setData] = useState<{ rows: OnHandRow[]; totalQty: number; totalAmountFen: number | null } | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const grid = useRef<AgGridReact<OnHandRow>>(null);
  const search = useRef<HTMLInputElement>(null);
  const canCard = session.can('stock.card');
  const seesCosts = session.scope.seesCosts;

  const load = useCallback(async () => {
    const r = await call('stock.onHand', { query: query.trim(), belowSafetyOnly: belowOnly });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [query, belowOnly]);
  useEffect(() => {
    const h = setTimeout(() => void load(), 150);
    return () => clearTimeout(h);
  }, [load]);

  useHotkeys({
    F3: () => search.current?.focus(),
    F5: () => void load(),
    F6: () => setBelowOnly((b) => !b),
  });

  const cols = useMemo<ColDef<OnHandRow>[]>(
    () => [
      { field: 'code', headerName: t('item.code'), width: 120 },
      { field: 'name', headerName: t('item.name'), flex: 2, minWidth: 170, tooltipField: 'name' },
      { field: 'spec', headerName: t('item.spec'), width: 120 },
      { field: 'unit', headerName: t('item.unit'), width: 64 },
      { field: 'location', headerName: t('item.location'), width: 90, cellClass: 'mono' },
      qtyCol<OnHandRow>({ field: 'qty', headerName: t('stock.onHand'), width: 100 }),
      // of it, the defective goods kept apart (次品: not offered for dispatch)
      qtyCol<OnHandRow>({
        field: 'defectiveQty',
        headerName: t('adj.defectiveQty'),
        width: 84,
        valueFormatter: (x) => (x.value ? Number(x.value).toLocaleString('en-US') : ''),
        cellClass: 'neg-amount',
      }),
      ...(seesCosts ? [moneyCol<OnHandRow>({ field: 'amountFen', headerName: t('stock.value'), width: 140 })] : []),
      qtyCol<OnHandRow>({
        colId: 'safetyStock',
        headerName: t('item.safetyStock'),
        width: 100,
        valueGetter: (x) => (x.node?.rowPinned ? null : (x.data?.safetyStock ?? null)),
      }),
      qtyCol<OnHandRow>({
        colId: 'short',
        headerName: t('stock.shortfall'),
        width: 100,
        valueGetter: (x) => (x.data && x.data.belowSafety ? x.data.safetyStock - x.data.qty : null),
        cellClass: 'neg-amount',
      }),
      {
        colId: 'flag',
        headerName: t('stock.status'),
        width: 120,
        valueGetter: (x) => (x.node?.rowPinned ? '' : x.data?.belowSafety ? t('stock.belowTag') : t('stock.okTag')),
        cellClassRules: { 'bad-text': (x) => !!x.data?.belowSafety, 'ok-text': (x) => !x.data?.belowSafety },
      },
      { field: 'lastMoveAt', headerName: t('stock.lastMove'), width: 150, valueFormatter: (x) => formatDateTime(x.value) },
    ],
    [t, seesCosts],
  );

  const below = data?.rows.filter((r) => r.belowSafety).length ?? 0;
  return (
    <div className="screen-col">
      <Toolbar
        title={t('nav.stock')}
        sub={
          data
            ? data.totalAmountFen == null
              ? t('stock.summaryQty', { n: data.rows.length, qty: data.totalQty.toLocaleString('en-US'), below })
              : t('stock.summary', { n: data.rows.length, qty: data.totalQty.toLocaleString('en-US'), value: formatFen(data.totalAmountFen), below })
            : undefined
        }
      >
        <StockTabs on="stock" />
        <input
          ref={search}
          className="input search"
          autoFocus
          placeholder={t('items.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={downIntoGrid(grid)}
        />
        <label className="check">
          <input type="checkbox" checked={belowOnly} onChange={(e) => setBelowOnly(e.target.checked)} />
          {t('stock.belowOnly')} <kbd className="kbd">F6</kbd>
        </label>
        <ExportButton
          title={t('nav.stock')}
          grid={grid}
          filters={[
            { label: t('exp.search'), value: query.trim() },
            { label: t('stock.belowOnly'), value: belowOnly ? '✓' : '' },
          ]}
        />
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<OnHandRow>
          ref={grid}
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.itemId)}
          rowClassRules={{ 'row-below': (x: RowClassParams<OnHandRow>) => !!x.data?.belowSafety }}
          pinnedBottomRowData={
            data
              ? [
                  {
                    itemId: 0,
                    code: t('stock.total'),
                    name: '',
                    spec: '',
                    unit: '',
                    location: '',
                    qty: data.totalQty,
                    amountFen: data.totalAmountFen,
                    safetyStock: 0,
                    belowSafety: false,
                    lastMoveAt: null,
                  } as OnHandRow,
                ]
              : []
          }
          onRowDoubleClicked={(e) => e.data?.itemId && canCard && navigate(`/card/${e.data.itemId}`)}
          onCellKeyDown={(e) => {
            const k = (e.event as KeyboardEvent | undefined)?.key;
            if (k === 'Enter' && e.data?.itemId && canCard) navigate(`/card/${e.data.itemId}`);
            else if (k === 'ArrowUp' && e.rowIndex === 0) search.current?.focus();
          }}
        />
      </div>
      <KeyHints
        items={[
          ['F3', t('keys.search')],
          ['F6', t('stock.belowOnly')],
          ...(canCard ? ([['Enter', t('nav.card')]] as [string, string][]) : []),
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}
