// 库存明细账 (stock card) of one item: opening balance (期初结存), one row per slip line and unit
// cost with in / out / balance (数量, 单价, 金额), 本月合计 and 本年累计 after each month, closing
// balance (期末结存). Rows load as the grid scrolls, either way. Enter on a row opens its slip.
// The screen remembers the user's last item and period.
// Keys: F3 choose item · ↓ into the grid · Enter open slip · Ctrl+Home / Ctrl+End · F5 reload · Esc back.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { RowClassParams } from 'ag-grid-community';
import type { Item, ReturnsOnCard } from '../../../../shared/contract';
import { call, toDeskErr } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { Grid } from '../../components/grid';
import { focusFirstRow } from '../../components/gridKeys';
import { ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { today } from '../../i18n/clock';
import { PrintButtons } from '../../printing/PrintButtons';
import { useSession } from '../../session';
import type { CardRow } from '../../slip/card';
import { cardColumns } from './cardColumns';
import { readLastCard, saveLastCard } from './lastCard';
import { CardFilters, cardSub, CardTitle } from './StockCardParts';
import { useCardSource } from './useCardSource';

const rowClassRules = {
  'row-month': (x: RowClassParams<CardRow>) => x.data?.type === 'month',
  'row-year': (x: RowClassParams<CardRow>) => x.data?.type === 'year',
  'row-opening': (x: RowClassParams<CardRow>) => x.data?.type === 'opening' || x.data?.type === 'closing',
  'row-layer': (x: RowClassParams<CardRow>) => x.data?.type === 'layer',
  'row-reversal': (x: RowClassParams<CardRow>) => x.data?.type === 'move' && x.data.slipKind === 'reversal',
};

const openRow = (r: CardRow | undefined) => {
  if (r?.type === 'move' || r?.type === 'layer') navigate(`/slips/${r.slipId}`);
};

/** No header sorts: a ledger's order is its posting order. */
const COL_DEFAULTS = { sortable: false };

/** The period and item the user saw last; the item only if the core still has it. */
function useRemembered(itemId: number | null) {
  const { user } = useSession();
  const last = useMemo(() => readLastCard(user?.id), [user?.id]);
  const [from, setFrom] = useState(() => last?.from ?? `${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(() => last?.to ?? '');
  useEffect(() => {
    if (itemId !== null || !last?.itemId) return;
    void call('items.get', { itemId: last.itemId }).then((r) => {
      if (r.ok && r.value.active) navigate(`/card/${r.value.id}`, { replace: true });
    });
  }, [itemId, last]);
  useEffect(() => {
    if (itemId !== null) saveLastCard(user?.id, { itemId, from, to });
  }, [user?.id, itemId, from, to]);
  return { from, to, setFrom, setTo };
}

export function StockCardScreen({ itemId }: { itemId: number | null }) {
  const { t, lang, kind } = useI18n();
  const session = useSession();
  const { from, to, setFrom, setTo } = useRemembered(itemId);
  const [item, setItem] = useState<Item | null>(null);
  const [layers, setLayers] = useState(false);
  const grid = useRef<AgGridReact<CardRow>>(null);
  const pickRef = useRef<HTMLInputElement>(null);
  const card = useCardSource(itemId, from, to, layers, grid);
  const { setError } = card;

  useEffect(() => {
    if (itemId === null) {
      setTimeout(() => pickRef.current?.focus(), 0);
      return;
    }
    void call('items.get', { itemId }).then((r) => (r.ok ? setItem(r.value) : setError(r.error)));
  }, [itemId, setError]);

  useHotkeys({
    'Ctrl+End': card.jumpToEnd,
    'Ctrl+Home': card.jumpToStart,
    F3: () => pickRef.current?.focus(),
    F5: card.reload,
    Escape: () => navigate('/stock'),
  });

  const setReturns = async (returnsOnCard: ReturnsOnCard) => {
    const r = await call('office.setReturnsOnCard', { returnsOnCard });
    if (r.ok) card.reload();
    else setError(toDeskErr(r.error));
  };
  /** ↓ in the item box, when it shows the chosen item and no list is open: into the grid. */
  const onPickKey = (e: KeyboardEvent<HTMLElement>) => {
    const input = e.target as HTMLInputElement;
    if (e.key !== 'ArrowDown' || e.altKey || e.ctrlKey || e.shiftKey || !it || input.getAttribute('aria-expanded') === 'true') return;
    if (input.value !== `${it.code} ${it.name}`) return;
    if (focusFirstRow(grid.current?.api)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const withDefective = card.meta?.hasDefective ?? false;
  const cols = useMemo(() => cardColumns({ t, lang, kind }, withDefective), [t, lang, kind, withDefective]);
  const it = card.meta?.item ?? item;
  return (
    <div className="screen-col stock-card">
      <Toolbar title={<CardTitle item={it} />} sub={cardSub(t, card.meta, it)}>
        {itemId !== null ? <PrintButtons target={{ doc: 'stockCard', itemId, from: from || undefined, to: to || undefined }} /> : null}
        {itemId !== null ? <ExportButton query={() => ({ grid: 'stockCard', filters: { itemId, from: from || undefined, to: to || undefined } })} /> : null}
      </Toolbar>
      <CardFilters
        item={it}
        pickRef={pickRef}
        onPickKey={onPickKey}
        from={from}
        to={to}
        onFrom={setFrom}
        onTo={setTo}
        layers={layers}
        onLayers={setLayers}
        returns={card.meta ? { value: card.meta.returnsOnCard, set: session.can('office.setReturnsOnCard') ? (v) => void setReturns(v) : null } : null}
        jump={itemId !== null ? { busy: card.busy, toStart: card.jumpToStart, toEnd: card.jumpToEnd } : null}
      />
      <ErrorLine error={card.error} />
      <div className="grid-fill">
        {itemId === null ? (
          <div className="empty-hint">{t('card.chooseItem')}</div>
        ) : (
          <Grid<CardRow>
            ref={grid}
            rowData={card.rows}
            // a ledger: rows appear in place, they do not slide (a page read above would move everything)
            animateRows={false}
            columnDefs={cols}
            defaultColDef={COL_DEFAULTS}
            getRowId={(x) => x.data.rowKey}
            rowClassRules={rowClassRules}
            onBodyScroll={card.onScrolled}
            onRowDataUpdated={card.onRowsShown}
            onRowDoubleClicked={(e) => openRow(e.data)}
            onCellKeyDown={(e) => {
              const k = (e.event as KeyboardEvent | undefined)?.key;
              if (k === 'Enter') openRow(e.data);
            }}
          />
        )}
      </div>
      <KeyHints
        items={[
          ['F3', t('card.item')],
          ['Enter', t('card.openSlip')],
          ['Ctrl+Home', t('card.toStart')],
          ['Ctrl+End', t('card.toEnd')],
          ['F5', t('keys.refresh')],
          ['Esc', t('keys.back')],
        ]}
      />
    </div>
  );
}
