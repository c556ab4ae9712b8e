// 用户变更记录: every change of roles, PINs and user state, newest first, as the audit recorded it
// (users.changes) — who made it, when (office time), to whom, and who confirmed a grant. PINs are
// never shown, only that one was set.

import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { UserChange } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { ErrorLine } from '../../components/ui';
import { formatDateTime } from '../../i18n/clock';
import { useI18n } from '../../i18n';

export function UserChanges({ reload }: { reload: number }) {
  const { t, roles } = useI18n();
  const [rows, setRows] = useState<UserChange[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  useEffect(() => {
    void call('users.changes', {}).then((r) => (r.ok ? (setRows(r.value), setError(null)) : setError(r.error)));
  }, [reload]);

  const what = (c: UserChange): string =>
    [
      c.roles ? `${t('usr.roles')}: ${roles(c.roles)}` : '',
      c.pinSet ? t(c.kind === 'create' ? 'usr.chg.pin' : 'usr.chg.pinReset') : '',
      c.active === null ? '' : t(c.active ? 'usr.chg.enabled' : 'usr.chg.disabled'),
    ]
      .filter(Boolean)
      .join(' · ');

  const cols = useMemo<ColDef<UserChange>[]>(
    () => [
      { colId: 'at', headerName: t('usr.chg.at'), width: 150, valueGetter: (p) => formatDateTime(p.data?.at) },
      { field: 'by', headerName: t('usr.chg.by'), width: 120 },
      { colId: 'kind', headerName: t('usr.chg.kind'), width: 90, valueGetter: (p) => (p.data ? t(p.data.kind === 'create' ? 'usr.new' : 'usr.edit') : '') },
      { field: 'user', headerName: t('usr.name'), width: 120 },
      { colId: 'what', headerName: t('usr.chg.what'), flex: 1, minWidth: 260, valueGetter: (p) => (p.data ? what(p.data) : '') },
      { colId: 'second', headerName: t('usr.chg.second'), width: 130, valueGetter: (p) => p.data?.second ?? '' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, roles],
  );
  return (
    <>
      <ErrorLine error={error} />
      <Grid<UserChange> rowData={rows} columnDefs={cols} className="user-changes" />
    </>
  );
}
