// 日结: the day's expected cash (opening + receipts − payments), the count sheet by denomination,
// each channel's statement figure, the reconciliation checks, then the sign-offs (finance, the
// statistician's countersign, the manager when something does not agree) → dayClose.close; the day
// is locked afterwards. The manager may reopen the latest closed day (反日结, DayCloseReopen.tsx).
// Below: the past closes, the 长款/短款 waiting in 待处理财产损溢 (SuspensePanel.tsx) and 账本核对
// (VerifyPanel.tsx: system.verify, with how far the audit chain is anchored).
// Keys: F5 refresh · F7 count sheet · F9 close.

import { useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { Grid } from '../../components/grid';
import { today } from '../../i18n/clock';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import type { DeskErr } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PrintButtons } from '../../printing/PrintButtons';
import { fen, financeChanged } from './common';
import { channelDiffs, countColumns, countedFenOf, countRowsOf, historyColumns, monthLockOf, type CountRow, type Rec } from './dayClose';
import { CashPanel, ClosedBox } from './DayCloseCash';
import { ChannelTable, ChecksTable } from './DayCloseChecks';
import { DayCloseSignoff } from './DayCloseSignoff';
import { ReopenDialog, ReopenedNotice } from './DayCloseReopen';
import { SuspensePanel } from './SuspensePanel';
import { PendingRefundsNotice } from './RefundParts';
import { OpenAdvancesNotice } from './AdvanceNotice';
import { InTransitNotice } from './DeliveryCashParts';
import { KeeperCheckNotice } from '../DailyCheck/KeeperCheckNotice';
import { useCloseDay } from './useCloseDay';
import { useDayClose } from './useDayClose';
import { VerifyPanel } from './VerifyPanel';
import { ReceiptButton } from '../../printing/receipts/ReceiptButton';

