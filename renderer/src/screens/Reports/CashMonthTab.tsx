// A 办事处现金日记帐 for a month (monthReports.cashJournal): per money account 上月结转, each voucher
// (日期, 凭证号, 摘要, 收入, 支出, 余额), 本月合计 and 本年累计, as the paper lays it out; one account
// or all of them; its PDF and XLSX. Finance and the manager read it.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { CashJournalMonth, MoneyAccount } from '../../../../shared/contract';
import { MONEY_ACCOUNTS } from '../../../../shared/contract';
import type { DeskErr } from '../../api';
import { Grid, moneyCol } from '../../components/grid';
import { ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { useI18n, type MsgKey } from '../../i18n';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';
import { MonthField, MonthFiles, useReportMonth } from './MonthFiles';
import '../Finance/finance.css';

interface Row {
  id: string;
  account: string;
  date: string;
  voucherNo: string;
  summary: string;
  receiptFen: number | null;
  paymentFen: number | null;
  balanceFen: number;
  /** 上月结转, 本月合计, 本年累计: shown bold */
  sum?: boolean;
}

/** The accounts' rows in the paper's order: 上月结转, the vouchers, 本月合计, 本年累计. */
export function journalRows(d: CashJournalMonth, t: (k: MsgKey) => string, accountName: (a: MoneyAccount) => string): Row[] {
  const carried = t(d.month.endsWith('-01') ? 'mr.carriedYear' : 'mr.carried');
  return d.accounts.flatMap((a) => {
    const base = { account: accountName(a.account), voucherNo: '', date: '', sum: true };
    const total = (k: string, label: MsgKey, f: { receiptsFen: number; paymentsFen: number }): Row => ({
      ...base,
      id: `${a.account}:${k}`,
      summary: t(label),
      receiptFen: f.receiptsFen,
      paymentFen: f.paymentsFen,
      balanceFen: a.closingFen,
    });
    return [
      { ...base, id: `${a.account}:open`, date: `${d.month}-01`, summary: carried, receiptFen: null, paymentFen: null, balanceFen: a.openingFen },
      ...a.lines.map((l) => ({ ...l, id: `${a.account}:${l.id}`, account: base.account })),
      total('month', 'mr.monthTotal', a.month),
      total('year', 'mr.yearTotal', a.year),
    ];
  });
}

function useColumns(): ColDef<Row>[] {
  const { t } = useI18n();
  return useMemo(
    () => [
      { field: 'account', headerName: t('mr.account'), width: 110 },
      { field: 'date', headerName: t('mr.date'), width: 110 },
      { field: 'voucherNo', headerName: t('mr.voucher'), width: 170 },
      { field: 'summary', headerName: t('mr.summary'), flex: 1, minWidth: 240 },
      moneyCol<Row>({ field: 'receiptFen', headerName: t('mr.receipt') }),
      moneyCol<Row>({ field: 'paymentFen', headerName: t('mr.payment') }),
      moneyCol<Row>({ field: 'balanceFen', headerName: t('mr.balance') }),
    ],
    [t],
  );
}

export function CashMonthTab() {
  const { t } = useI18n();
  const columns = useColumns();
  const [month, setMonth, valid] = useReportMonth();
  const [account, setAccount] = useState<MoneyAccount | ''>('');
  const [fileError, setFileError] = useState<DeskErr | null>(null);
  const { data, error } = useReport('monthReports.cashJournal', valid ? { month, ...(account ? { account } : {}) } : null);
  const accountName = (a: MoneyAccount) => t(`acct.${a}` as MsgKey);
  const rows = data ? journalRows(data, t, accountName) : [];
  const vouchers = data ? data.accounts.reduce((n, a) => n + a.lines.length, 0) : 0;
  return (
    <div className="screen-col">
      <Toolbar title={t('mr.journal.title')} sub={data ? t('mr.journal.sub', { accounts: data.accounts.length, n: vouchers }) : undefined}>
        <ReportTabs on="journal" />
        <MonthField month={month} onChange={setMonth} />
        <Field label={t('mr.account')}>
          <select className="input" value={account} onChange={(e) => setAccount(e.target.value as MoneyAccount | '')} data-testid="mr-account">
            <option value="">{t('mr.allAccounts')}</option>
            {MONEY_ACCOUNTS.map((a) => (
              <option key={a} value={a}>
                {accountName(a)}
              </option>
            ))}
          </select>
        </Field>
        <MonthFiles report="A" month={month} account={account || undefined} onError={setFileError} />
      </Toolbar>
      <ErrorLine error={error ?? fileError} />
      <div className="grid-fill">
        <Grid<Row> rowData={rows} columnDefs={columns} getRowId={(x) => x.data.id} getRowClass={(x) => (x.data?.sum ? 'row-closing' : '')} />
      </div>
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
