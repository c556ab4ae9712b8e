// D 客户应收款月报表 for a month (monthReports.receivables): per customer the opening balance, credit
// sales, collections, returns, the closing balance and its aging at the month's end (the
// receivables' buckets), prepayments; the totals row; its PDF (A4 landscape) and XLSX.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { ReceivableMonth, ReceivableMonthRow } from '../../../../shared/contract';
import type { DeskErr } from '../../api';
import { Grid, moneyCol } from '../../components/grid';
import { ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';
import { MonthField, MonthFiles, useReportMonth } from './MonthFiles';

type Buckets = ReceivableMonth['buckets'];

function useColumns(buckets: Buckets): ColDef<ReceivableMonthRow>[] {
  const { t, lang } = useI18n();
  return useMemo(() => {
    const money = (field: keyof ReceivableMonthRow, label: Parameters<typeof t>[0]) =>
      moneyCol<ReceivableMonthRow>({ field, headerName: t(label), width: 112 });
    return [
      { field: 'code', headerName: t('mr.code'), width: 100 },
      { field: 'name', headerName: t('mr.customer'), flex: 1, minWidth: 180 },
      money('openingFen', 'mr.opening'),
      money('salesFen', 'mr.sales'),
      money('collectionsFen', 'mr.collections'),
      money('returnsFen', 'mr.returns'),
      money('closingFen', 'mr.closing'),
      ...buckets.map((b, k) =>
        moneyCol<ReceivableMonthRow>({
          colId: `age${k}`,
          headerName: lang === 'zh' ? b.label : b.toDays === null ? `> ${b.fromDays - 1} d` : `${b.fromDays}–${b.toDays} d`,
          width: 100,
          valueGetter: (x) => x.data?.aging[k],
        }),
      ),
      money('prepaymentFen', 'mr.prepaid'),
    ];
  }, [t, lang, buckets]);
}

const NO_BUCKETS: Buckets = [];

export function ReceivablesMonthTab() {
  const { t } = useI18n();
  const [month, setMonth, valid] = useReportMonth();
  const [fileError, setFileError] = useState<DeskErr | null>(null);
  const { data, error } = useReport('monthReports.receivables', valid ? { month } : null);
  const columns = useColumns(data?.buckets ?? NO_BUCKETS);
  const totals: ReceivableMonthRow[] = data ? [{ customerId: 0, code: t('mr.total'), name: t('mr.customers', { n: data.rows.length }), ...data.totals }] : [];
  return (
    <div className="screen-col">
      <Toolbar title={t('mr.receivables.title')} sub={data ? t('mr.receivables.sub', { n: data.rows.length, asOf: data.asOf }) : undefined}>
        <ReportTabs on="receivables" />
        <MonthField month={month} onChange={setMonth} />
        <MonthFiles report="D" month={month} onError={setFileError} />
      </Toolbar>
      <ErrorLine error={error ?? fileError} />
      <div className="grid-fill">
        <Grid<ReceivableMonthRow> rowData={data?.rows ?? []} columnDefs={columns} getRowId={(x) => String(x.data.customerId)} pinnedBottomRowData={totals} />
      </div>
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
