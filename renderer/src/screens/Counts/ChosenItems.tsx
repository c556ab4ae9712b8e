// 指定商品: the items a weekly count covers, chosen by hand in the new-count dialog. The search is
// the slips' item picker (code, name, barcode, pinyin initials; Enter adds); the chosen items sit
// in a small grid by location, Delete removes the selected row.

import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Item } from '../../../../shared/contract';
import { MAX_CHOSEN } from '../../../../shared/contract';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { ItemPicker } from '../../components/pickers';
import { Btn } from '../../components/ui';
import { useI18n } from '../../i18n';

export function ChosenItems(p: { items: Item[]; onChange(items: Item[]): void }) {
  const { t } = useI18n();
  const [sel, setSel] = useState<Item | null>(null);
  const add = (i: Item) => {
    if (!p.items.some((x) => x.id === i.id) && p.items.length < MAX_CHOSEN) p.onChange([...p.items, i]);
  };
  const remove = () => sel && (p.onChange(p.items.filter((x) => x.id !== sel.id)), setSel(null));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Delete' && !(e.target instanceof HTMLInputElement)) (e.stopPropagation(), remove()); // in the search box Delete edits the text
  };
  const cols = useMemo<ColDef<Item>[]>(
    () => [
      { field: 'location', headerName: t('ct.location'), width: 90, sort: 'asc' },
      { field: 'code', headerName: t('ct.item'), width: 110 },
      { field: 'name', headerName: '', flex: 1, minWidth: 140 },
      { field: 'spec', headerName: '', width: 90 },
    ],
    [t],
  );
  return (
    <div className="chosen-items" onKeyDown={onKey}>
      <ItemPicker onPick={add} clearOnPick id="count-item-pick" />
      <div className="chosen-items-bar">
        <span className="toolbar-sub" data-testid="count-chosen-n">
          {t('ctm.chosen', { n: p.items.length })} · {t('ctm.pickHint')}
        </span>
        <Btn disabled={!sel} onClick={remove}>
          {t('ctm.remove')}
        </Btn>
      </div>
      <div className="chosen-items-grid">
        <Grid<Item> rowData={p.items} columnDefs={cols} getRowId={(x) => String(x.data.id)} {...selectFollowsFocus<Item>(setSel)} />
      </div>
    </div>
  );
}
