// 现金日记账 (and the same for WeChat, Alipay, the bank): date, voucher, summary, contra, receipt,
// payment, running balance; opening row on top, period totals and closing below. F7 交回公司货款,
// F8 备用金拨入, F6 红字冲销 of a remittance, top-up or collection.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { isReceiptRow, type Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { Grid } from '../../components/grid';
import { downIntoGrid } from '../../components/gridKeys';
import { ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { closingRows, journalColumns, journalRowClass, openingRows, reversible, viewRows, type Journal, type JRow, type ViewRow } from './cashJournal';
import { MoneyMoveDialog, ReverseEntryDialog } from './CashJournalDialogs';
import { AccountTabs, JournalFilters, type JournalFilter } from './CashJournalParts';
import { fen, financeChanged, type MoneyAccount } from './common';
import { JournalTabs } from './RefundParts';
import { ReceiptButton } from '../../printing/receipts/ReceiptButton';

export function CashJournalScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [account, setAccount] = useState<MoneyAccount>('cash');
  const [filter, setFilter] = useState<JournalFilter>({ from: '', to: '', query: '' });
  const [data, setData] = useState<Journal | null>(null);
  const [balances, setBalances] = useState<Output<'cash.accounts'>>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [dialog, setDialog] = useState<'remit' | 'topUp' | 'reverse' | null>(null);
  const [sel, setSel] = useState<JRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<AgGridReact<ViewRow>>(null);
  const canWrite = session.can('cash.remit');
  const canReverse = canWrite && reversible(sel);

  const load = useCallback(async () => {
    const { from, to, query } = filter;
    const r = await call('cash.journal', { account, from: from || undefined, to: to || undefined, query: query.trim(), limit: 1000, offset: 0 });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
    const b = await call('cash.accounts', {});
    if (b.ok) setBalances(b.value);
  }, [account, filter]);
  useEffect(() => {
    const h = setTimeout(() => void load(), 150);
    return () => clearTimeout(h);
  }, [load]);

  useHotkeys({
    F3: () => search.current?.focus(),
    F5: () => void load(),
    ...(canWrite ? { F7: () => setDialog('remit'), F8: () => setDialog('topUp') } : {}),
    ...(canReverse ? { F6: () => setDialog('reverse') } : {}),
  });

  const rows = useMemo(() => viewRows(data), [data]);
  const cols = useMemo(() => journalColumns(t), [t]);
  const booked = (msg: string | null) => {
    setDialog(null);
    if (msg !== null) setDone(msg);
    financeChanged();
    void load();
  };

  return (
    <div className="screen-col">
      <Toolbar title={t('jr.title')} sub={data ? `${t('jr.opening')} ${fen(data.openingFen)} · ${t('jr.closing')} ${fen(data.closingFen)}` : undefined}>
        <JournalTabs on="journal" />
        <AccountTabs account={account} balances={balances} onPick={setAccount} />
        <ExportButton
          query={() => ({ grid: 'cashJournal', filters: { account, from: filter.from || undefined, to: filter.to || undefined, query: filter.query.trim() } })}
        />
        {sel && isReceiptRow(sel) ? <ReceiptButton key={sel.id} kind="cashReceipt" id={sel.id} /> : null}
      </Toolbar>
      <JournalFilters
        filter={filter}
        onFilter={(f) => setFilter((x) => ({ ...x, ...f }))}
        search={search}
        onSearchKey={downIntoGrid(grid)}
        canWrite={canWrite}
        canReverse={canReverse}
        onDialog={setDialog}
      />
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<ViewRow>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => x.data.key}
          defaultColDef={{ sortable: false }}
          onCellFocused={(e) => {
            if (e.rowIndex == null || e.rowPinned) return setSel(null);
            const n = e.api.getDisplayedRowAtIndex(e.rowIndex);
            setSel(n?.data?.kind === 'row' ? (n.data as JRow) : null);
          }}
          getRowClass={journalRowClass}
          pinnedTopRowData={openingRows(data)}
          pinnedBottomRowData={closingRows(data)}
        />
      </div>
      <KeyHints
        items={[
          ['F3', t('keys.search')],
          ...(canWrite
            ? ([
                ['F7', t('jr.remit')],
                ['F8', t('jr.topUp')],
                ['F6', t('jr.reverse')],
              ] as [string, string][])
            : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      {dialog === 'reverse' && sel ? (
        <ReverseEntryDialog
          row={sel}
          onCancel={() => setDialog(null)}
          onReversed={setDone}
          onDone={() => {
            setSel(null);
            booked(null);
          }}
        />
      ) : null}
      {dialog === 'remit' || dialog === 'topUp' ? (
        <MoneyMoveDialog
          kind={dialog}
          account={account}
          onCancel={() => setDialog(null)}
          onDone={(row) =>
            booked(t(dialog === 'remit' ? 'jr.remitDone' : 'jr.topUpDone', { fen: fen(row.receiptFen ?? row.paymentFen ?? 0), no: row.voucherNo }))
          }
        />
      ) : null}
    </div>
  );
}
