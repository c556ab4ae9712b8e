// 备份 (admin; /users/backups, the second tab of 用户管理): the backup folder and daily time (BackupSettingsForm), the desk's backups in the
// folder with what the log says of each (ag-grid), 立即备份 and 恢复 (RestoreDialog). The manager may
// see the list and back up now; only the admin sets the folder and restores.
// Keys: F2 立即备份 · F4 恢复 · F5 refresh.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { BackupFile } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { BACKUPS_CHANGED } from '../../components/BackupStatus';
import { focusedRow, Grid } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import { BackupSettingsForm } from './BackupSettingsForm';
import { RestoreDialog } from './RestoreDialog';
import { SystemTabs } from './SystemTabs';
import './backups.css';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function useBackupColumns(): ColDef<BackupFile>[] {
  const { t } = useI18n();
  return useMemo<ColDef<BackupFile>[]>(
    () => [
      { field: 'madeAt', headerName: t('bk.madeAt'), width: 150, sort: 'desc' },
      { colId: 'kind', headerName: t('bk.kind'), width: 90, valueGetter: (p) => (p.data ? t(`bk.kind.${p.data.kind}` as MsgKey) : '') },
      { field: 'file', headerName: t('bk.file'), width: 320 },
      { colId: 'bytes', headerName: t('bk.size'), width: 100, type: 'rightAligned', valueGetter: (p) => (p.data ? size(p.data.bytes) : '') },
      {
        colId: 'ok',
        headerName: t('bk.check'),
        width: 90,
        valueGetter: (p) => (!p.data ? '' : p.data.ok === null ? t('bk.check.unknown') : t(p.data.ok ? 'bk.check.ok' : 'bk.check.bad')),
        cellClass: (p) => (p.data?.ok === false ? 'cell-bad' : ''),
      },
      { colId: 'present', headerName: t('bk.present'), width: 100, valueGetter: (p) => (p.data ? t(p.data.present ? 'bk.present' : 'bk.gone') : '') },
      { field: 'message', headerName: t('bk.message'), flex: 1, minWidth: 200, tooltipField: 'message' },
    ],
    [t],
  );
}

export function BackupsScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [rows, setRows] = useState<BackupFile[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const grid = useRef<AgGridReact<BackupFile>>(null);
  const cols = useBackupColumns();

  const load = useCallback(async () => {
    const r = await call('backups.list', {});
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value);
  }, []);
  useEffect(() => void load(), [load]);

  const runNow = async () => {
    setRunning(true);
    setNotice(null);
    const r = await call('backups.runNow', {});
    setRunning(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setNotice(
      r.value.ok ? { kind: 'ok', text: t('bk.madeOk', { file: r.value.file }) } : { kind: 'error', text: t('bk.madeBad', { message: r.value.message }) },
    );
    window.dispatchEvent(new Event(BACKUPS_CHANGED));
    void load();
  };
  const restore = () => {
    const b = focusedRow(grid) ?? grid.current?.api.getSelectedRows()[0];
    if (!b) return setNotice({ kind: 'error', text: t('bk.pickRow') });
    if (!b.present) return setNotice({ kind: 'error', text: t('bk.notPresent') });
    setRestoring(b);
  };
  const canRestore = session.can('backups.restore');
  useHotkeys({ F2: () => void runNow(), F4: () => canRestore && restore(), F5: () => void load() });

  return (
    <div className="screen-col backups-screen" data-testid="backups-screen">
      <Toolbar title={t('bk.title')}>
        <SystemTabs on="backups" />
        <Btn variant="primary" hotkey="F2" disabled={running} onClick={() => void runNow()} data-testid="backup-now">
          {running ? t('bk.running') : t('bk.runNow')}
        </Btn>
        {canRestore ? (
          <Btn hotkey="F4" onClick={restore} data-testid="backup-restore">
            {t('bk.restore')}
          </Btn>
        ) : null}
        <Btn hotkey="F5" onClick={() => void load()}>
          {t('keys.refresh')}
        </Btn>
      </Toolbar>
      {session.can('backups.setSettings') ? <BackupSettingsForm onSaved={() => void load()} /> : null}
      <ErrorLine error={error} />
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <div className="subhead">{t('bk.list')}</div>
      <div className="grid-fill">
        <Grid<BackupFile>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => x.data.file}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onRowDoubleClicked={(e) => canRestore && e.data && e.data.present && setRestoring(e.data)}
        />
      </div>
      <KeyHints items={[['F2', t('bk.runNow')], ...(canRestore ? ([['F4', t('bk.restore')]] as [string, string][]) : []), ['F5', t('keys.refresh')]]} />
      {restoring ? <RestoreDialog backup={restoring} onCancel={() => setRestoring(null)} /> : null}
    </div>
  );
}
