// 费用预算: a month's budget per category against what was paid, approved and claimed; the manager
// types the budget straight into the grid.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid, moneyCol } from '../../components/grid';
import { today } from '../../i18n/clock';
import { FormDialog } from '../../components/FormDialog';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { ExpenseTabs } from './ExpenseTabs';
import { useHotkeys } from '../../hooks/hotkeys';
import { useWrite } from '../../hooks/useWrite';
import { localError, refusalError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { parseMoney } from '../../numbers';

type Report = Output<'budgets.report'>;
type BRow = Report['rows'][number] & { total?: boolean };

export function BudgetsScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [month, setMonth] = useState(today().slice(0, 7));
  const [data, setData] = useState<Report | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [saveErr, setSaveErr] = useState<DeskErr | null>(null);
  const canSet = session.can('budgets.set');
  const reqIds = useRef(new Map<string, string>());
  const canAddCat = session.can('expenses.addCategory');
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    const r = await call('budgets.report', { month });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [month]);
  useEffect(() => {
    void load();
  }, [load]);
  useHotkeys({ F5: () => void load(), ...(canAddCat ? { F2: () => setAdding(true) } : {}) });

  const cols = useMemo<ColDef<BRow>[]>(
    () => [
      { field: 'category', headerName: t('ex.category'), flex: 1, minWidth: 120 },
      moneyCol<BRow>({
        field: 'budgetFen',
        headerName: t('bg.budget'),
        width: 130,
        editable: (x) => canSet && !x.node.rowPinned,
        // a refused budget keeps the old one and says why
        valueParser: (x) => {
          const r = parseMoney(String(x.newValue ?? ''), { field: 'budget' });
          setSaveErr(r.ok ? null : refusalError(r.refusal));
          return r.ok ? r.value : x.oldValue;
        },
        cellClass: canSet ? 'editable-cell' : undefined,
      }),
      moneyCol<BRow>({ field: 'paidFen', headerName: t('bg.paid'), width: 120 }),
      moneyCol<BRow>({ field: 'approvedFen', headerName: t('bg.approved'), width: 120 }),
      moneyCol<BRow>({ field: 'claimedFen', headerName: t('bg.claimed'), width: 120 }),
      moneyCol<BRow>({ field: 'remainingFen', headerName: t('bg.remaining'), width: 120 }),
      { colId: 'over', headerName: t('fin.state'), width: 110, valueGetter: (x) => (x.data?.overBudget ? t('bg.over') : ''), cellClass: 'bad-text' },
    ],
    [t, canSet],
  );

  return (
    <div className="screen-col">
      <Toolbar title={t('bg.title')} sub={canSet ? t('bg.editHint') : undefined}>
        <ExpenseTabs on="budgets" />
        <Field label={t('bg.month')}>
          <input className="input date" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </Field>
        {canAddCat ? (
          <Btn hotkey="F2" onClick={() => setAdding(true)}>
            {t('bg.addCategory')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      <ErrorLine error={saveErr} />
      {data && data.rows.some((r) => r.overBudget) ? (
        <Notice kind="warn">
          {t('bg.over')}:{' '}
          {data.rows
            .filter((r) => r.overBudget)
            .map((r) => r.category)
            .join('、')}
        </Notice>
      ) : null}
      <div className="grid-fill">
        <Grid<BRow>
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => x.data.category}
          singleClickEdit
          stopEditingWhenCellsLoseFocus
          pinnedBottomRowData={
            data
              ? [
                  {
                    total: true,
                    category: t('fin.total'),
                    budgetFen: data.totals.budgetFen,
                    paidFen: data.totals.paidFen,
                    approvedFen: data.totals.approvedFen,
                    claimedFen: data.totals.claimedFen,
                    remainingFen: null,
                    overBudget: false,
                  },
                ]
              : []
          }
          onCellValueChanged={async (e) => {
            if (!e.data || e.data.total || e.newValue === e.oldValue) return;
            const amountFen = e.newValue as number | null;
            if (amountFen === null || amountFen < 0) return setSaveErr(localError('fin.badAmount'));
            const key = `${month}/${e.data.category}/${amountFen}`;
            const rid = reqIds.current.get(key) ?? newRequestId();
            reqIds.current.set(key, rid);
            const r = await call('budgets.set', { month, category: e.data.category, amountFen }, { requestId: rid });
            if (!r.ok) setSaveErr(r.error);
            else {
              setSaveErr(null);
              reqIds.current.delete(key);
            }
            void load();
          }}
        />
      </div>
      <KeyHints
        items={[
          ...(canSet ? ([['Enter', t('keys.editCell')]] as [string, string][]) : []),
          ...(canAddCat ? ([['F2', t('bg.addCategory')]] as [string, string][]) : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      {adding ? (
        <AddCategoryDialog
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

/** The office's own expense category (the manager adds it). */
function AddCategoryDialog(p: { onCancel(): void; onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (!name.trim()) return w.setError(localError('bg.nameRequired'));
    await w.run(
      (requestId) => call('expenses.addCategory', { name: name.trim(), nameEn: nameEn.trim() }, { requestId }),
      () => p.onDone(),
    );
  };
  return (
    <FormDialog title={t('bg.addCategory')} confirmText={t('common.save')} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <div className="form-grid">
        <Field label={t('bg.catName')}>
          <input className="input" autoFocus maxLength={20} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('bg.catNameEn')}>
          <input className="input" maxLength={40} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
