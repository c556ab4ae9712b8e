// 考勤: report B 人员考勤表 for a month as a grid (a column per day), and the leave requests under it.
// On 用户管理's 考勤 tab the manager and finance see everyone (PDF, Excel; the manager decides leave
// with F6 批准 / F7 驳回 and sets the working hours); on 我的报销's 我的考勤 tab a person sees their own
// row and leave. Everyone asks for leave with F2. Keys: F2 请假 · F6 批准 · F7 驳回 · F5 refresh.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useOfficeToday } from '../../i18n/clock';
import { useSession } from '../../session';
import { SystemTabs } from '../Backups/SystemTabs';
import { fen } from '../Finance/common';
import { MyTabs } from './AttendanceTabs';
import { ReportButtons } from './ReportButtons';
import { DecideLeaveDialog, NewLeaveDialog } from './LeaveParts';
import { leaveColumns, leaveStateName, monthColumns, type Leave, type Month, type MonthRow } from './attendance';
import { UsersScreen } from '../Users/UsersScreen';
import './attendance.css';

type DialogKind = 'new' | 'approve' | 'reject';

export function AttendanceScreen({ mine }: { mine: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const todayDate = useOfficeToday();
  const [month, setMonth] = useState(todayDate.slice(0, 7));
  const [report, setReport] = useState<Month | null>(null);
  const [leaves, setLeaves] = useState<Leave[]>([]);
  const [sel, setSel] = useState<Leave | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const userId = mine ? session.user?.id : undefined;
  const canDecide = !mine && session.can('attendance.decideLeave');
  const pending = canDecide && sel?.state === 'pending';

  const load = useCallback(async () => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    const [m, l] = await Promise.all([call('attendance.month', { month, userId }), call('attendance.leaves', { month, userId })]);
    setError(!m.ok ? m.error : !l.ok ? l.error : null);
    if (m.ok) setReport(m.value);
    if (l.ok) {
      setLeaves(l.value.rows);
      setSel((s) => (s ? (l.value.rows.find((x) => x.id === s.id) ?? null) : null));
    }
  }, [month, userId]);
  useEffect(() => {
    void load();
  }, [load]);

  useHotkeys({ F2: () => setDialog('new'), F5: () => void load(), ...(pending ? { F6: () => setDialog('approve'), F7: () => setDialog('reject') } : {}) });
  const cols = useMemo(() => (report ? monthColumns(t, report) : []), [t, report]);
  const leaveCols = useMemo(() => leaveColumns(t), [t]);
  const changed = (msg: string) => {
    setDialog(null);
    setDone(msg);
    void load();
  };
  const sub = report
    ? t('att.sub', {
        month: report.month,
        late: report.totals.late,
        early: report.totals.early,
        absent: report.totals.absent,
        fen: fen(report.totals.deductionFen),
      })
    : undefined;

  return (
    <div className="screen-col" data-testid="attendance-screen">
      <Toolbar title={t(mine ? 'att.myTitle' : 'att.title')} sub={sub}>
        {mine ? <MyTabs on="attendance" /> : <SystemTabs on="attendance" />}
        <input
          className="input date"
          type="month"
          aria-label={t('att.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          data-testid="att-month"
        />
        <Btn variant="primary" hotkey="F2" onClick={() => setDialog('new')}>
          {t('att.newLeave')}
        </Btn>
        {canDecide ? (
          <>
            <Btn hotkey="F6" disabled={!pending} onClick={() => setDialog('approve')}>
              {t('att.approve')}
            </Btn>
            <Btn variant="danger" hotkey="F7" disabled={!pending} onClick={() => setDialog('reject')}>
              {t('att.reject')}
            </Btn>
          </>
        ) : null}
        {!mine && report ? <ReportButtons report={report} onError={setError} onSaved={(msg) => changed(msg)} /> : null}
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="att-key">{t('att.key')}</div>
      <div className="att-month-grid">
        {/* the month's calendar (its rest days) shapes the day columns: a new calendar, a new grid */}
        <Grid<MonthRow>
          key={report ? `${report.month}:${report.days.map((d) => (d.workday ? 1 : 0)).join('')}` : ''}
          rowData={report?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.user.id)}
          domLayout="autoHeight"
          height="auto"
        />
      </div>
      <h3 className="att-caption">{t('att.leaves')}</h3>
      <div className="grid-fill">
        <Grid<Leave> rowData={leaves} columnDefs={leaveCols} getRowId={(x) => String(x.data.id)} {...selectFollowsFocus<Leave>(setSel)} />
      </div>
      <KeyHints
        items={[
          ['F2', t('att.newLeave')],
          ...(canDecide
            ? ([
                ['F6', t('att.approve')],
                ['F7', t('att.reject')],
              ] as [string, string][])
            : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      {dialog === 'new' ? (
        <NewLeaveDialog onCancel={() => setDialog(null)} onDone={(l) => changed(t('att.leaveDone', { from: l.from, to: l.to, days: l.days }))} />
      ) : null}
      {(dialog === 'approve' || dialog === 'reject') && sel ? (
        <DecideLeaveDialog
          leave={sel}
          decision={dialog}
          onCancel={() => setDialog(null)}
          onDone={(l) => changed(t('att.decided', { name: l.user.name, state: leaveStateName(t, l.state) }))}
        />
      ) : null}
    </div>
  );
}

/** 用户管理's entry: the users for whoever may list them, else (finance) the 考勤 tab. */
export function UsersHome() {
  const session = useSession();
  return session.can('users.list') ? <UsersScreen /> : <AttendanceScreen mine={false} />;
}
