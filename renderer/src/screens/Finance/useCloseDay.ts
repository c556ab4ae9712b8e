// 日结 (F9): every channel needs its statement figure, finance and the statistician their PINs,
// and the manager too when something does not agree; then dayClose.close locks the day.

import { useState } from 'react';
import { call, newRequestId } from '../../api';
import { localError, useI18n } from '../../i18n';
import { acctKey, financeChanged } from './common';
import type { ChannelDiff } from './dayClose';
import type { DayClose } from './useDayClose';

export function useCloseDay(dc: DayClose, chanDiff: ChannelDiff[], needManager: boolean, onDone: (msg: string) => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const { pv, signoffs: so, setCloseErr, requestId } = dc;

  /** The statements of the channels, or null (and the cursor on the one missing). */
  const statements = (): Record<'wechat' | 'alipay' | 'bank', number> | null => {
    const ch: Record<'wechat' | 'alipay' | 'bank', number> = { wechat: 0, alipay: 0, bank: 0 };
    for (const c of chanDiff) {
      if (c.account === 'cash') continue;
      if (c.confirmedFen === null) {
        setCloseErr(localError('dc.needStatement', { account: t(acctKey(c.account)) }));
        document.querySelector<HTMLInputElement>(`input[data-account="${c.account}"]`)?.focus();
        return null;
      }
      ch[c.account] = c.confirmedFen;
    }
    return ch;
  };

  const close = async () => {
    if (!pv || busy || pv.closed) return;
    const ch = statements();
    if (!ch) return;
    const { fin, stat, mgr } = so;
    if (fin.user === null || fin.pin.length < 4 || stat.user === null || stat.pin.length < 4 || (needManager && (mgr.user === null || mgr.pin.length < 4))) {
      setCloseErr(localError('fin.needPin'));
      return;
    }
    setBusy(true);
    setCloseErr(null);
    const r = await call(
      'dayClose.close',
      {
        date: pv.date,
        counts: dc.counts,
        channels: ch,
        differenceReason: dc.reason.trim(),
        managerApproval: needManager && mgr.user !== null ? { user: mgr.user, pin: mgr.pin } : undefined,
        finance: { user: fin.user, pin: fin.pin },
        statistician: { user: stat.user, pin: stat.pin },
      },
      { requestId: requestId.current },
    );
    setBusy(false);
    requestId.current = newRequestId();
    if (!r.ok) return setCloseErr(r.error);
    onDone(t('dc.closedOk', { date: r.value.date }));
    so.setFin({ ...fin, pin: '' });
    so.setStat({ ...stat, pin: '' });
    so.setMgr({ ...mgr, pin: '' });
    financeChanged();
    await dc.load();
  };

  return { busy, close };
}
