// C 费用统计表 for a month (monthReports.expenses): per expense category the month's budget, what was
// paid (by the date of payment), the variance and 执行率, the same for the year to date, and what is
// approved but not yet paid; the totals row; its PDF and XLSX.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { usedPct, type ExpenseMonthRow } from '../../../../shared/contract';
import type { DeskErr } from '../../api';
import { Grid, moneyCol } from '../../components/grid';
import { ErrorLine, KeyHints, Toolbar } from '../../components/ui';
import { useI18n } from '../../i18n';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';
import { MonthField, MonthFiles, useReportMonth } from './MonthFiles';

function useColumns(): ColDef<ExpenseMonthRow>[] {
  const { t } = useI18n();
  return useMemo(
    () => [
      { field: 'category', headerName: t('mr.category'), flex: 1, minWidth: 140 },
      moneyCol<ExpenseMonthRow>({ colId: 'budget', headerName: t('mr.budget'), valueGetter: (x) => x.data?.month.budgetFen }),
      moneyCol<ExpenseMonthRow>({ colId: 'actual', headerName: t('mr.actual'), valueGetter: (x) => x.data?.month.actualFen }),
      moneyCol<ExpenseMonthRow>({ colId: 'variance', headerName: t('mr.variance'), valueGetter: (x) => x.data?.month.varianceFen }),
      {
        colId: 'used',
        headerName: t('mr.used'),
        width: 90,
        type: 'rightAligned',
        valueGetter: (x) => (x.data ? usedPct(x.data.month.budgetFen, x.data.month.actualFen) : ''),
      },
      moneyCol<ExpenseMonthRow>({ colId: 'budgetYear', headerName: t('mr.budgetYear'), valueGetter: (x) => x.data?.year.budgetFen }),
      moneyCol<ExpenseMonthRow>({ colId: 'actualYear', headerName: t('mr.actualYear'), valueGetter: (x) => x.data?.year.actualFen }),
      moneyCol<ExpenseMonthRow>({ colId: 'varianceYear', headerName: t('mr.varianceYear'), valueGetter: (x) => x.data?.year.varianceFen }),
      moneyCol<ExpenseMonthRow>({ field: 'approvedFen', headerName: t('mr.approved') }),
    ],
    [t],
  );
}

export function ExpensesMonthTab() {
  const { t } = useI18n();
  const columns = useColumns();
  const [month, setMonth, valid] = useReportMonth();
  const [fileError, setFileError] = useState<DeskErr | null>(null);
  const { data, error } = useReport('monthReports.expenses', valid ? { month } : null);
  const totals: ExpenseMonthRow[] = data ? [{ category: t('mr.total'), ...data.totals }] : [];
  return (
    <div className="screen-col">
      <Toolbar title={t('mr.expenses.title')} sub={data ? t('mr.expenses.sub') : undefined}>
        <ReportTabs on="expenses" />
        <MonthField month={month} onChange={setMonth} />
        <MonthFiles report="C" month={month} onError={setFileError} />
      </Toolbar>
      <ErrorLine error={error ?? fileError} />
      <div className="grid-fill">
        <Grid<ExpenseMonthRow> rowData={data?.rows ?? []} columnDefs={columns} getRowId={(x) => x.data.category} pinnedBottomRowData={totals} />
      </div>
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
