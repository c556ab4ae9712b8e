// 期初库存: items added with the picker, quantity and amount typed into the grid (Enter moves
// down), then the manager signs and the opening slip is posted; afterwards its lines, read-only.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Item, OpeningStatus } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { call, type DeskErr } from '../../api';
import { ItemPicker } from '../../components/pickers';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n } from '../../i18n';
import { EntryGrid, ManagerSignDialog, moneyEntry, newKey, qtyEntry, type EntryRow } from './entry';

interface StockRow extends EntryRow {
  itemId: number;
  code: string;
  name: string;
  unit: string;
  qty: number | null;
  amountFen: number | null;
}

const sum = (rows: StockRow[], f: (r: StockRow) => number | null) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);

/** The unit cost shown: exact when the amount divides, else to four places (the layer keeps the amount). */
function unitText(r: StockRow): string {
  if (!r.qty || r.amountFen == null || r.total) return '';
  return r.amountFen % r.qty === 0 ? formatFen(r.amountFen / r.qty) : `≈${(r.amountFen / r.qty / 100).toFixed(4)}`;
}

export function OpeningStock(p: { status: OpeningStatus; onBooked(s: OpeningStatus): void }) {
  const { t } = useI18n();
  const posted = p.status.stock;
  const editable = !posted && !p.status.closed;
  const [rows, setRows] = useState<StockRow[]>([]);
  const [cellErr, setCellErr] = useState<DeskErr | null>(null);
  const [signing, setSigning] = useState(false);
  const w = useWrite();
  const shown: StockRow[] = posted
    ? posted.lines.map((l) => ({
        key: String(l.itemId),
        itemId: l.itemId,
        code: l.itemCode,
        name: l.itemName,
        unit: l.unit,
        qty: l.qty,
        amountFen: l.amountFen,
      }))
    : rows;
  const total: StockRow = {
    key: 'total',
    total: true,
    itemId: 0,
    code: t('op.total'),
    name: '',
    unit: '',
    qty: sum(shown, (r) => r.qty),
    amountFen: sum(shown, (r) => r.amountFen),
  };

  const cols = useMemo<ColDef<StockRow>[]>(
    () => [
      { field: 'code', headerName: t('op.item'), width: 120 },
      { field: 'name', headerName: t('op.name'), flex: 1, minWidth: 160 },
      { field: 'unit', headerName: t('op.unit'), width: 70 },
      qtyEntry<StockRow>('qty', t('op.qty'), editable, setCellErr),
      moneyEntry<StockRow>('amountFen', t('op.amount'), editable, setCellErr),
      { colId: 'unitCost', headerName: t('op.unitCost'), width: 130, type: 'rightAligned', valueGetter: (x) => (x.data ? unitText(x.data) : '') },
    ],
    [t, editable],
  );

  const add = (i: Item) => {
    if (rows.some((r) => r.itemId === i.id)) return;
    setRows([...rows, { key: newKey(), itemId: i.id, code: i.code, name: i.name, unit: i.unit, qty: null, amountFen: null }]);
  };
  const askSign = () => {
    if (!editable) return;
    if (!rows.length) return w.setError(localError('op.noLines'));
    const bad = rows.findIndex((r) => !r.qty || !r.amountFen);
    if (bad >= 0) return w.setError(localError('op.incomplete', { n: bad + 1 }));
    w.setError(null);
    setSigning(true);
  };
  const sign = (user: string, pin: string) =>
    void w.run(
      (requestId) =>
        call(
          'opening.postStock',
          { lines: rows.map((r) => ({ itemId: r.itemId, qty: r.qty!, amountFen: r.amountFen! })), signoff: { user, pin } },
          { requestId },
        ),
      (s) => {
        setSigning(false);
        p.onBooked(s);
      },
    );
  useHotkeys({ F9: askSign }, { enabled: editable && !signing });

  return (
    <>
      <Toolbar title={t('op.tab.stock')}>
        {editable ? <ItemPicker onPick={add} clearOnPick placeholder={t('op.addItem')} id="op-item" /> : null}
        {editable ? (
          <Btn variant="primary" hotkey="F9" onClick={askSign}>
            {t('op.post')}
          </Btn>
        ) : null}
        {posted ? <Btn onClick={() => navigate(`/slips/${posted.slipId}`)}>{t('op.openSlip')}</Btn> : null}
      </Toolbar>
      {posted ? <Notice kind="ok">{t('op.posted', { no: posted.no, name: posted.signedBy })}</Notice> : null}
      <ErrorLine error={cellErr} />
      {!signing ? <ErrorLine error={w.error} /> : null}
      <EntryGrid<StockRow> gridId="op-stock" rows={shown} cols={cols} total={total} editable={editable} onChange={setRows} />
      <KeyHints
        items={
          editable
            ? [
                ['Enter', t('keys.editCell')],
                ['Delete', t('op.remove')],
                ['F9', t('op.post')],
              ]
            : [['F5', t('keys.refresh')]]
        }
      />
      {signing ? (
        <ManagerSignDialog
          title={t('op.signTitle', { n: rows.length, total: formatFen(total.amountFen ?? 0) })}
          busy={w.busy}
          error={w.error}
          onSign={sign}
          onCancel={() => setSigning(false)}
        />
      ) : null}
    </>
  );
}
