// 用户管理 (admin, manager): the users with their roles (兼任), active or disabled and whether they
// have a signature image; create (name, title, roles, PIN twice), edit (title, roles, active, reset
// PIN) and the signature image (PNG upload with preview, clear) in UserDialog. Keys: F2 new · Enter / F4 edit · F5 refresh.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { User } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { focusedRow, Grid } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { UserChanges } from './UserChanges';
import { UserDialog } from './UserDialog';
import { useSession } from '../../session';
import { navigate } from '../../hooks/router';

export function UsersScreen() {
  const { t, roles } = useI18n();
  const [rows, setRows] = useState<User[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const grid = useRef<AgGridReact<User>>(null);
  /** 用户变更记录 instead of the list (F6) */
  const [changes, setChanges] = useState(false);
  const [loads, setLoads] = useState(0);

  const load = useCallback(async () => {
    const r = await call('users.list', {});
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value);
    setLoads((n) => n + 1);
  }, []);
  useEffect(() => void load(), [load]);

  const editFocused = () => {
    const user = focusedRow(grid);
    if (user) setEditing({ user });
  };
  // 查阅记录 (保密制度): who read the customer list and statements, for the manager
  const canReads = useSession().can('reads.log');
  const toReads = () => canReads && navigate('/users/reads');
  useHotkeys({ F2: () => setEditing({ user: null }), F4: editFocused, F5: () => void load(), F6: () => setChanges((c) => !c), F7: toReads });

  const cols = useMemo<ColDef<User>[]>(
    () => [
      { field: 'name', headerName: t('usr.name'), width: 130 },
      { field: 'title', headerName: t('usr.jobTitle'), width: 160 },
      {
        colId: 'roles',
        headerName: t('usr.roles'),
        flex: 1,
        minWidth: 200,
        valueGetter: (p) => (p.data ? roles(p.data.roles) + (p.data.roles.length > 1 ? ' (兼任)' : '') : ''),
      },
      { colId: 'active', headerName: t('usr.active'), width: 90, valueGetter: (p) => (p.data?.active ? t('usr.active') : t('usr.inactive')) },
      { colId: 'sig', headerName: t('usr.hasSig'), width: 100, valueGetter: (p) => (p.data?.hasSignature ? t('usr.yes') : t('usr.no')) },
    ],
    [t, roles],
  );

  return (
    <div className="screen-col" data-testid="users-screen">
      <Toolbar title={t('usr.title')} sub={String(rows.length)}>
        <Btn variant="primary" hotkey="F2" onClick={() => setEditing({ user: null })} data-testid="user-new">
          {t('usr.new')}
        </Btn>
        <Btn hotkey="F5" onClick={() => void load()}>
          {t('keys.refresh')}
        </Btn>
        <Btn hotkey="F6" onClick={() => setChanges((c) => !c)} data-testid="user-changes-toggle">
          {t(changes ? 'usr.chg.back' : 'usr.chg.title')}
        </Btn>
        {canReads ? (
          <Btn hotkey="F7" onClick={toReads} data-testid="reads-open">
            {t('nav.reads')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {changes ? <UserChanges reload={loads} /> : null}
      {changes ? null : (
        <Grid<User>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          onRowDoubleClicked={(e) => e.data && setEditing({ user: e.data })}
          onCellKeyDown={(e) => {
            if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) setEditing({ user: e.data });
          }}
        />
      )}
      <KeyHints
        items={[
          ['F2', t('usr.new')],
          ['Enter', t('usr.edit')],
          ['F5', t('keys.refresh')],
          ['F6', t('usr.chg.title')],
          ...(canReads ? [['F7', t('nav.reads')] as [string, string]] : []),
        ]}
      />
      {editing ? (
        <UserDialog
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setDone(t('usr.saved', { name: u.name }));
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
