// 商品: search by code, name, barcode or pinyin initials; rows below safety stock stand out.
// Keys: F3 search · ↓ into the list · Enter edit · F2 new · a scan finds the item (or offers to create it).

import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { RowClassParams } from 'ag-grid-community';
import { contract, type Access, type Item } from '../../../../shared/contract';
import type { Role } from '../../../../shared/roles';
import { itemSheetRow, SHEET_COLUMNS } from '../../../../shared/sheets';
import { call } from '../../api';
import { focusedRow, Grid } from '../../components/grid';
import { downIntoGrid } from '../../components/gridKeys';
import { Btn, ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { localError, useI18n } from '../../i18n';
import { useScan } from '../../scan';
import { beep } from '../../scan/beep';
import { useSession } from '../../session';
import { ExportButton } from '../../components/ExportButton';
import { ItemDialog } from './ItemDialog';
import { itemColumns, type ItemRow } from './itemColumns';
import { useItemList } from './useItemList';
import { ItemsTabs } from '../Safety/ItemsTabs';

/** The items grid exports as the items import sheet, so the file imports back. */
const itemsSheet = (rows: readonly Item[]) => ({
  columns: SHEET_COLUMNS.items.map((c) => ({ header: c.zh, format: c.format })),
  rows: rows.map(itemSheetRow),
});

const rolesOf = (a: Access): readonly Role[] => (typeof a === 'string' ? [] : a);

export function ItemsScreen() {
  const { t, role: roleName, lang } = useI18n();
  const session = useSession();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ item: Item | null; barcode?: string } | null>(null);
  const grid = useRef<AgGridReact<ItemRow>>(null);
  const search = useRef<HTMLInputElement>(null);
  const canCreate = session.can('items.create');
  const creators = useMemo(
    () =>
      rolesOf(contract['items.create'].access)
        .map(roleName)
        .join(lang === 'zh' ? '、' : ', '),
    [roleName, lang],
  );
  const canStock = session.can('stock.onHand');

  const { rows, total, error, setError, load } = useItemList(canStock);

  // typing waits for a pause; the whole list (on opening, or the search cleared) loads at once
  useEffect(() => {
    const q = query.trim();
    const h = setTimeout(() => void load(q), q ? 150 : 0);
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
      // an unknown code: who may register it (the contract's items.create roles), not a dead end
      setError(f.error.code === 'not_found' ? localError('msg.unknownBarcodeAsk', { code: e.code, roles: creators }, 'not_found') : f.error);
    }
  });

  const editFocused = () => {
    const item = focusedRow(grid);
    if (item && session.can('items.update')) setEditing({ item });
  };

  const openCard = () => {
    const item = focusedRow(grid);
    if (item && session.can('stock.card')) navigate(`/card/${item.id}`);
  };

  useHotkeys({
    F5: openCard,
    F2: () => canCreate && setEditing({ item: null }),
    F3: () => search.current?.focus(),
    'Ctrl+F': () => search.current?.focus(),
    F4: editFocused,
  });

  const seesPrices = session.scope.seesPrices;
  const cols = useMemo(() => itemColumns(t, canStock, seesPrices), [t, canStock, seesPrices]);

  return (
    <div className="screen-col">
      <Toolbar title={t('nav.items')} sub={t('items.count', { n: total })}>
        <ItemsTabs on="items" />
        <input
          ref={search}
          className="input search"
          placeholder={t('items.searchPlaceholder')}
          value={query}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={downIntoGrid(grid)}
        />
        <ExportButton title={t('nav.items')} sheet={() => itemsSheet(rows)} filters={[{ label: t('exp.search'), value: query.trim() }]} />
        {canCreate ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setEditing({ item: null })}>
            {t('items.new')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<ItemRow>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(p) => String(p.data.id)}
          rowClassRules={{ 'row-below': (p: RowClassParams<ItemRow>) => !!p.data?.below }}
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
          [t('keys.scan'), canCreate ? t('items.scanHint') : t('msg.scanHintFind', { roles: creators })],
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
