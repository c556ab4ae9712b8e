// 期初应收 and 期初资金: what customers owe at go-live (each dated on its original sale, so the
// aging is right from day one) and the money in each account. Booked lines stay shown, read-only.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { MONEY_ACCOUNTS, type Customer, type MoneyAccount, type OpeningStatus } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { CustomerPicker } from '../../components/pickers';
import { Btn, ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n, type MsgKey } from '../../i18n';
import { canType, EntryGrid, moneyEntry, newKey, type EntryRow } from './entry';

interface Props {
  status: OpeningStatus;
  onBooked(s: OpeningStatus): void;
}

interface RecvRow extends EntryRow {
  customerId: number;
  customerName: string;
  saleDate: string;
  docRef: string;
  amountFen: number | null;
}

const sumFen = (rows: { amountFen: number | null }[]) => rows.reduce((s, r) => s + (r.amountFen ?? 0), 0);

function entryHints(t: (k: MsgKey) => string, editable: boolean, withDelete: boolean): [string, string][] {
  if (!editable) return [['F5', t('keys.refresh')]];
  return [['Enter', t('keys.editCell')], ...(withDelete ? ([['Delete', t('op.remove')]] as [string, string][]) : []), ['F9', t('op.save')]];
}

export function OpeningReceivables(p: Props) {
  const { t } = useI18n();
  const editable = !p.status.closed;
  const [rows, setRows] = useState<RecvRow[]>([]);
  const [cellErr, setCellErr] = useState<DeskErr | null>(null);
  const w = useWrite();
  const booked: RecvRow[] = p.status.receivables.map((r) => ({ ...r, key: `b${r.entryId}`, booked: true }));
  const shown = [...booked, ...rows];
  const total: RecvRow = { key: 'total', total: true, customerId: 0, customerName: t('op.total'), saleDate: '', docRef: '', amountFen: sumFen(shown) };
  const cols = useMemo<ColDef<RecvRow>[]>(
    () => [
      { field: 'customerName', headerName: t('op.customer'), flex: 1, minWidth: 160 },
      { field: 'saleDate', headerName: t('op.saleDate'), width: 140, editable: (x) => canType(editable, x.data), cellClass: 'editable-cell' },
      { field: 'docRef', headerName: t('op.docRef'), width: 160, editable: (x) => canType(editable, x.data), cellClass: 'editable-cell' },
      moneyEntry<RecvRow>('amountFen', t('op.owed'), editable, setCellErr),
    ],
    [t, editable],
  );
  const add = (c: Customer) =>
    setRows([...rows, { key: newKey(), customerId: c.id, customerName: c.name, saleDate: p.status.businessDate, docRef: '', amountFen: null }]);
  const save = () => {
    if (!rows.length) return w.setError(localError('op.noLines'));
    const badDate = rows.findIndex((r) => !/^\d{4}-\d{2}-\d{2}$/.test(r.saleDate.trim()));
    if (badDate >= 0) return w.setError(localError('op.badDate', { n: badDate + 1 }));
    const bad = rows.findIndex((r) => !r.amountFen);
    if (bad >= 0) return w.setError(localError('op.incomplete', { n: bad + 1 }));
    const lines = rows.map((r) => ({ customerId: r.customerId, saleDate: r.saleDate.trim(), docRef: r.docRef.trim(), amountFen: r.amountFen! }));
    void w.run(
      (requestId) => call('opening.addReceivables', { lines }, { requestId }),
      (s) => {
        setRows([]);
        p.onBooked(s);
      },
    );
  };
  useHotkeys({ F9: save }, { enabled: editable });
  return (
    <>
      <Toolbar title={t('op.tab.receivables')} sub={t('op.entered', { n: booked.length })}>
        {editable ? <CustomerPicker value={null} onPick={add} /> : null}
        {editable ? (
          <Btn variant="primary" hotkey="F9" onClick={save}>
            {t('op.save')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={cellErr} />
      <ErrorLine error={w.error} />
      <EntryGrid<RecvRow>
        gridId="op-recv"
        rows={shown}
        cols={cols}
        total={total}
        editable={editable}
        onChange={(all) => setRows(all.filter((r) => !r.booked))}
      />
      <KeyHints items={entryHints(t, editable, true)} />
    </>
  );
}

interface CashRow extends EntryRow {
  account: MoneyAccount;
  amountFen: number | null;
}

export function OpeningCash(p: Props) {
  const { t } = useI18n();
  const editable = !p.status.closed;
  const [typed, setTyped] = useState<Partial<Record<MoneyAccount, number | null>>>({});
  const [cellErr, setCellErr] = useState<DeskErr | null>(null);
  const w = useWrite();
  const shown: CashRow[] = MONEY_ACCOUNTS.map((a) => {
    const b = p.status.cash.find((c) => c.account === a);
    return b ? { key: a, account: a, amountFen: b.amountFen, booked: true } : { key: a, account: a, amountFen: typed[a] ?? null };
  });
  const total: CashRow = { key: 'total', total: true, account: 'cash', amountFen: sumFen(shown) };
  const cols = useMemo<ColDef<CashRow>[]>(
    () => [
      {
        colId: 'account',
        headerName: t('op.account'),
        flex: 1,
        valueGetter: (x) => (x.data?.total ? t('op.total') : x.data ? t(`acct.${x.data.account}` as MsgKey) : ''),
      },
      moneyEntry<CashRow>('amountFen', t('op.balance'), editable, setCellErr),
      { colId: 'state', headerName: '', width: 110, valueGetter: (x) => (x.data?.booked ? t('op.cashDone') : '') },
    ],
    [t, editable],
  );
  const save = () => {
    const lines = shown.filter((r) => !r.booked && r.amountFen).map((r) => ({ account: r.account, amountFen: r.amountFen! }));
    if (!lines.length) return w.setError(localError('op.noLines'));
    void w.run(
      (requestId) => call('opening.setCash', { lines }, { requestId }),
      (s) => {
        setTyped({});
        p.onBooked(s);
      },
    );
  };
  useHotkeys({ F9: save }, { enabled: editable });
  return (
    <>
      <Toolbar title={t('op.tab.cash')}>
        {editable ? (
          <Btn variant="primary" hotkey="F9" onClick={save}>
            {t('op.save')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={cellErr} />
      <ErrorLine error={w.error} />
      <EntryGrid<CashRow>
        gridId="op-cash"
        rows={shown}
        cols={cols}
        total={total}
        editable={editable}
        onChange={(all) => setTyped(Object.fromEntries(all.filter((r) => !r.booked).map((r) => [r.account, r.amountFen])))}
      />
      <KeyHints items={entryHints(t, editable, false)} />
    </>
  );
}
