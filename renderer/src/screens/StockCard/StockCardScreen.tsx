// 库存明细账 (stock card) of one item: opening balance (期初结存), every move with in / out /
// balance (quantity, unit cost, amount), month subtotals (本月合计), closing balance (期末结存).
// Pages load as the grid scrolls (infinite row model over cursor paging). Enter on a row opens its slip.
// Keys: F3 choose item · Enter open slip · Ctrl+End to the end · F5 reload · Esc back.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { RowClassParams } from 'ag-grid-community';
import type { Item } from '../../../../shared/contract';
import { call } from '../../api';
import { Grid } from '../../components/grid';
import { ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { today } from '../../i18n/clock';
import { PrintButtons } from '../../printing/PrintButtons';
import type { CardRow } from '../../slip/card';
import { cardColumns } from './cardColumns';
import { CardFilters, cardSub, CardTitle } from './StockCardParts';
import { useCardSource } from './useCardSource';

function yearStart(): string {
  return `${today().slice(0, 4)}-01-01`;
}

const rowClassRules = {
  'row-month': (x: RowClassParams<CardRow>) => x.data?.type === 'month',
  'row-opening': (x: RowClassParams<CardRow>) => x.data?.type === 'opening' || x.data?.type === 'closing',
  'row-reversal': (x: RowClassParams<CardRow>) => x.data?.type === 'move' && x.data.slipKind === 'reversal',
};

const openRow = (r: CardRow | undefined) => {
  if (r?.type === 'move') navigate(`/slips/${r.slipId}`);
};

export function StockCardScreen({ itemId }: { itemId: number | null }) {
  const { t, lang, kind } = useI18n();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState('');
  const [item, setItem] = useState<Item | null>(null);
  const grid = useRef<AgGridReact<CardRow>>(null);
  const pickRef = useRef<HTMLInputElement>(null);
  const card = useCardSource(itemId, from, to, grid);
  const { setError } = card;

  useEffect(() => {
    if (itemId === null) {
      setTimeout(() => pickRef.current?.focus(), 0);
      return;
    }
    void call('items.get', { itemId }).then((r) => (r.ok ? setItem(r.value) : setError(r.error)));
  }, [itemId, setError]);

  useHotkeys({
    'Ctrl+End': () => void card.jumpToEnd(),
    F3: () => pickRef.current?.focus(),
    F5: card.reload,
    Escape: () => navigate('/stock'),
  });

  const cols = useMemo(() => cardColumns({ t, lang, kind }), [t, lang, kind]);
  const it = card.meta?.item ?? item;
  return (
    <div className="screen-col">
      <Toolbar title={<CardTitle item={it} />} sub={cardSub(t, card.meta, it)}>
        {itemId !== null ? <PrintButtons target={{ doc: 'stockCard', itemId, from: from || undefined, to: to || undefined }} /> : null}
      </Toolbar>
      <CardFilters
        item={it}
        pickRef={pickRef}
        from={from}
        to={to}
        onFrom={setFrom}
        onTo={setTo}
        toEnd={itemId !== null ? { busy: card.toEnd, go: () => void card.jumpToEnd() } : null}
      />
      <ErrorLine error={card.error} />
      <div className="grid-fill">
        {card.source === null ? (
          <div className="empty-hint">{t('card.chooseItem')}</div>
        ) : (
          <Grid<CardRow>
            key={card.source.key}
            ref={grid}
            rowModelType="infinite"
            datasource={card.source.datasource}
            cacheBlockSize={200}
            maxBlocksInCache={100}
            infiniteInitialRowCount={1}
            columnDefs={cols}
            getRowId={(x) => x.data.rowKey}
            rowClassRules={rowClassRules}
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
          ['Ctrl+End', t('card.toEnd')],
          ['F5', t('keys.refresh')],
          ['Esc', t('keys.back')],
        ]}
      />
    </div>
  );
}
