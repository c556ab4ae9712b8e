// 查阅记录 (保密制度): who read the customer list or a customer's statement, ledger or balances, and
// printed or exported them, and when (reads.log) — the manager's screen, by person and by day.

import { SystemTabs } from '../Backups/SystemTabs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Input, Output, ReadLogRow } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { formatDateTime, today } from '../../i18n/clock';
import { useI18n, type MsgKey } from '../../i18n';

/** The newest rows the screen holds; narrower filters show the rest. */
const SHOWN = 1000;

type Filter = Omit<Input<'reads.log'>, 'limit' | 'offset'>;

function useReadLog(filter: Filter) {
  const [data, setData] = useState<Output<'reads.log'> | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const r = await call('reads.log', { ...filter, limit: SHOWN });
    if (r.ok) (setData(r.value), setError(null));
    else setError(r.error);
  }, [filter]);
  useEffect(() => void load(), [load]);
  return { data, error, load };
}

function useStaff(): { id: number; name: string }[] {
  const [staff, setStaff] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    void call('users.list', {}).then((r) => r.ok && setStaff(r.value.map((u) => ({ id: u.id, name: u.name }))));
  }, []);
  return staff;
}

function Filters({ filter, onChange }: { filter: Filter; onChange(f: Filter): void }) {
  const { t } = useI18n();
  const staff = useStaff();
  const set = (p: Partial<Filter>) => onChange({ ...filter, ...p });
  return (
    <>
      <select
        className="input narrow-select"
        data-testid="reads-user"
        value={filter.userId ?? ''}
        onChange={(e) => set({ userId: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('reads.allUsers')}</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <label className="inline-field">
        <span>{t('reads.from')}</span>
        <input className="input date" type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="inline-field">
        <span>{t('reads.to')}</span>
        <input className="input date" type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      <button type="button" className="link-btn" onClick={() => set({ from: today(), to: today() })}>
        {t('reads.today')}
      </button>
    </>
  );
}

export function ReadLogScreen() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const { data, error, load } = useReadLog(filter);
  useHotkeys({ F5: () => void load(), Escape: () => navigate('/users') });
  const cols = useMemo<ColDef<ReadLogRow>[]>(
    () => [
      { colId: 'at', headerName: t('reads.at'), width: 160, valueGetter: (p) => formatDateTime(p.data?.at) },
      { colId: 'user', headerName: t('reads.user'), width: 110, valueGetter: (p) => p.data?.user.name ?? '' },
      { colId: 'what', headerName: t('reads.what'), width: 220, valueGetter: (p) => (p.data ? t(`reads.m.${p.data.method}` as MsgKey) : '') },
      {
        colId: 'customer',
        headerName: t('reads.customer'),
        flex: 1,
        minWidth: 220,
        valueGetter: (p) => (!p.data ? '' : p.data.customer ? `${p.data.customer.code} ${p.data.customer.name}` : t('reads.list')),
      },
      { field: 'detail', headerName: t('reads.detail'), width: 220 },
    ],
    [t],
  );
  return (
    <div className="screen-col">
      <Toolbar title={t('reads.title')} sub={data ? t('reads.sub', { n: data.total }) : undefined}>
        <SystemTabs on="reads" />
        <Filters filter={filter} onChange={setFilter} />
        <Btn hotkey="F5" onClick={() => void load()}>
          {t('reads.refresh')}
        </Btn>
        <Btn hotkey="Esc" onClick={() => navigate('/users')}>
          {t('reads.back')}
        </Btn>
      </Toolbar>
      <ErrorLine error={error} />
      <Notice>{t('reads.hint')}</Notice>
      {data && data.total > data.rows.length ? <Notice kind="warn">{t('reads.more', { shown: data.rows.length })}</Notice> : null}
      <div className="grid-fill">
        <Grid<ReadLogRow> rowData={data?.rows ?? []} columnDefs={cols} getRowId={(x) => String(x.data.id)} />
      </div>
      <KeyHints
        items={[
          ['F5', t('reads.refresh')],
          ['Esc', t('reads.back')],
        ]}
      />
    </div>
  );
}