export function DayCloseScreen({ date: routeDate }: { date: string | null }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const dc = useDayClose(routeDate);
  const { status, date, pv, rec, counts, stmt } = dc;
  const [done, setDone] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const countGrid = useRef<AgGridReact<CountRow>>(null);

  const countedFen = countedFenOf(counts);
  const diffFen = countedFen - (pv?.cash.expectedFen ?? 0);
  const chanDiff = channelDiffs(pv, stmt);
  const anyChanDiff = chanDiff.some((c) => c.diffFen !== null && c.diffFen !== 0);
  const needManager = !!pv && (diffFen !== 0 || anyChanDiff || !pv.allPass);
  const { busy, close } = useCloseDay(dc, chanDiff, needManager, setDone);

  const countRows = useMemo(() => countRowsOf(counts), [counts]);
  const [countErr, setCountErr] = useState<DeskErr | null>(null);
  const countCols = useMemo(() => countColumns(t, pv?.closed, setCountErr), [t, pv?.closed]);
  const histCols = useMemo(() => historyColumns(t), [t]);

  useHotkeys({
    F5: () => void dc.load(),
    F9: () => void close(),
    F7: () => {
      if (pv?.closed) return;
      countGrid.current?.api.setFocusedCell(0, 'count');
      countGrid.current?.api.startEditingCell({ rowIndex: 0, colKey: 'count' });
    },
  });

  const dayOptions = Array.from(new Set([...(status?.openDays ?? []), status?.today ?? today(), date])).sort();
  const canClose = session.can('dayClose.close');
  const open = !!pv && !pv.closed;
  // the core reopens only the latest closed day, for the manager (rules.ts requireReopenable)
  const locked = monthLockOf(pv ?? null);
  const canReopen = !!pv?.closed && !locked && session.can('dayClose.reopen') && status?.lastClosed === date;
  const reopened = open ? dc.history.find((x) => x.date === date && x.reopened) : undefined;

  return (
    <div className="screen-col">
      <Toolbar title={t('dc.title')} sub={pv ? t('dc.sales', { n: pv.sales.dispatchCount, fen: fen(pv.sales.salesDetailFen) }) : undefined}>
        <Field label={t('dc.day')}>
          <select
            className="input"
            value={date}
            onChange={(e) => {
              setDone(null);
              navigate(`/dayclose/${e.target.value}`);
            }}
          >
            {dayOptions.map((d) => (
              <option key={d} value={d}>
                {d}
                {d === status?.today ? ` (${t('dc.today')})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Btn onClick={() => void dc.load()} hotkey="F5">
          {t('keys.refresh')}
        </Btn>
        {/* 现金盘点表: the day's count sheet (a finance paper: previewed and printed, not logged) */}
        <PrintButtons target={{ doc: 'cashCount', date }} unlogged />
        {pv?.closed && rec ? <ReceiptButton kind="dayClose" id={rec.id} /> : null}
        {canReopen ? (
          <Btn variant="danger" onClick={() => setReopening(true)}>
            {t('ro.reopen')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={dc.loadErr} />
      <ErrorLine error={countErr} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {pv?.closed ? <ClosedBox rec={rec} /> : null}
      {locked ? <Notice kind="warn">{lang === 'zh' ? locked.message_zh : locked.message_en}</Notice> : null}
      {reopened ? <ReopenedNotice rec={reopened} /> : null}
      {pv && !pv.canClose && !pv.closed ? (
        <Notice kind="warn">
          {t('dc.cannotClose')}: {pv.blockers.map((b) => (lang === 'zh' ? b.message_zh : b.message_en)).join('; ')}
        </Notice>
      ) : null}
      {pv ? <PendingRefundsNotice pv={pv} /> : null}
      {pv ? <InTransitNotice pv={pv} /> : null}
      {pv ? <OpenAdvancesNotice pv={pv} /> : null}
      {pv ? <KeeperCheckNotice pv={pv} /> : null}
      <div className="fin-scroll">
        {pv ? (
          <div className="fin-cols">
            <CashPanel
              pv={pv}
              rec={rec}
              rows={countRows}
              countedFen={countedFen}
              diffFen={diffFen}
              columns={countCols}
              grid={countGrid}
              onCount={(d, n) => dc.setCounts((c) => ({ ...c, [d]: n }))}
            />
            <div className="fin-panel">
              <h2>{t('dc.channels')}</h2>
              <ChannelTable pv={pv} rec={rec} chanDiff={chanDiff} stmt={stmt} onStatement={(a, v) => dc.setStmt((s) => ({ ...s, [a]: v }))} />
              <h2>{t('dc.checks')}</h2>
              <ChecksTable checks={pv.checks} />
              {open && canClose && pv.canClose ? (
                <DayCloseSignoff dc={dc} countedFen={countedFen} needManager={needManager} busy={busy} onClose={() => void close()} />
              ) : null}
            </div>
          </div>
        ) : null}
        <div className="subhead">{t('dc.history')}</div>
        <Grid<Rec>
          className="grid-half"
          height={200}
          rowData={dc.history}
          columnDefs={histCols}
          getRowId={(x) => String(x.data.id)}
          onRowDoubleClicked={(e) => e.data && navigate(`/dayclose/${e.data.date}`)}
        />
        {session.can('dayClose.differences') ? <SuspensePanel refreshKey={pv} onDecided={setDone} /> : null}
        {session.can('system.verify') ? <VerifyPanel /> : null}
      </div>
      {reopening ? (
        <ReopenDialog
          date={date}
          onCancel={() => setReopening(false)}
          onDone={(r) => {
            setReopening(false);
            setDone(t('ro.done', { date: r.date }));
            financeChanged();
            void dc.load();
          }}
        />
      ) : null}
      <KeyHints
        items={[
          ...(open
            ? ([
                ['F7', t('dc.countTitle')],
                ['Enter', t('keys.editCell')],
              ] as [string, string][])
            : []),
          ...(open && pv.canClose && canClose ? ([['F9', t('dc.close')]] as [string, string][]) : []),
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}
