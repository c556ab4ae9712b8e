// The state of the 日结 screen: which day (the route's, else the oldest day still open, else
// today), its preview and its close record if closed, the past closes, and the count sheet,
// statements, reason and sign-offs being filled in (fresh for each day).

import { useCallback, useEffect, useRef, useState } from 'react';
import { call, newRequestId, type DeskErr } from '../../api';
import { today } from '../../i18n/clock';
import { useDayStatus, type Signoff } from './common';
import { emptyCounts, type Counts, type Preview, type Rec } from './dayClose';

const noSignoff: Signoff = { user: null, pin: '' };

/** The day shown: the route's, else (once the status is known) the oldest day still open, else today. */
function useDay(routeDate: string | null) {
  const status = useDayStatus();
  const [date, setDate] = useState<string>(routeDate ?? today());
  useEffect(() => {
    if (routeDate) setDate(routeDate);
  }, [routeDate]);
  const defaulted = useRef(false);
  useEffect(() => {
    if (routeDate || defaulted.current || !status) return;
    defaulted.current = true;
    setDate(status.openDays[0] ?? status.today);
  }, [routeDate, status]);
  return { status, date };
}

export function useDayClose(routeDate: string | null) {
  const { status, date } = useDay(routeDate);
  const [pv, setPv] = useState<Preview | null>(null);
  const [rec, setRec] = useState<Rec | null>(null);
  const [history, setHistory] = useState<Rec[]>([]);
  const [loadErr, setLoadErr] = useState<DeskErr | null>(null);
  const [counts, setCounts] = useState<Counts>(emptyCounts);
  const [stmt, setStmt] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [mgr, setMgr] = useState<Signoff>(noSignoff);
  const [fin, setFin] = useState<Signoff>(noSignoff);
  const [stat, setStat] = useState<Signoff>(noSignoff);
  const [closeErr, setCloseErr] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());

  const load = useCallback(async () => {
    const r = await call('dayClose.preview', { date });
    if (!r.ok) {
      setLoadErr(r.error);
      setPv(null);
      return;
    }
    setLoadErr(null);
    setPv(r.value);
    setStmt((s) => {
      const n: Record<string, string> = {};
      for (const c of r.value.channels) n[c.account] = s[c.account] ?? '';
      return n;
    });
    const h = await call('dayClose.list', { limit: 100, offset: 0 });
    if (h.ok) {
      setHistory(h.value.rows);
      setRec(h.value.rows.find((x) => x.date === date && !x.reopened) ?? null); // the close in force
    }
  }, [date]);
  // another day: a fresh count sheet
  useEffect(() => {
    setCounts(emptyCounts());
    setStmt({});
    setReason('');
    setCloseErr(null);
    requestId.current = newRequestId();
  }, [date]);
  useEffect(() => {
    void load();
  }, [load]);

  return {
    status,
    date,
    pv,
    rec,
    history,
    loadErr,
    load,
    counts,
    setCounts,
    stmt,
    setStmt,
    reason,
    setReason,
    signoffs: { mgr, setMgr, fin, setFin, stat, setStat },
    closeErr,
    setCloseErr,
    requestId,
  };
}

export type DayClose = ReturnType<typeof useDayClose>;
