// 每日对账: the items that moved on the business day, by location, with today's in and out and the
// book balance. The keeper fills in 实存 only where the shelf differs (Enter on the cell), then
// confirms (F9). Shortages open a draft write-off for the manager; surpluses wait for the count;
// the books do not change here. Once confirmed the screen says who checked and when.
// Keys: Enter edit 实存 · F9 确认对账 · F5 refresh.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CellEditRequestEvent, ColDef } from 'ag-grid-community';
import type { DailyCheckLine, Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { ConfirmDialog } from '../../components/dialogs';
import { Grid, qtyCol } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useWrite } from '../../hooks/useWrite';
import { formatDateTime } from '../../i18n/clock';
import { localError, useI18n, type I18n } from '../../i18n';
import { parseQty } from '../../numbers';
import { useSession } from '../../session';
import { StockTabs } from './StockTabs';

type Row = DailyCheckLine & { counted: number | null };

function columns(t: I18n['t'], editable: boolean): ColDef<Row>[] {
  return [
    { field: 'location', headerName: t('dk.location'), width: 90, cellClass: 'mono' },
    { field: 'code', headerName: t('dk.code'), width: 120, cellClass: 'mono' },
    { field: 'name', headerName: t('dk.name'), flex: 1, minWidth: 160 },
    { field: 'unit', headerName: t('dk.unit'), width: 64 },
    qtyCol<Row>({ field: 'inQty', headerName: t('dk.in') }),
    qtyCol<Row>({ field: 'outQty', headerName: t('dk.out') }),
    qtyCol<Row>({ field: 'bookQty', headerName: t('dk.book'), width: 100 }),
    qtyCol<Row>({ field: 'counted', headerName: t('dk.counted'), width: 150, editable, cellClass: editable ? 'cell-editable' : undefined }),
    qtyCol<Row>({
      colId: 'diff',
      headerName: t('dk.diff'),
      valueGetter: (x) => (x.data && x.data.counted != null ? x.data.counted - x.data.bookQty : null),
    }),
  ];
}

export function DailyCheckScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [data, setData] = useState<Output<'dailyCheck.day'> | null>(null);
  const [counted, setCounted] = useState<Record<number, number>>({});
  const [error, setError] = useState<DeskErr | null>(null);
  const [asking, setAsking] = useState(false);
  const w = useWrite();
  const load = useCallback(async () => {
    const r = await call('dailyCheck.day', {});
    if (!r.ok) return setError(r.error);
    setData(r.value);
    setError(null);
  }, []);
  useEffect(() => void load(), [load]);

  const open = session.can('dailyCheck.confirm') && !!data && !data.check && data.lines.length > 0;
  const rows = useMemo<Row[]>(() => (data?.lines ?? []).map((l) => ({ ...l, counted: counted[l.itemId] ?? null })), [data, counted]);
  const cols = useMemo(() => columns(t, open), [t, open]);
  const diffs = rows.filter((r) => r.counted != null && r.counted !== r.bookQty);

  const onEdit = (e: CellEditRequestEvent<Row>) => {
    if (!e.data) return;
    const text = String(e.newValue ?? '').trim();
    const id = e.data.itemId;
    if (text === '') return setCounted(({ [id]: _gone, ...rest }) => rest);
    const q = parseQty(text, { field: 'count', min: 0 });
    if (!q.ok) return setError(localError('dk.badCount', { row: (e.rowIndex ?? 0) + 1 }));
    setError(null);
    setCounted((c) => ({ ...c, [id]: q.value }));
  };
  const confirm = () =>
    void w.run(
      (requestId) => call('dailyCheck.confirm', { differences: diffs.map((d) => ({ itemId: d.itemId, countedQty: d.counted! })) }, { requestId }),
      () => {
        setAsking(false);
        setCounted({});
        void load();
      },
    );
  useHotkeys({ F5: () => void load(), ...(open ? { F9: () => setAsking(true) } : {}) });

  const c = data?.check;
  return (
    <div className="screen-col" data-testid="daily-check-screen">
      <Toolbar title={t('dk.title')} sub={data ? t('dk.sub', { date: data.date, n: data.lines.length }) : undefined}>
        <StockTabs on="daily" />
        {session.can('dailyCheck.confirm') ? (
          <Btn variant="primary" hotkey="F9" disabled={!open} onClick={() => setAsking(true)}>
            {t('dk.confirm')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {c ? (
        <Notice kind="ok">
          {t('dk.done', { date: c.date, name: c.by.name, at: formatDateTime(c.at), n: c.differences.length })}
          {c.writeoff ? (
            <>
              {' · '}
              <a href={`#/slips/${c.writeoff.id}`}>{t('dk.writeoff', { no: c.writeoff.no })}</a>
            </>
          ) : null}
        </Notice>
      ) : data && data.lines.length === 0 ? (
        <Notice kind="info">{t('dk.none')}</Notice>
      ) : null}
      <div className="grid-fill">
        <Grid<Row> rowData={rows} columnDefs={cols} getRowId={(x) => String(x.data.itemId)} readOnlyEdit onCellEditRequest={onEdit} />
      </div>
      <KeyHints
        items={[
          ...(open
            ? ([
                ['Enter', t('dk.counted')],
                ['F9', t('dk.confirm')],
              ] as [string, string][])
            : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      <p className="hint-line">{t('dk.hint')}</p>
      {asking && data ? (
        <ConfirmDialog
          title={t('dk.confirm')}
          confirmText={t('dk.confirm')}
          busy={w.busy}
          error={w.error}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
        >
          <p className="dialog-text">
            {t('dk.confirmAsk', { date: data.date, n: diffs.length, wo: diffs.some((d) => d.counted! < d.bookQty) ? t('dk.confirmWo') : '' })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
