// 库存明细账 (stock card) of one item: opening balance (期初结存), every move with in / out /
// balance (quantity, unit cost, amount), month subtotals (本月合计), closing balance (期末结存).
// Pages load as the grid scrolls (infinite row model over cursor paging). Enter on a row opens its slip.
// Keys: F3 choose item · Enter open slip · F5 reload · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef, IDatasource, RowClassParams, ValueGetterParams } from 'ag-grid-community';
import type { Item } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { call, toDeskErr, type DeskErr } from '../../api';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { ItemPicker } from '../../components/pickers';
import { Btn, ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import type { CardRow } from '../../slip/card';
import { CardLoader, type CardMeta } from './cardLoader';
import { PrintButtons } from '../../printing/PrintButtons';

function yearStart(): string {
  return `${new Date().getFullYear()}-01-01`;
}

type V = ValueGetterParams<CardRow>;
const num = (key: 'inQty' | 'inAmountFen' | 'outQty' | 'outAmountFen' | 'inUnitCostFen' | 'outUnitCostFen') => (x: V) => {
  const d = x.data;
  if (!d) return null;
  if (d.type === 'move') return d[key];
  if (d.type === 'month' && key !== 'inUnitCostFen' && key !== 'outUnitCostFen') return d[key];
  return null;
};

export function StockCardScreen({ itemId }: { itemId: number | null }) {
  const { t, lang, kind } = useI18n();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState('');
  const [meta, setMeta] = useState<CardMeta | null>(null);
  const [item, setItem] = useState<Item | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [reload, setReload] = useState(0);
  const grid = useRef<AgGridReact<CardRow>>(null);
  const pickRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (itemId === null) {
      setTimeout(() => pickRef.current?.focus(), 0);
      return;
    }
    void call('items.get', { itemId }).then((r) => (r.ok ? setItem(r.value) : setError(r.error)));
  }, [itemId]);

  const loaderRef = useRef<CardLoader | null>(null);
  const [toEnd, setToEnd] = useState(false);
  const datasource = useMemo<IDatasource | undefined>(() => {
    if (itemId === null) return undefined;
    const loader = new CardLoader({ itemId, from: from || undefined, to: to || undefined }, setMeta);
    loaderRef.current = loader;
    return {
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
  }, [itemId, from, to, reload]);

  useEffect(() => setMeta(null), [itemId, from, to, reload]);

  /** Ctrl+End: load the pages still missing and go to the closing balance. */
  const jumpToEnd = async () => {
    const loader = loaderRef.current;
    const api = grid.current?.api;
    if (!loader || !api || toEnd) return;
    setToEnd(true);
    try {
      const n = await loader.all();
      api.setRowCount(n, true);
      api.ensureIndexVisible(n - 1, 'bottom');
      setTimeout(() => api.setFocusedCell(n - 1, 'summary'), 50);
    } catch (e) {
      setError(toDeskErr(e));
    } finally {
      setToEnd(false);
    }
  };

  useHotkeys({
    'Ctrl+End': () => void jumpToEnd(),
    F3: () => pickRef.current?.focus(),
    F5: () => setReload((n) => n + 1),
    Escape: () => navigate('/stock'),
  });

  const cols = useMemo<(ColDef<CardRow> | ColGroupDef<CardRow>)[]>(() => {
    const summary = (x: V): string => {
      const d = x.data;
      if (!d) return '';
      if (d.type === 'month') return t('card.monthTotal', { month: d.month });
      if (d.type !== 'move') return d.type === 'opening' ? t('card.opening') : t('card.closing');
      if (lang === 'zh') return d.summary;
      return [kind(d.slipKind), d.counterparty, d.refNo ? `(${d.refNo})` : ''].filter(Boolean).join(' ');
    };
    return [
      { colId: 'date', headerName: t('card.date'), width: 100, valueGetter: (x) => (x.data?.type === 'move' ? x.data.date : x.data?.type === 'opening' ? x.data.date : '') },
      {
        colId: 'slipNo',
        headerName: t('slip.no'),
        width: 146,
        cellClass: 'mono link-cell',
        valueGetter: (x) => (x.data?.type === 'move' ? x.data.slipNo : ''),
      },
      { colId: 'summary', headerName: t('card.summary'), flex: 1, minWidth: 150, valueGetter: summary, tooltipValueGetter: (x) => summary(x as unknown as V) },
      {
        headerName: t('card.in'),
        marryChildren: true,
        headerClass: 'group-in',
        children: [
          qtyCol<CardRow>({ colId: 'inQty', headerName: t('card.qty'), width: 66, valueGetter: num('inQty') }),
          moneyCol<CardRow>({ colId: 'inUnit', headerName: t('card.unitCost'), width: 84, valueGetter: num('inUnitCostFen') }),
          moneyCol<CardRow>({ colId: 'inAmount', headerName: t('card.amount'), width: 104, valueGetter: num('inAmountFen') }),
        ],
      },
      {
        headerName: t('card.out'),
        marryChildren: true,
        headerClass: 'group-out',
        children: [
          qtyCol<CardRow>({ colId: 'outQty', headerName: t('card.qty'), width: 66, valueGetter: num('outQty') }),
          moneyCol<CardRow>({ colId: 'outUnit', headerName: t('card.unitCost'), width: 84, valueGetter: num('outUnitCostFen') }),
          moneyCol<CardRow>({ colId: 'outAmount', headerName: t('card.amount'), width: 104, valueGetter: num('outAmountFen') }),
        ],
      },
      {
        headerName: t('card.balance'),
        marryChildren: true,
        headerClass: 'group-bal',
        children: [
          qtyCol<CardRow>({ colId: 'balQty', headerName: t('card.qty'), width: 72, valueGetter: (x) => x.data?.balanceQty ?? null }),
          moneyCol<CardRow>({ colId: 'balAmount', headerName: t('card.amount'), width: 112, valueGetter: (x) => x.data?.balanceAmountFen ?? null }),
        ],
      },
    ];
  }, [t, lang, kind]);

  const openRow = (r: CardRow | undefined) => {
    if (r?.type === 'move') navigate(`/slips/${r.slipId}`);
  };

  const it = meta?.item ?? item;
  return (
    <div className="screen-col">
      <Toolbar
        title={
          <>
            {t('nav.card')}
            {it ? (
              <span className="card-item">
                {it.code} {it.name} <span className="muted">{it.spec} · {it.unit}</span>
              </span>
            ) : null}
          </>
        }
        sub={
          meta
            ? t('card.sub', {
                opening: meta.opening.qty.toLocaleString('en-US'),
                closing: meta.closing.qty.toLocaleString('en-US'),
                value: formatFen(meta.closing.amountFen),
                safety: it?.safetyStock ?? 0,
              })
            : undefined
        }
      >
        {itemId !== null ? <PrintButtons target={{ doc: 'stockCard', itemId, from: from || undefined, to: to || undefined }} /> : null}
      </Toolbar>
      <div className="filter-bar">
        <span className="inline-field item-filter">
          <span>{t('card.item')}</span>
          <ItemPicker inputRef={pickRef} value={it} onPick={(i) => navigate(`/card/${i.id}`)} />
        </span>
        <label className="inline-field">
          <span>{t('slips.from')}</span>
          <input className="input date" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline-field">
          <span>{t('slips.to')}</span>
          <input className="input date" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        {itemId !== null ? (
          <Btn hotkey="Ctrl+End" onClick={() => void jumpToEnd()} disabled={toEnd}>
            {toEnd ? t('common.loading') : t('card.toEnd')}
          </Btn>
        ) : null}
      </div>
      <ErrorLine error={error} />
      <div className="grid-fill">
        {itemId === null ? (
          <div className="empty-hint">{t('card.chooseItem')}</div>
        ) : (
          <Grid<CardRow>
            key={`${itemId}-${from}-${to}-${reload}`}
            ref={grid}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={200}
            maxBlocksInCache={100}
            infiniteInitialRowCount={1}
            columnDefs={cols}
            getRowId={(x) => x.data.rowKey}
            rowClassRules={{
              'row-month': (x: RowClassParams<CardRow>) => x.data?.type === 'month',
              'row-opening': (x: RowClassParams<CardRow>) => x.data?.type === 'opening' || x.data?.type === 'closing',
              'row-reversal': (x: RowClassParams<CardRow>) => x.data?.type === 'move' && x.data.slipKind === 'reversal',
            }}
            onRowDoubleClicked={(e) => openRow(e.data)}
            onCellKeyDown={(e) => {
              const k = (e.event as KeyboardEvent | undefined)?.key;
              if (k === 'Enter') openRow(e.data);
            }}
          />
        )}
      </div>
      <KeyHints items={[['F3', t('card.item')], ['Enter', t('card.openSlip')], ['Ctrl+End', t('card.toEnd')], ['F5', t('keys.refresh')], ['Esc', t('keys.back')]]} />
    </div>
  );
}
