// 安全库存定额表: every active item with on hand, safety stock, net sales over the window, the
// average per day and the suggested figure (whole cases), and any proposal waiting. The keeper or the
// statistician proposes a figure (F2); the manager approves or rejects it with the PIN (F6); the
// table exports as shown. A window or cover typed out of bounds is refused by the core and the
// table keeps what it showed.
// Keys: F2 提议定额 · F6 审批提议 · F5 refresh · ↓ into the list.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { SafetyProposal, SafetyRow } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { focusedRow, Grid } from '../../components/grid';
import { downIntoGrid } from '../../components/gridKeys';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { localError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ItemsTabs } from './ItemsTabs';
import { DecideDialog, ProposeDialog } from './SafetyDialogs';
import { safetyColumns } from './safetyColumns';

type Dialog = { kind: 'propose'; row: SafetyRow } | { kind: 'decide'; p: SafetyProposal } | null;

function useSafetyTable() {
  const [windowText, setWindowText] = useState('90');
  const [coverText, setCoverText] = useState('15');
  const [query, setQuery] = useState('');
  const [data, setData] = useState<{ asOf: string; rows: SafetyRow[]; windowDays: number; coverDays: number } | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const windowDays = Number(windowText);
    const coverDays = Number(coverText);
    const r = await call('safety.table', { windowDays, coverDays, query: query.trim() });
    if (!r.ok) return setError(r.error); // the table keeps what it showed
    setError(null);
    setData({ ...r.value, windowDays, coverDays });
  }, [windowText, coverText, query]);
  useEffect(() => {
    const h = setTimeout(() => void load(), 200);
    return () => clearTimeout(h);
  }, [load]);
  return { windowText, setWindowText, coverText, setCoverText, query, setQuery, data, error, setError, load };
}

export function SafetyScreen() {
  const { t } = useI18n();
  const session = useSession();
  const s = useSafetyTable();
  const [belowOnly, setBelowOnly] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const grid = useRef<AgGridReact<SafetyRow>>(null);
  const canPropose = session.can('safety.propose');
  const canDecide = session.can('safety.decide');

  const rows = useMemo(() => (s.data?.rows ?? []).filter((r) => !belowOnly || r.safetyStock < r.usage.suggested), [s.data, belowOnly]);
  const cols = useMemo(() => safetyColumns(t, s.data?.windowDays ?? 90), [t, s.data?.windowDays]);
  const pendingCount = (s.data?.rows ?? []).filter((r) => r.pending).length;

  const propose = () => {
    const row = focusedRow(grid) ?? rows[0];
    if (canPropose && row && s.data) setDialog({ kind: 'propose', row });
  };
  const decide = () => {
    const row = focusedRow(grid) ?? rows.find((r) => r.pending);
    if (!canDecide || !row) return;
    if (!row.pending) return s.setError(localError('sf.noPending'));
    setDialog({ kind: 'decide', p: row.pending });
  };
  const finish = (text: string) => {
    setDialog(null);
    setDone(text);
    void s.load();
  };
  useHotkeys({ F2: propose, F6: decide, F5: () => void s.load() });

  return (
    <div className="screen-col" data-testid="safety-screen">
      <Toolbar title={t('sf.title')} sub={s.data ? t('sf.sub', { date: s.data.asOf, n: s.data.rows.length, p: pendingCount }) : ''}>
        <ItemsTabs on="safety" />
        <label className="inline-label">
          {t('sf.window')}
          <input
            className="input narrow"
            inputMode="numeric"
            value={s.windowText}
            onChange={(e) => s.setWindowText(e.target.value)}
            data-testid="safety-window"
          />
        </label>
        <label className="inline-label">
          {t('sf.cover')}
          <input className="input narrow" inputMode="numeric" value={s.coverText} onChange={(e) => s.setCoverText(e.target.value)} data-testid="safety-cover" />
        </label>
        <input
          className="input search"
          placeholder={t('sf.query')}
          value={s.query}
          onChange={(e) => s.setQuery(e.target.value)}
          onKeyDown={downIntoGrid(grid)}
        />
        <label className="inline-label">
          <input type="checkbox" checked={belowOnly} onChange={(e) => setBelowOnly(e.target.checked)} /> {t('sf.belowOnly')}
        </label>
        <ExportButton
          title={t('sf.title')}
          grid={grid}
          filters={[
            { label: t('sf.window'), value: s.windowText },
            { label: t('sf.cover'), value: s.coverText },
          ]}
        />
        {canPropose ? (
          <Btn variant="primary" hotkey="F2" onClick={propose}>
            {t('sf.propose')}
          </Btn>
        ) : null}
        {canDecide ? (
          <Btn variant="primary" hotkey="F6" onClick={decide} disabled={pendingCount === 0}>
            {t('sf.decide')}
          </Btn>
        ) : null}
      </Toolbar>
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <ErrorLine error={s.error} />
      <div className="grid-fill">
        <Grid<SafetyRow>
          ref={grid}
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.itemId)}
          rowClassRules={{ 'row-below': (x) => !!x.data && x.data.onHand < x.data.safetyStock }}
        />
      </div>
      <KeyHints
        items={[
          ['↓', t('keys.toList')],
          ...(canPropose ? ([['F2', t('sf.propose')]] as [string, string][]) : []),
          ...(canDecide ? ([['F6', t('sf.decide')]] as [string, string][]) : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      <p className="hint-line">{t('sf.hint')}</p>
      {dialog?.kind === 'propose' && s.data ? (
        <ProposeDialog
          row={dialog.row}
          win={{ windowDays: s.data.windowDays, coverDays: s.data.coverDays }}
          onCancel={() => setDialog(null)}
          onDone={(p) => finish(t('sf.proposed', { code: p.itemCode, qty: p.qty }))}
        />
      ) : null}
      {dialog?.kind === 'decide' ? (
        <DecideDialog
          p={dialog.p}
          onCancel={() => setDialog(null)}
          onDone={(p) => finish(p.state === 'approved' ? t('sf.approved', { code: p.itemCode, qty: p.qty }) : t('sf.rejected', { code: p.itemCode }))}
        />
      ) : null}
    </div>
  );
}
