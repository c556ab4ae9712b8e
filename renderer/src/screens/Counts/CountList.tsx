// The counts, newest first; F2 starts one (the keeper), Enter opens the focused one; the manager
// sets how the office counts (盘点设置: 盲盘/明盘, 复核).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Count } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { focusedRow, Grid } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { listColumns } from './countColumns';
import { NewCountDialog } from './CountDialogs';
import { CountSettingsDialog } from './CountMoreDialogs';

export function CountList() {
  const { t } = useI18n();
  const session = useSession();
  const [rows, setRows] = useState<Count[]>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const [saved, setSaved] = useState(false);
  const grid = useRef<AgGridReact<Count>>(null);
  const canCreate = session.can('counts.create');

  const load = useCallback(async () => {
    const r = await call('counts.list', {});
    if (!r.ok) return setError(r.error);
    setRows(r.value);
    setError(null);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const open = () => {
    const c = focusedRow(grid);
    if (c) navigate(`/counts/${c.id}`);
  };
  useHotkeys({ F5: () => void load(), Enter: open, ...(canCreate ? { F2: () => setCreating(true) } : {}) });
  const cols = useMemo(() => listColumns(t), [t]);

  return (
    <div className="screen-col">
      <Toolbar title={t('ct.title')}>
        {canCreate ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setCreating(true)} data-testid="count-new">
            {t('ct.new')}
          </Btn>
        ) : null}
        {session.can('counts.setSettings') ? (
          <Btn onClick={() => (setSaved(false), setSettings(true))} data-testid="count-settings">
            {t('ctm.settings')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {saved ? <Notice kind="ok">{t('ctm.saved')}</Notice> : null}
      <div className="grid-fill">
        <Grid<Count>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          onRowDoubleClicked={(x) => x.data && navigate(`/counts/${x.data.id}`)}
        />
      </div>
      <KeyHints items={[...(canCreate ? ([['F2', t('ct.new')]] as [string, string][]) : []), ['Enter', t('ct.openCount')], ['F5', t('keys.refresh')]]} />
      {settings ? <CountSettingsDialog onClose={() => setSettings(false)} onDone={() => (setSettings(false), setSaved(true))} /> : null}
      {creating ? <NewCountDialog onClose={() => setCreating(false)} onMade={(c) => navigate(`/counts/${c.id}`)} /> : null}
    </div>
  );
}
